import HopsDesign
import HopsFlow
import Testing

/// The happy path: the bundled design's request goes User → Service → Pod → app → db and back,
/// and a Service spreads requests over its replicas in turn, skipping the ones that are down.
@Suite struct FlowTests {
    @Test func bundledDesignGoesThereAndBack() throws {
        let design = try FlowFixtures.bundled()
        let source = try #require(FlowEngine.defaultSource(in: design))
        #expect(source == "user")
        let (trace, _) = FlowEngine.trace(design, from: source, state: FlowState())
        #expect(trace.succeeded)
        #expect(trace.failure == nil)
        #expect(trace.source == "user")
        let way = ["user", "svc-web", "pod-web", "ctr-app", "ctr-db"]
        let there = zip(way, way.dropFirst()).map { [$0, $1] }
        let back = there.reversed().map { [$0[1], $0[0]] }
        #expect(trace.hops.map { [$0.from, $0.to] } == there + back)
        #expect(trace.hops.map(\.direction) == Array(repeating: .request, count: 4) + Array(repeating: .response, count: 4))
        #expect(trace.hops.allSatisfy { $0.status == .ok })
        let arrows: [String?] = ["user-to-web", "web-selects-pods", nil, "app-to-db"]
        #expect(trace.hops.map(\.connection) == arrows + arrows.reversed())
        for hop in trace.hops {
            let from = try #require(design.component(hop.from)).name
            let to = try #require(design.component(hop.to)).name
            #expect(hop.narration.contains(from), "\(hop.narration) should name \(from)")
            #expect(hop.narration.contains(to), "\(hop.narration) should name \(to)")
        }
        // Everything after the Service happens inside one replica of the three.
        #expect(trace.hops[1...6].allSatisfy { $0.instance == 1 && $0.instanceCount == 3 })
        #expect(trace.hops[0].instance == nil && trace.hops[7].instance == nil)
    }

    @Test func serviceHopExplainsItsChoice() throws {
        let design = try FlowFixtures.bundled()
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        let hop = try #require(trace.hops.first { $0.from == "svc-web" })
        for words in ["Service web", "3 Pods", "app=web", "round robin", "web-1 of 3", "8080", "container app"] {
            #expect(hop.narration.contains(words), "\(hop.narration) should say \(words)")
        }
        #expect(trace.hops[3].narration.contains("localhost"))
        #expect(trace.hops.last?.narration.contains("complete") == true)
    }

    @Test func roundRobinTakesEachReplicaInTurn() throws {
        for design in [try FlowFixtures.bundled(), FlowFixtures.web(replicas: 3)] {
            let (traces, state) = FlowFixtures.run(design, 6)
            #expect(FlowFixtures.chosen(traces) == [1, 2, 3, 1, 2, 3])
            #expect(traces.allSatisfy { $0.succeeded })
            #expect(state.roundRobin["svc-web"] != nil)
            // The chosen replica is named in the narration, out of three.
            for (t, i) in zip(traces, [1, 2, 3, 1, 2, 3]) {
                #expect(t.hops[1].narration.contains("web-\(i) of 3"))
            }
        }
    }

    @Test func traceDoesNotChangeTheStateItWasGiven() {
        let design = FlowFixtures.web()
        let start = FlowState()
        let (a, after) = FlowEngine.trace(design, from: "user", state: start)
        let (b, _) = FlowEngine.trace(design, from: "user", state: start)
        #expect(a == b)
        #expect(after != start)
    }

    @Test func killedReplicaIsSkippedUntilBroughtBack() {
        let design = FlowFixtures.web(replicas: 3)
        var state = FlowState()
        state.kill("pod-web", instance: 2)
        #expect(state.down == ["pod-web": [2]])
        let (traces, after) = FlowFixtures.run(design, 6, state: state)
        #expect(FlowFixtures.chosen(traces) == [1, 3, 1, 3, 1, 3])
        #expect(traces.allSatisfy { $0.succeeded })
        #expect(traces[0].hops[1].narration.contains("web-2 is down"))

        var revived = after
        revived.revive("pod-web", instance: 2)
        #expect(revived.down.isEmpty)
        let (again, _) = FlowFixtures.run(design, 3, state: revived)
        #expect(Set(FlowFixtures.chosen(again).compactMap { $0 }) == [1, 2, 3])
    }

    @Test func downStateAlsoWorksThroughAManagesArrow() throws {
        let design = try FlowFixtures.bundled()
        var state = FlowState()
        state.down["pod-web"] = [2]
        let (traces, _) = FlowFixtures.run(design, 4, state: state)
        #expect(FlowFixtures.chosen(traces) == [1, 3, 1, 3])
    }

    @Test func instancesCountReplicasAndDownOnes() throws {
        let design = try FlowFixtures.bundled()
        var state = FlowState()
        #expect(FlowEngine.instances(of: "pod-web", in: design, state: state) == (3, []))
        state.kill("pod-web", instance: 3)
        state.kill("pod-web", instance: 7) // beyond the replicas: ignored
        #expect(FlowEngine.instances(of: "pod-web", in: design, state: state) == (3, [3]))

        var notReady = design
        notReady.components[try #require(notReady.index(of: "pod-web"))].isReady = false
        #expect(FlowEngine.instances(of: "pod-web", in: notReady, state: FlowState()) == (3, [1, 2, 3]))

        var bare = design
        bare.connections.removeAll { $0.kind == .manages }
        #expect(FlowEngine.instances(of: "pod-web", in: bare, state: FlowState()) == (1, []))
        #expect(FlowEngine.instanceName(of: "pod-web", index: 1, in: bare) == "web")
        #expect(FlowEngine.instanceName(of: "pod-web", index: 2, in: design) == "web-2")
    }

    @Test func bareSingletonPodIsNamedAsDrawn() throws {
        var design = try FlowFixtures.bundled()
        design.connections.removeAll { $0.kind == .manages }
        let (traces, _) = FlowFixtures.run(design, 2)
        #expect(FlowFixtures.chosen(traces) == [1, 1])
        #expect(traces.allSatisfy { $0.succeeded })
        #expect(!traces[0].hops[1].narration.contains("web-1"))
    }

    @Test func defaultSourcePrefersAUserThenAnUncalledComponent() {
        var design = FlowFixtures.web()
        #expect(FlowEngine.defaultSource(in: design) == "user")
        design.remove("user")
        design.components.insert(FlowFixtures.component("note", .note, "remember"), at: 0)
        // svc-web is no longer called; deploy-web comes after it in design order.
        #expect(FlowEngine.defaultSource(in: design) == "svc-web")
        #expect(FlowEngine.defaultSource(in: Design(name: "empty")) == nil)
    }

    @Test func containerCallingAnotherServiceRoundRobinsThere() {
        var design = FlowFixtures.web(replicas: 3, appCallsDB: false)
        FlowFixtures.addAPI(to: &design, replicas: 2)
        design.connections.append(FlowFixtures.traffic("ctr-app", "svc-api"))
        let (traces, state) = FlowFixtures.run(design, 4)
        #expect(traces.allSatisfy { $0.succeeded })
        let path = traces[0].requestHops.map(\.to)
        #expect(path == ["svc-web", "pod-web", "ctr-app", "svc-api", "pod-api", "ctr-api"])
        #expect(FlowFixtures.chosen(traces, service: "svc-api") == [1, 2, 1, 2])
        #expect(FlowFixtures.chosen(traces) == [1, 2, 3, 1])
        #expect(state.roundRobin.keys.sorted() == ["svc-api", "svc-web"])
        // The named targetPort "grpc" resolves to the container port of that name.
        #expect(traces[0].hops[4].narration.contains("grpc = 9000"))
        // The api replica is on the hops inside it, not on the call into Service api.
        #expect(traces[1].hops[3].instance == nil)
        #expect(traces[1].hops[4].instance == 2 && traces[1].hops[4].instanceCount == 2)
    }

    @Test func requestStraightToAPodUsesTheFirstRunningCopy() {
        var design = FlowFixtures.web(replicas: 3)
        design.connections[0] = FlowFixtures.traffic("user", "pod-web", label: ":5432")
        var state = FlowState()
        state.kill("pod-web", instance: 1)
        let (trace, _) = FlowEngine.trace(design, from: "user", state: state)
        #expect(trace.succeeded)
        // The label's port picks the db container; copy 1 is down so copy 2 takes it.
        #expect(trace.requestHops.map(\.to) == ["pod-web", "ctr-db"])
        #expect(trace.requestHops[1].instance == 2)
    }
}
