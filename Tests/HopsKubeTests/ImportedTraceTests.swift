import HopsCheck
import HopsDesign
import HopsFlow
import HopsKube
import Testing

/// Real manifests imported and traced: the narration says what such a cluster does.
@Suite struct ImportedTraceTests {
    @Test func onlineBoutiqueEntersThroughTheCloudLoadBalancerAndAnswersAroundServices() throws {
        let (d, _) = try KubeSupport.load("online-boutique.yaml")
        let user = try #require(FlowEngine.defaultSource(in: d))
        let (t, _) = FlowEngine.trace(d, from: user, state: FlowState())
        #expect(t.succeeded)
        #expect(t.hops[0].narration.hasPrefix("User connects to the cloud load balancer of Service frontend-external on port 80"))
        // No response hop touches a Service: each reply goes from the answering container to its caller.
        let services = Set(d.components.filter { $0.kind == .service }.map(\.id))
        #expect(t.responseHops.allSatisfy { !services.contains($0.from) && !services.contains($0.to) })
        // The two containers are both called "server": the narration says whose.
        let inner = try #require(t.responseHops.first)
        #expect(inner.narration.hasPrefix("container server of Pod productcatalogservice-"))
        #expect(inner.narration.contains(" answers container server of Pod frontend-"))
        #expect(t.responseHops.last?.narration.contains("the reply goes from Pod frontend-")
                == true)
        #expect(t.responseHops.last?.narration.contains(" to the node that took the connection (the request's source "
                                                        + "was rewritten to it)") == true)
    }
}

/// What `hops check` says of real manifests: true things only (no warning for an init container
/// that runs a script with the mysql image; a missing Service said as missing, once).
@Suite struct ImportedCheckTests {
    func findings(_ name: String) throws -> [Finding] {
        let (d, _) = try KubeSupport.load(name)
        return CheckEngine.findings(in: d, catalog: KubeSupport.catalog)
    }

    @Test func aScriptRunWithADatabaseImageNeedsNoPassword() throws {
        #expect(try findings("mysql-statefulset.yaml").isEmpty)
    }

    @Test func aMissingServiceIsSaidMissingWhereItIsReached() throws {
        let f = try findings("bookinfo-ingress.yaml")
        #expect(f.map(\.message) == ["Ingress gateway routes any host /productpage (exact) → Service productpage, but "
            + "Service productpage is not in the input (drawn dashed as missing), so the request has nowhere to go: "
            + "import the manifest that defines it, or add it"])
        #expect(try findings("online-boutique.yaml").filter { $0.severity == .error }.count == 1)
    }
}
