import HopsCheck
import HopsDesign
import HopsFlow
import Testing

/// Broken designs: the trace must stop at the hop where the request gets stuck, mark only that
/// hop failed, and say in plain words what is wrong and what to change.
@Suite struct FlowBrokenTests {
    /// The failed trace's last hop, after checking the shape every failure shares.
    func stopped(_ trace: Trace, sourceLocation: SourceLocation = #_sourceLocation) throws -> Hop {
        #expect(!trace.succeeded, sourceLocation: sourceLocation)
        #expect(trace.responseHops.isEmpty, sourceLocation: sourceLocation)
        let last = try #require(trace.hops.last, sourceLocation: sourceLocation)
        #expect(last.status == .failed, sourceLocation: sourceLocation)
        #expect(trace.hops.dropLast().allSatisfy { $0.status == .ok }, sourceLocation: sourceLocation)
        #expect(trace.failure == last.narration, sourceLocation: sourceLocation)
        return last
    }

    @Test func userWithoutConnectionSaysHowToConnect() throws {
        var design = FlowFixtures.web()
        design.connections.removeAll { $0.from == "user" }
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        let last = try stopped(trace)
        #expect(trace.hops.count == 1)
        #expect(last.from == "user" && last.to == "user")
        #expect(last.narration.contains("User has no outgoing connection"))
        #expect(last.narration.contains("`c`"))
    }

    @Test func selectorMatchingNoPodListsTheLabelsPodsHave() throws {
        let design = FlowFixtures.web(selector: ["app": "api"])
        let start = FlowState()
        let (trace, after) = FlowEngine.trace(design, from: "user", state: start)
        let last = try stopped(trace)
        #expect(trace.hops.map(\.to) == ["svc-web", "svc-web"])
        #expect(last.from == "svc-web" && last.to == "svc-web")
        for words in ["Service web", "app=api", "no Pod has these labels", "web (app=web)", "selector"] {
            #expect(last.narration.contains(words), "\(last.narration) should say \(words)")
        }
        #expect(after == start)
    }

    @Test func podWithoutLabelsIsListedAsSuch() throws {
        let design = FlowFixtures.web(podLabels: [:])
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        #expect(try stopped(trace).narration.contains("web (no labels)"))
    }

    @Test func zeroReplicasSaysToScaleUp() throws {
        let design = FlowFixtures.web(replicas: 0)
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        let last = try stopped(trace)
        #expect(last.from == "svc-web" && last.to == "pod-web")
        #expect(last.connection == "web-selects")
        for words in ["Deployment web", "replicas 0", ":scale"] {
            #expect(last.narration.contains(words), "\(last.narration) should say \(words)")
        }
        #expect(FlowEngine.instances(of: "pod-web", in: design, state: FlowState()).count == 0)
    }

    @Test func killedOnlyReplicaStopsAtTheService() throws {
        let design = FlowFixtures.web(replicas: 1)
        var state = FlowState()
        state.kill("pod-web", instance: 1)
        let (trace, after) = FlowEngine.trace(design, from: "user", state: state)
        let last = try stopped(trace)
        #expect(last.from == "svc-web" && last.to == "pod-web")
        #expect(last.narration.contains("\(FlowFixtures.podName(design, 1)) was deleted and no replacement is ready yet, "
            + "so there is no ready endpoint and the connection is refused"))
        #expect(after == state)

        state.revive("pod-web", instance: 1)
        #expect(FlowEngine.trace(design, from: "user", state: state).0.succeeded)
    }

    @Test func podMarkedNotReadyHasEveryCopyDown() throws {
        var design = FlowFixtures.web(replicas: 3)
        design.components[try #require(design.index(of: "pod-web"))].isReady = false
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        let last = try stopped(trace)
        #expect(last.to == "pod-web")
        #expect(last.narration == "Service web selects Pods with app=web, but the Pods of template web are Running but "
            + "fail their readiness probe, so none is a ready endpoint and the connection is refused; more replicas of the "
            + "same template would be just as unready: fix the probe or the app (kubectl describe pod shows the failing probe)")
    }

    @Test func wrongTargetPortListsTheExposedPorts() throws {
        let design = FlowFixtures.web(targetPort: .number(9090))
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        let last = try stopped(trace)
        #expect(trace.hops.count == 2)
        #expect(last.from == "svc-web" && last.to == "pod-web")
        for words in ["no container declares port 9090 in Pod web", "if nothing listens there the connection is refused",
                      "container app declares port 8080 (http)", "container db declares port 5432 (postgres)", "set targetPort to the port the app listens on"] {
            #expect(last.narration.contains(words), "\(last.narration) should say \(words)")
        }
        #expect(!last.narration.contains("add containerPort"))
    }

    /// A containerPort is informational: a Pod whose one app container declares no port is taken
    /// to listen on the targetPort (said so, and warned about by the check); with two such
    /// containers it would be a guess, and the trace stops as for any undeclared port.
    @Test func anUndeclaredPortReachesTheOneContainerThatDeclaresNone() throws {
        var d = FlowFixtures.web()
        d.components[d.index(of: "ctr-app")!].properties["ports"] = nil
        let t = FlowEngine.trace(d, from: "user", state: FlowState()).0
        #expect(t.succeeded)
        #expect(t.hops[1].narration.contains("port 8080, which no container declares: Hops assumes container app, "
                                             + "which declares no port, listens there"))
        #expect(t.hops[2].to == "ctr-app")
        let warned = CheckEngine.findings(in: d, catalog: Fixtures.catalog).filter { $0.rule == "undeclared-target-port" }
        #expect(warned.map(\.component) == ["svc-web"] && warned[0].severity == .warning)
        d.components[d.index(of: "ctr-db")!].properties["ports"] = nil
        let guess = FlowEngine.trace(d, from: "user", state: FlowState()).0
        #expect(!guess.succeeded)
        #expect(guess.failure?.contains("container app declares no port and container db declares no port") == true)
    }

    @Test func targetPortByNameMatchesTheContainerPortName() throws {
        let good = FlowEngine.trace(FlowFixtures.web(targetPort: .string("http")), from: "user", state: FlowState()).0
        #expect(good.succeeded)
        #expect(good.hops[1].narration.contains("http = 8080"))
        #expect(good.hops[2].to == "ctr-app")

        let bad = FlowEngine.trace(FlowFixtures.web(targetPort: .string("metrics")), from: "user", state: FlowState()).0
        let last = try stopped(bad)
        #expect(last.narration.contains("targetPort metrics names a port no container in Pod web declares"))
        #expect(last.narration.contains("Kubernetes lists no endpoint for these Pods and the connection is refused"))
        #expect(last.narration.contains("container app declares port 8080 (http)"))
    }

    /// A request that reaches data, storage, a controller or a missing object gets no answer:
    /// the trace stops there and says what that thing is (it used to "answer").
    @Test func whatIsNotAServerAnswersNothing() throws {
        for (kind, says) in [(Kind.configMap, "is data that Pods read"), (.pvc, "is a claim on storage"),
                             (.hpa, "is an object the HPA controller reads"),
                             (.deployment, "is a workload that creates Pods; it has no address of its own")] {
            let d = Design(name: "x", components: [
                FlowFixtures.component("user", .user, "User"), FlowFixtures.component("t", kind, "t"),
            ], connections: [FlowFixtures.traffic("user", "t")])
            let (trace, _) = FlowEngine.trace(d, from: "user", state: FlowState())
            let last = try stopped(trace)
            #expect(last.to == "t" && last.narration.contains(says) && last.narration.contains("nothing answers"))
            #expect(CheckEngine.findings(in: d, catalog: Fixtures.catalog).contains { $0.rule == "connection-kind" })
        }
        let alone = Design(name: "x", components: [FlowFixtures.component("cm", .configMap, "cfg")], connections: [])
        #expect(try stopped(FlowEngine.trace(alone, from: "cm", state: FlowState()).0).narration
            == "ConfigMap cfg sends no requests: it is data that Pods read (mounted as files or as variables), not a "
                + "client; trace from a User, an Ingress or a Service")
        var d = FlowFixtures.web()
        d.components[d.index(of: "svc-web")!].properties["missing"] = .bool(true)
        let last = try stopped(FlowEngine.trace(d, from: "user", state: FlowState()).0)
        #expect(last.narration == "Service web is not in the input (drawn dashed as missing), so the request has "
            + "nowhere to go: import the manifest that defines it, or add it")
    }

    /// localhost reaches only the containers of one Pod: a call to a container of another Pod stops.
    @Test func aContainerCannotCallAContainerOfAnotherPodDirectly() throws {
        var d = FlowFixtures.web(appCallsDB: false)
        d.components.append(FlowFixtures.component("pod-2", .pod, "other"))
        d.components.append(Component(id: "ctr-2", kind: .container, name: "cache", parent: "pod-2"))
        d.connections.append(FlowFixtures.traffic("ctr-app", "ctr-2"))
        let last = try stopped(FlowEngine.trace(d, from: "user", state: FlowState()).0)
        #expect(last.narration == "container app (in Pod web) cannot call container cache (in Pod other) directly: "
            + "localhost reaches only the containers of its own Pod, and another Pod's IP changes when it is replaced; "
            + "call it through a Service that selects Pod other")
    }

    @Test func loopStopsWhereTheCircleCloses() throws {
        var design = FlowFixtures.web(appCallsDB: false)
        design.connections.append(FlowFixtures.traffic("ctr-app", "svc-web"))
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        let last = try stopped(trace)
        #expect(trace.hops.count <= 64)
        #expect(last.from == "ctr-app" && last.to == "svc-web")
        #expect(last.connection == "ctr-app->svc-web")
        for words in ["Service web", "Pod web", "container app", "until a timeout along the way ends it", "remove"] {
            #expect(last.narration.contains(words), "\(last.narration) should say \(words)")
        }
        // The hop's narration, then why it goes nowhere, as a sentence of its own.
        #expect(last.narration.contains("Service web's ClusterIP. The request has passed Service web before"))
        #expect(trace.loop == ["svc-web", "pod-web", "ctr-app"])
        // The check finds the circle from the User, the Service and the container: one error.
        let errors = CheckEngine.findings(in: design, catalog: Fixtures.catalog).filter { $0.rule == "request-fails" }
        #expect(errors.count == 1, "\(errors.map(\.message))")
    }

    @Test func loopBetweenPlainBoxesIsCaughtToo() throws {
        let design = Design(name: "loop", components: [
            FlowFixtures.component("a", .box, "a"), FlowFixtures.component("b", .box, "b"), FlowFixtures.component("c", .box, "c"),
        ], connections: [FlowFixtures.traffic("a", "b"), FlowFixtures.traffic("b", "c"), FlowFixtures.traffic("c", "a")])
        let (trace, _) = FlowEngine.trace(design, from: "a", state: FlowState())
        let last = try stopped(trace)
        #expect(last.from == "c" && last.to == "a")
        #expect(last.narration.contains("Box a → Box b → Box c → Box a"))
    }

    @Test func unknownSourceFailsWithoutHops() {
        let (trace, _) = FlowEngine.trace(FlowFixtures.web(), from: "nobody", state: FlowState())
        #expect(!trace.succeeded)
        #expect(trace.hops.isEmpty)
        #expect(trace.failure?.contains("nobody") == true)
    }

    @Test func serviceWithoutSelectorSaysToAddOne() throws {
        let design = FlowFixtures.web(selector: [:])
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        let last = try stopped(trace)
        #expect(last.to == "svc-web")
        #expect(last.narration.contains("no selector, so Kubernetes makes no EndpointSlices for it and it has no endpoints"))
        #expect(last.narration.contains("app=web"))
    }
}

/// Limits and hostile names: a very long chain stops at the bound; names cannot smuggle escapes.
@Suite struct FlowLimitTests {
    @Test func veryLongChainStopsAtTheBound() throws {
        let ids = (0..<80).map { "b\($0)" }
        let design = Design(name: "chain", components: ids.map { FlowFixtures.component($0, .box, $0) },
                            connections: zip(ids, ids.dropFirst()).map { FlowFixtures.traffic($0, $1) })
        let (trace, _) = FlowEngine.trace(design, from: "b0", state: FlowState())
        #expect(!trace.succeeded)
        #expect(trace.hops.count == 64)
        #expect(trace.hops.last?.status == .failed)
        #expect(trace.failure?.contains("64 hops") == true)
    }

    @Test func controlCharactersInNamesAreEscaped() {
        var design = FlowFixtures.web()
        design.components[1].name = "web\u{1B}[2J"
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        #expect(trace.succeeded)
        #expect(trace.hops.allSatisfy { !$0.narration.unicodeScalars.contains { $0.value == 0x1B } })
        #expect(trace.hops[0].narration.contains("web\\e[2J"))
    }
}
