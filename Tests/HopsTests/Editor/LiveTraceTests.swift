import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsFlow
import HopsInput
import Testing

/// The trace on screen is the trace of the design on screen.
@Suite struct LiveTraceTests {
    @Test func fixingTheSelectorTurnsTheRedHopGreenAtOnce() throws {
        var d = try Fixtures.bundledDesign()
        d.components[d.index(of: "svc-web")!].selector = ["app": "wbe"]
        var s = Session(d)
        s.keys("t")
        s.keys("nnnn")
        let failed = try #require(s.editor.player?.focus?.current)
        #expect(failed.status == .failed)
        #expect(s.editor.selection == "svc-web") // the failing hop selected what it names
        // Fix it with the form, without Esc and t.
        s.keys("e<Down><Down><Enter><C-u>app=web<Enter><Esc>")
        let trace = try #require(s.editor.player?.focus?.trace)
        #expect(trace.succeeded)
        #expect(!(s.editor.player?.focus?.current?.narration.contains("wbe") ?? true))
        // Undo breaks it again, and the panel says so.
        s.keys("u")
        #expect(s.editor.player?.focus?.trace.succeeded == false)
    }

    @Test func aReplacedPodIsNoLongerDownInTheNarration() throws {
        var s = try Session.bundled()
        s.keys("tn") // the request reaches the Pod
        let pod = "pod-web"
        #expect(s.editor.player?.focus?.current?.to == pod)
        s.editor.selection = nil // :kill takes the Pod the shown request reached
        s.keys(":kill<Enter>")
        #expect(s.editor.flowState.down[pod]?.isEmpty == false)
        #expect(s.editor.message?.hasSuffix("; the request shown is traced again as one sent now (its connection to "
                                             + "that Pod is gone)") == true)
        // The shown request is traced again: it now goes to a replica that is up.
        let afterKill = try #require(s.editor.player?.focus?.trace.hops.first { $0.to == pod }?.instance)
        #expect(s.editor.flowState.down[pod]?.contains(afterKill) == false)
        s.send(.tick(milliseconds: Replacement.delayMs + 10))
        #expect(s.editor.flowState.down[pod]?.isEmpty ?? true)
        let narration = s.editor.player?.focus?.trace.hops.map(\.narration).joined() ?? ""
        #expect(!narration.contains("is down"))
    }

    /// Readiness and a scale-down decide where new connections go: the request shown is traced
    /// again as one sent now, and the message says what became of the one already on its way.
    @Test func readinessAndScaleDownSayWhatBecomesOfTheShownRequest() throws {
        var s = try Session.bundled()
        s.keys("tn") // the request reaches copy 1 of Pod web
        #expect(s.editor.player?.focus?.current?.instance == 1)
        s.editor.selection = "pod-web"
        s.keys(":ready no<Enter>")
        #expect(s.editor.message == "Pod web fails readiness: its Pods keep Running but get no new connections from "
            + "Services (at once here; on a cluster after 3 failed probes, 30 s by default, and the EndpointSlice "
            + "update); the request shown is traced again as one sent now (one already on a connection to these "
            + "Pods still finishes there: readiness decides only where new connections go)")
        #expect(s.editor.player?.focus?.trace.succeeded == false)
        // Running but not ready: the copies keep their numbers (an x is a deleted copy).
        #expect(s.screenText.contains("replicas 1 2 3 not ready"))
        s.keys("u")
        #expect(s.editor.player?.focus?.trace.succeeded == true)
        #expect(!s.screenText.contains("not ready"))
        s.keys(":scale 1<Enter>") // copy 1 stays: nothing to say about the shown request
        #expect(s.editor.message == "Deployment web scaled to 1 replica (its ReplicaSet now keeps 1)")
        s.keys(":scale 0<Enter>")
        #expect(s.editor.message == "Deployment web scaled to 0 replicas (its ReplicaSet now keeps 0); the request "
            + "shown is traced again as one sent now (its Pod is being deleted: it leaves the endpoints and gets its "
            + "stop signal; a server that drains on it finishes requests in flight within the grace period, 30 s by "
            + "default, then it is killed; Hops deletes the highest-numbered copy, a ReplicaSet picks unready and newer "
            + "Pods first)")
    }

    @Test func traceFromAComponentThatCannotSendStartsAtTheUserAndSaysSo() throws {
        var s = try Session.bundled()
        s.editor.selection = "ctr-db"
        s.keys("t")
        #expect(s.editor.player?.source == "user")
        #expect(s.editor.message == "Container db sends no requests (no traffic arrow leaves it): tracing from User")
    }

    /// A Service sends by its selector, no arrow of its own needed: `t` on it traces from it, as
    /// `hops trace --from svc-web` does. A group (a folded Namespace holding the Service) traces
    /// from its way in and says so; a Deployment, whose Pods are reached through their Service,
    /// traces from the User.
    @Test func traceFromAServiceOrAGroupStartsThere() throws {
        var d = try Fixtures.bundledDesign()
        d.components.append(Component(id: "ns", kind: .namespace, name: "shop"))
        for id in ["svc-web", "deploy-web", "pod-web"] { d.components[d.index(of: id)!].parent = "ns" }
        var s = Session(d)
        s.editor.selection = "svc-web"
        s.keys("t")
        #expect(s.editor.player?.source == "svc-web")
        #expect(s.editor.player?.focus?.trace.hops.first?.to == "pod-web")
        s.keys("<Esc>")
        s.editor.selection = "ns"
        s.keys("z")
        #expect(s.editor.rect(of: "svc-web") == nil)
        s.keys("t")
        #expect(s.editor.player?.source == "svc-web")
        #expect(s.editor.message == "Namespace shop sends nothing itself: tracing from Service web inside it")
        #expect(s.editor.player?.focus?.trace.succeeded == true)
        s.keys("<Esc>")
        s.editor.selection = "deploy-web"
        s.keys("t")
        #expect(s.editor.player?.source == "user")
        #expect(s.editor.message == "Deployment web sends no requests (no traffic arrow leaves it): tracing from User")
    }

    /// A Namespace's way in is its Ingress before its Services, whatever their order; a Pod is no
    /// way in (it is reached through its Service).
    @Test func aNamespaceIsEnteredAtItsIngress() {
        let d = Design(name: "ns", components: [
            Component(id: "ns", kind: .namespace, name: "shop"),
            Component(id: "pod", kind: .pod, name: "api", parent: "ns"),
            Component(id: "svc", kind: .service, name: "api", parent: "ns"),
            Component(id: "ing", kind: .ingress, name: "edge", parent: "ns"),
            Component(id: "box", kind: .box, name: "empty"),
            Component(id: "pods", kind: .namespace, name: "pods only"),
            Component(id: "lone", kind: .pod, name: "lone", parent: "pods"),
        ])
        #expect(FlowEngine.entry(inside: "ns", in: d) == "ing")
        #expect(FlowEngine.entry(inside: "pods", in: d) == nil)
        #expect(FlowEngine.entry(inside: "box", in: d) == nil)
        #expect(!FlowEngine.canSend(from: "ns", in: d) && FlowEngine.canSend(from: "svc", in: d))
    }
}
