import HopsCanvas
import HopsDesign
@testable import HopsEditor
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
        s.editor.selection = pod
        s.keys(":kill<Enter>")
        #expect(s.editor.flowState.down[pod]?.isEmpty == false)
        // The shown request is traced again: it now goes to a replica that is up.
        let afterKill = try #require(s.editor.player?.focus?.trace.hops.first { $0.to == pod }?.instance)
        #expect(s.editor.flowState.down[pod]?.contains(afterKill) == false)
        s.send(.tick(milliseconds: Replacement.delayMs + 10))
        #expect(s.editor.flowState.down[pod]?.isEmpty ?? true)
        let narration = s.editor.player?.focus?.trace.hops.map(\.narration).joined() ?? ""
        #expect(!narration.contains("is down"))
    }

    @Test func traceFromAComponentThatCannotSendStartsAtTheUserAndSaysSo() throws {
        var s = try Session.bundled()
        s.editor.selection = "ctr-db"
        s.keys("t")
        #expect(s.editor.player?.source == "user")
        #expect(s.editor.message == "Container db sends nothing (no arrow leaves it): tracing from User")
    }
}
