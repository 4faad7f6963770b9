import HopsDesign
import HopsFlow

/// The trace on screen is always the trace of the design on screen: every edit, undo, kill and
/// replacement traces the shown request again, so a fixed selector turns the red hop green at
/// once and a replaced Pod is no longer "down" in the narration.
extension Editor {
    /// Traces the focused request again from its source, with what the cluster remembered
    /// before it; the packet keeps its place where the path did not change.
    func retrace() {
        guard var p = player, let focus = p.focus else { return }
        guard design.component(p.source) != nil else {
            player = nil
            message = "the request's source was removed; t traces from the selection"
            return
        }
        let (trace, state) = FlowEngine.trace(design, from: p.source, state: focus.stateBefore.keepingDown(from: flowState),
                                              path: p.path, sameConnection: focus.sameConnection)
        p.replaceFocus(trace)
        player = p
        flowState = state
        narrate()
    }
}

extension FlowState {
    /// This state's round robin and open connections with the cluster as it is now: a kill, a
    /// replacement (new Pod names), a rollout step or a new balance mode after the request
    /// started still counts.
    func keepingDown(from now: FlowState) -> FlowState {
        var s = self
        s.down = now.down
        s.generation = now.generation
        s.rollouts = now.rollouts
        s.balance = now.balance
        return s
    }
}
