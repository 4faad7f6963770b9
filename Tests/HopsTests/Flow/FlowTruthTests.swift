import HopsDesign
import HopsFlow
import Testing

/// Issue 14: designs a real cluster would fail, or where what happens differs from the simple
/// picture; each traced, with the narration that says what a cluster does.
@Suite struct FlowTruthTests {
    func trace(_ d: Design, state: FlowState = FlowState(), port: Int? = nil) -> Trace {
        FlowEngine.trace(d, from: "user", state: state, port: port).0
    }

    @Test func wrongServicePortIsRefusedWithoutFallback() {
        var d = FlowFixtures.web()
        d.connections[0].port = 8080
        let t = trace(d)
        #expect(!t.succeeded)
        #expect(t.hops.map(\.to) == ["svc-web", "svc-web"])
        #expect(t.failure == "Service web has no port 8080; it listens on 80, so the connection is refused: dial port 80 "
            + "or add port 8080 to the Service")
    }

    @Test func port443OnAPort80ServiceIsRefused() {
        let t = trace(FlowFixtures.web(), port: 443)
        #expect(!t.succeeded)
        #expect(t.failure?.hasPrefix("Service web has no port 443; it listens on 80") == true)
    }

    @Test func connectionWithoutPortToAServiceOfSeveralPortsMustNameOne() throws {
        var d = FlowFixtures.web()
        d.connections[0].port = nil
        let i = try #require(d.index(of: "svc-web"))
        d.components[i].properties["ports"] = .array([.object(["port": 80, "targetPort": 8080]),
                                                     .object(["port": 443, "targetPort": 8080])])
        #expect(trace(d).failure == "the connection to Service web names no port and the Service has several (80 and 443): "
            + "set the arrow's port to the one it dials")
        d.connections[0].port = 443
        #expect(trace(d).succeeded)
    }

    @Test func crossNamespaceSelectorMatchesNothing() {
        var d = FlowFixtures.web()
        d.components.append(FlowFixtures.component("ns-shop", .namespace, "shop"))
        d.components[1].parent = "ns-shop" // Service web now lives in namespace shop; the Pods in default.
        let t = trace(d)
        #expect(!t.succeeded)
        #expect(t.failure == "Service web in namespace shop looks for Pods with app=web; Pod web has these labels but "
            + "lives in namespace default, and a selector matches only Pods in its own namespace, so the Service has no "
            + "endpoints and the connection is refused: put the Service in namespace default (callers then dial web.default)")
    }

    @Test func dnsNameOfAServiceInAnotherNamespace() {
        var d = FlowFixtures.web(appCallsDB: false)
        FlowFixtures.addAPI(to: &d)
        d.components.append(FlowFixtures.component("ns-back", .namespace, "back"))
        for id in ["svc-api", "deploy-api", "pod-api"] { d.components[d.index(of: id)!].parent = "ns-back" }
        d.connections.append(FlowFixtures.traffic("ctr-app", "svc-api", port: 80))
        let t = trace(d)
        #expect(t.succeeded)
        #expect(t.hops[3].narration == "container app looks up api.back (in full api.back.svc.cluster.local; a bare api "
            + "would look in namespace default) in the cluster DNS and opens a connection to Service api's ClusterIP on port 80")
    }

    @Test func targetPortAtTheDatabaseContainerIsCaught() throws {
        var d = FlowFixtures.web(targetPort: .number(5432))
        d.components[d.index(of: "ctr-db")!].image = "postgres:16.4"
        let t = trace(d)
        #expect(!t.succeeded)
        let last = try #require(t.hops.last)
        #expect(last.to == "pod-web" && last.instance == 1)
        #expect(last.narration == "Service web's targetPort 5432 is port 5432 of Pod \(FlowFixtures.podName(d, 1)), where "
            + "container db (postgres:16.4) listens: the connection reaches the database, not the app; it does not speak "
            + "the caller's protocol and drops the request: set targetPort to 8080 (container app)")
    }

    /// A trace from a Service or a Pod stands for a client the design does not draw: the answer
    /// goes to that client, never to the Service, which opens no connection.
    @Test func aTraceFromAServiceAnswersAClientNotTheService() throws {
        let d = FlowFixtures.web()
        let t = FlowEngine.trace(d, from: "svc-web", state: FlowState()).0
        #expect(t.succeeded)
        let last = try #require(t.hops.last)
        #expect(last.narration.hasPrefix("container app now has what it needed and answers the client in the cluster "
                                         + "that called Service web: "
                                         + "the reply goes from Pod "))
        #expect(!t.hops.contains { $0.narration.contains("the connection Service web opened") })
        #expect(FlowEngine.sourceName("svc-web", in: d) == "the client in the cluster that called Service web")
        let fromPod = FlowEngine.trace(d, from: "pod-web", state: FlowState()).0
        #expect(fromPod.hops.last?.narration.contains("the client in the cluster that called Pod web, on the connection it "
                                                      + "opened to the Pod's IP") == true)
    }

    /// A client in the cluster calling a Service in front of a database (a mysql Service for its
    /// StatefulSet, with a backup sidecar beside it) is served: the trap is for HTTP from outside.
    @Test func aServiceInFrontOfItsDatabaseServesClientsInTheCluster() throws {
        var d = FlowFixtures.web(targetPort: .number(5432))
        d.components[d.index(of: "ctr-db")!].image = "postgres:16.4"
        let t = FlowEngine.trace(d, from: "svc-web", state: FlowState()).0
        #expect(t.succeeded)
        #expect(t.hops.contains { $0.to == "ctr-db" })
        #expect(!t.hops.contains { $0.narration.contains("not the app") })
    }

    @Test func serviceWithoutSelectorHasNoEndpointsUnlessSlicesAreGiven() {
        let none = trace(FlowFixtures.web(selector: [:]))
        #expect(none.failure?.hasPrefix("Service web has no selector, so Kubernetes makes no EndpointSlices for it and it "
            + "has no endpoints (none are written by hand in this design); the connection is refused") == true)
        var manual = FlowFixtures.web(selector: [:])
        manual.components.append(FlowFixtures.component("ext", .box, "legacy"))
        manual.connections.append(FlowFixtures.traffic("svc-web", "ext"))
        let t = trace(manual)
        #expect(t.succeeded)
        #expect(t.hops[1].narration == "Service web has no selector, so Kubernetes makes no EndpointSlices for it; its "
            + "arrow stands for EndpointSlices written by hand that point at Box legacy: the connection goes on to Box legacy on port 80")
    }

    @Test func notReadyAndDeletedAreDifferentStates() {
        var unready = FlowFixtures.web(replicas: 2)
        unready.components[unready.index(of: "pod-web")!].isReady = false
        let u = trace(unready)
        #expect(u.failure?.contains("Running but fail their readiness probe") == true)
        #expect(u.failure?.contains("more replicas of the same template would be just as unready") == true)

        let d = FlowFixtures.web(replicas: 2)
        var state = FlowState()
        state.kill("pod-web", instance: 1); state.kill("pod-web", instance: 2)
        let k = trace(d, state: state)
        #expect(k.failure?.contains("every Pod was deleted (\(FlowFixtures.podName(d, 1)) and \(FlowFixtures.podName(d, 2)))") == true)
        #expect(k.failure?.contains("wait for the controller's replacement") == true)
        #expect(k.failure?.contains("readiness") == false)
    }

    @Test func nodePortEntrySaysNodeAndSourceNAT() throws {
        var d = FlowFixtures.web()
        let i = try #require(d.index(of: "svc-web"))
        d.components[i].serviceType = "NodePort"
        d.components[i].properties["ports"] = .array([.object(["port": 80, "targetPort": 8080, "nodePort": 30080])])
        let t = trace(d)
        #expect(t.succeeded)
        #expect(t.hops[0].narration == "User connects to a node's IP on Service web's nodePort 30080 (HTTP); kube-proxy "
            + "on that node takes the connection; with externalTrafficPolicy: Cluster (the default) the node also rewrites "
            + "the source to its own address (SNAT), so the Pod does not see User's address and the reply returns through that node")
        #expect(t.hops.last?.narration.contains("to the node that took the connection (the request's source was rewritten "
            + "to it), not through Service web; there conntrack undoes the source NAT and the destination rewrite") == true)
        #expect(t.hops[1].narration.contains("kube-proxy's rules on the node that took the connection rewrite its "
            + "destination from that node's nodePort (for Service port 80)") == true)

        d.components[i].properties["externalTrafficPolicy"] = .string("Local")
        let local = trace(d)
        #expect(local.hops[0].narration.hasSuffix("with externalTrafficPolicy: Local the node keeps User's address and "
            + "sends only to Pods on that same node (a node without one refuses the connection)"))
        #expect(local.hops.last?.narration.contains("the Pod runs on the node that took the connection, where conntrack "
            + "undoes the destination rewrite") == true)
    }

    @Test func loadBalancerEntryIsTheCloudLoadBalancer() throws {
        var d = FlowFixtures.web()
        d.components[try #require(d.index(of: "svc-web"))].serviceType = "LoadBalancer"
        let t = trace(d)
        #expect(t.succeeded)
        #expect(t.hops[0].narration == "User connects to the cloud load balancer of Service web on port 80 (HTTP); it "
            + "forwards to a node's nodePort, where kube-proxy's rules pick a Pod (with externalTrafficPolicy: Cluster the "
            + "node also rewrites the source)")
    }

    @Test func keepAlivePinsTheConnectionToOnePod() {
        let d = FlowFixtures.web(replicas: 3)
        var state = FlowState()
        var picks: [Int?] = []
        for n in 0..<4 {
            let (t, s) = FlowEngine.trace(d, from: "user", state: state, sameConnection: n > 0)
            picks.append(FlowFixtures.chosen([t])[0]); state = s
        }
        #expect(picks == [1, 1, 1, 1])
        // A new connection picks again (the next in turn).
        let (fresh, _) = FlowEngine.trace(d, from: "user", state: state)
        #expect(FlowFixtures.chosen([fresh]) == [2])
        // The pinned Pod deleted: the connection is gone, and a new one goes elsewhere.
        state.kill("pod-web", instance: 1)
        let (moved, _) = FlowEngine.trace(d, from: "user", state: state, sameConnection: true)
        #expect(FlowFixtures.chosen([moved]) == [2])
        #expect(!moved.hops[1].narration.contains("keep-alive"))
    }

    @Test func seededRandomBalanceRepeatsAndSaysWhatKubeProxyDoes() {
        var state = FlowState()
        state.balance = .random
        state.seed = 3
        let (a, _) = FlowFixtures.run(FlowFixtures.web(replicas: 3), 12, state: state)
        let (b, _) = FlowFixtures.run(FlowFixtures.web(replicas: 3), 12, state: state)
        #expect(FlowFixtures.chosen(a) == FlowFixtures.chosen(b))
        #expect(Set(FlowFixtures.chosen(a).compactMap { $0 }) == [1, 2, 3])
        #expect(a[0].hops[1].narration.hasSuffix("kube-proxy picks a ready endpoint at random (iptables or nftables "
            + "mode; seeded here), once for the whole connection"))
    }

    @Test func rolloutIsAnsweredByBothVersions() {
        var d = FlowFixtures.web(replicas: 4)
        d.components[d.index(of: "ctr-app")!].image = "web-app:1.5"
        var state = FlowState()
        state.rollouts["pod-web"] = Rollout(container: "app", oldImage: "web-app:1.4", newImage: "web-app:1.5",
                                            updated: 1, nextStepMs: 3000)
        let (traces, _) = FlowFixtures.run(d, 2, state: state)
        #expect(traces.allSatisfy { $0.succeeded })
        #expect(traces[0].hops[2].version == "web-app:1.5, the new version")
        #expect(traces[1].hops[2].version == "web-app:1.4, the old version")
        #expect(traces[0].hops[1].narration.hasSuffix("a rolling update is under way, so the endpoints are Pods of both "
            + "ReplicaSets (1 new, 3 old) and either version may answer"))
        #expect(traces[1].responseHops.last?.narration.hasPrefix("container app (web-app:1.4, the old version) now has what it needed and answers User") == true)
        // The two ReplicaSets have different template hashes, so their Pods' names differ in the middle part.
        let new = traces[0].hops[1].podName ?? "", old = traces[1].hops[1].podName ?? ""
        #expect(new.split(separator: "-")[1] != old.split(separator: "-")[1])
        #expect(Rollout.surge(replicas: 4) == 1 && Rollout.maxUnavailable(replicas: 4) == 1)
    }

    @Test func deploymentReplacementGetsANewNameStatefulSetKeepsIt() throws {
        let d = FlowFixtures.web(replicas: 2)
        var state = FlowState()
        let before = FlowFixtures.podName(d, 2, state: state)
        #expect(before.wholeMatch(of: /web-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}/) != nil)
        state.kill("pod-web", instance: 2); state.revive("pod-web", instance: 2)
        let after = FlowFixtures.podName(d, 2, state: state)
        #expect(after != before)
        #expect(after.prefix(15) == before.prefix(15)) // same ReplicaSet, new Pod

        var sts = FlowFixtures.web(replicas: 3)
        let i = try #require(sts.index(of: "deploy-web"))
        sts.components[i].kind = .statefulSet
        #expect((1...3).map { FlowFixtures.podName(sts, $0) } == ["web-0", "web-1", "web-2"])
        var s2 = FlowState()
        s2.kill("pod-web", instance: 2); s2.revive("pod-web", instance: 2)
        #expect(FlowFixtures.podName(sts, 2, state: s2) == "web-1")
    }
}
