import HopsDesign
import HopsFlow
import Testing
@testable import HopsKube

/// An imported design is traceable at once, from the User added in front of its entry point.
@Suite struct TraceTests {
    @Test func onlineBoutiqueReachesFrontendAndGoesOnAlongInferredCalls() throws {
        let (d, _) = try KubeSupport.load("online-boutique.yaml")
        let user = try #require(FlowEngine.defaultSource(in: d))
        #expect(d.component(user)?.kind == .user)
        let (trace, _) = FlowEngine.trace(d, from: user, state: FlowState())
        #expect(trace.succeeded)
        let path = trace.hops.filter { $0.direction == .request }.map(\.to)
        #expect(path == ["svc-frontend-external", "pod-frontend", "ctr-frontend-server", "svc-productcatalogservice",
                         "pod-productcatalogservice", "ctr-productcatalogservice-server"])
    }

    @Test func bookinfoThroughItsIngressReachesProductpage() throws {
        let (d, _) = try KubeSupport.load("bookinfo.yaml", "bookinfo-ingress.yaml")
        let user = try #require(FlowEngine.defaultSource(in: d))
        let (trace, _) = FlowEngine.trace(d, from: user, state: FlowState(), path: "/productpage")
        #expect(trace.succeeded)
        let path = trace.hops.filter { $0.direction == .request }.map(\.to)
        #expect(path == ["ing-gateway", "svc-productpage", "pod-productpage-v1", "ctr-productpage-v1-productpage"])
    }

    @Test func checkoutCallsGoOnFromTheCheckoutContainer() throws {
        let (d, _) = try KubeSupport.load("online-boutique.yaml")
        let (trace, _) = FlowEngine.trace(d, from: "ctr-checkoutservice-server", state: FlowState())
        #expect(trace.succeeded)
        #expect(trace.hops.first?.to == "svc-productcatalogservice")
    }
}
