import HopsDesign
import HopsFlow
import Testing

/// The happy path: the bundled design's request goes User → Service → Pod → app → db and back,
/// and a Service spreads requests over its replicas in turn, skipping the ones that are down.
@Suite struct FlowTests {
    @Test func bundledDesignGoesThereAndBackWithoutPassingTheService() throws {
        let design = try FlowFixtures.bundled()
        let source = try #require(FlowEngine.defaultSource(in: design))
        #expect(source == "user")
        let (trace, _) = FlowEngine.trace(design, from: source, state: FlowState())
        #expect(trace.succeeded)
        #expect(trace.failure == nil)
        #expect(trace.source == "user")
        // Out along the drawing; back only between the parties that hold connections: db answers
        // app on their localhost connection, app answers User straight from the Pod.
        #expect(trace.hops.map { [$0.from, $0.to] } == [["user", "svc-web"], ["svc-web", "pod-web"], ["pod-web", "ctr-app"],
                                                      ["ctr-app", "ctr-db"], ["ctr-db", "ctr-app"], ["ctr-app", "user"]])
        #expect(trace.hops.map(\.direction) == Array(repeating: .request, count: 4) + Array(repeating: .response, count: 2))
        #expect(trace.hops.allSatisfy { $0.status == .ok })
        #expect(trace.hops.map(\.connection) == ["user-to-web", "web-selects-pods", nil, "app-to-db", "app-to-db", nil])
        #expect(!trace.responseHops.contains { $0.from == "svc-web" || $0.to == "svc-web" || $0.to == "pod-web" })
        // Everything after the Service happens inside one Pod of the three, named as a Deployment names it.
        #expect(trace.hops[1...5].allSatisfy { $0.instance == 1 && $0.instanceCount == 3 })
        #expect(trace.hops[1...5].allSatisfy { $0.podName == "web-9gv7vthhzd-8t62s" })
        #expect(trace.hops[0].instance == nil)
        #expect(trace.hops[4].narration == "container db answers container app on their localhost connection inside Pod web-9gv7vthhzd-8t62s")
        #expect(trace.hops[5].narration == "container app now has what it needed and answers User: the reply goes from "
            + "Pod web-9gv7vthhzd-8t62s straight back to User, not through Service web; on the node that rewrote the "
            + "request, conntrack recognises the connection and restores Service web's address as the reply's source, "
            + "so User sees an answer from the address it dialled; the request is complete")
    }

    @Test func serviceHopSaysKubeProxyRewritesTheConnection() throws {
        let design = try FlowFixtures.bundled()
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        #expect(trace.hops[0].narration == "User opens a connection to Service web's ClusterIP on port 80 (HTTP). A "
            + "ClusterIP is a virtual address reachable only from inside the cluster: from outside, a cluster needs an "
            + "Ingress, a LoadBalancer or NodePort Service, or kubectl port-forward svc/web 8080:80; Hops traces on as "
            + "if User were inside")
        #expect(trace.hops[1].narration == "no process runs for Service web: kube-proxy's rules on the sending node "
            + "rewrite the connection's destination from the Service address (port 80) to a ready endpoint, "
            + "web-9gv7vthhzd-8t62s (1 of 3, kept by ReplicaSet web-9gv7vthhzd of Deployment web), port 8080, where "
            + "container app listens; Service web's EndpointSlices "
            + "list 3 ready Pods with app=web; Hops takes the endpoints in turn so each is seen (a simplification: "
            + "kube-proxy in iptables or nftables mode picks a ready endpoint at random, IPVS round robin per node); "
            + "the choice holds for the whole connection")
        #expect(trace.hops[2].narration == "Pod web-9gv7vthhzd-8t62s is one network namespace with one IP, shared by "
            + "its containers: the process listening on port 8080 there, container app, receives the connection")
        #expect(trace.hops[3].narration == "container app opens its own connection to container db on localhost:5432: "
            + "a separate connection with its own protocol; both containers share Pod web-9gv7vthhzd-8t62s's network namespace "
            + "(with 3 replicas there are 3 separate databases, one in each Pod, each lost when its Pod is replaced; the "
            + "usual shape is a StatefulSet with a PersistentVolumeClaim behind its own Service)")
    }

    @Test func roundRobinTakesEachReplicaInTurn() throws {
        for design in [try FlowFixtures.bundled(), FlowFixtures.web(replicas: 3)] {
            let (traces, state) = FlowFixtures.run(design, 6)
            #expect(FlowFixtures.chosen(traces) == [1, 2, 3, 1, 2, 3])
            #expect(traces.allSatisfy { $0.succeeded })
            #expect(state.roundRobin["svc-web"] != nil)
            // The chosen Pod is named in the narration, out of three, each with its own name.
            for (t, i) in zip(traces, [1, 2, 3, 1, 2, 3]) {
                let name = FlowFixtures.podName(design, i)
                let replicaSet = name.split(separator: "-").dropLast().joined(separator: "-")
                #expect(t.hops[1].narration.contains("\(name) (\(i) of 3, kept by ReplicaSet \(replicaSet) of Deployment web)"))
            }
            #expect(Set((1...3).map { FlowFixtures.podName(design, $0) }).count == 3)
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
        #expect(traces[0].hops[1].narration.contains("3 ready Pods") == false)
        #expect(traces[0].hops[1].narration.contains("2 ready Pods with app=web (1 not ready or deleted, so left out)"))

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
        #expect(FlowEngine.instanceName(of: "pod-web", index: 2, in: design) == "web-9gv7vthhzd-2l55x")
    }

    @Test func bareSingletonPodIsNamedAsDrawn() throws {
        var design = try FlowFixtures.bundled()
        design.connections.removeAll { $0.kind == .manages }
        let (traces, _) = FlowFixtures.run(design, 2)
        #expect(FlowFixtures.chosen(traces) == [1, 1])
        #expect(traces.allSatisfy { $0.succeeded })
        #expect(traces[0].hops[1].narration.contains("a ready endpoint, web, port 8080"))
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
        design.connections.append(FlowFixtures.traffic("ctr-app", "svc-api", port: 80))
        let (traces, state) = FlowFixtures.run(design, 4)
        #expect(traces.allSatisfy { $0.succeeded })
        let path = traces[0].requestHops.map(\.to)
        #expect(path == ["svc-web", "pod-web", "ctr-app", "svc-api", "pod-api", "ctr-api"])
        #expect(FlowFixtures.chosen(traces, service: "svc-api") == [1, 2, 1, 2])
        #expect(FlowFixtures.chosen(traces) == [1, 2, 3, 1])
        #expect(state.roundRobin.keys.sorted() == ["svc-api", "svc-web"])
        // The named targetPort "grpc" resolves to the container port of that name.
        #expect(traces[0].hops[4].narration.contains("port grpc = 9000, where container server listens"))
        // app looks Service api up by its DNS name before connecting.
        #expect(traces[0].hops[3].narration.contains("looks up api (in full api.default.svc.cluster.local) in the cluster DNS"))
        // The response skips both Services: server answers app, app answers User.
        #expect(traces[0].responseHops.map { [$0.from, $0.to] } == [["ctr-api", "ctr-app"], ["ctr-app", "user"]])
        // The api replica is on the hops inside it, not on the call into Service api.
        #expect(traces[1].hops[3].instance == nil)
        #expect(traces[1].hops[4].instance == 2 && traces[1].hops[4].instanceCount == 2)
    }

    @Test func requestStraightToAPodDialsOneSpecificPod() throws {
        var design = FlowFixtures.web(replicas: 3)
        design.connections[0] = FlowFixtures.traffic("user", "pod-web", port: 5432)
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        #expect(trace.succeeded)
        // The connection's port picks the db container, in the one Pod whose IP the arrow dials.
        #expect(trace.requestHops.map(\.to) == ["pod-web", "ctr-db"])
        #expect(trace.requestHops[1].instance == 1)
        #expect(trace.requestHops[0].narration.contains("dials a Pod IP directly on port 5432"))
        #expect(trace.requestHops[1].narration.contains("nothing picks among the copies"))

        // That Pod deleted: its IP is gone; nothing falls over to another copy.
        var state = FlowState()
        state.kill("pod-web", instance: 1)
        let (gone, _) = FlowEngine.trace(design, from: "user", state: state)
        #expect(!gone.succeeded)
        #expect(gone.failure?.contains("dials the IP of Pod \(FlowFixtures.podName(design, 1)), which was deleted") == true)
    }
}
