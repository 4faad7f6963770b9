import HopsCanvas
import HopsDesign
import HopsFlow
import HopsInput
import HopsText

/// A killed replica and how long until its controller has started a replacement.
public struct Replacement: Equatable, Sendable {
    public var pod: String
    public var instance: Int
    public var remainingMs: Int
    /// How long a controller takes to start a replacement, in milliseconds of app time.
    public static let delayMs = 3000
}

extension Editor {
    static let flowBindings: [Binding] = [
        Binding(keys: [.char("t")], help: "trace a request from the selection (default: the User)") { $0.startTrace() },
        Binding(keys: [.char(" ")], help: "play / pause the request") { $0.togglePlay() },
        Binding(keys: [.char("n")], help: "next hop") { $0.stepHop(1) },
        Binding(keys: [.char("p")], help: "previous hop") { $0.stepHop(-1) },
        Binding(keys: [.char("+"), .char("=")], help: "faster") { e in e.player?.changeSpeed(1); return [] },
        Binding(keys: [.char("-")], help: "slower") { e in e.player?.changeSpeed(-1); return [] },
        Binding(keys: [.char("R")], help: "send another request on a new connection (a Service picks a Pod for each)") { $0.sendAnother() },
        Binding(keys: [.char("A")], help: "send another request on the same connection (keep-alive: same Pod)") { $0.sendAnother(sameConnection: true) },
    ]

    static let flowCommands: [EditorCommand] = [
        EditorCommand(name: "scale", usage: ":scale N", help: "set the replicas of the selected Deployment (or of the Pod's)", takesPath: false) { e, arg, _ in e.scale(arg) },
        EditorCommand(name: "image", usage: ":image NAME=IMAGE", help: "set container NAME's image: a Deployment rolls it out Pod by Pod", takesPath: false) { e, arg, _ in e.swapImage(arg) },
        EditorCommand(name: "balance", usage: ":balance round-robin|random", help: "how a Service picks a Pod per connection (random: like kube-proxy)", takesPath: false) { e, arg, _ in e.setBalance(arg) },
        EditorCommand(name: "ready", usage: ":ready yes|no", help: "mark the selected Pod template as passing or failing readiness", takesPath: false) { e, arg, _ in e.setReady(arg) },
        EditorCommand(name: "kill", usage: ":kill", help: "kill the selected Pod's replica (its controller replaces it)", takesPath: false) { e, _, _ in e.killPod() },
        EditorCommand(name: "trace", usage: ":trace", help: "trace a request from the selection", takesPath: false) { e, _, _ in e.startTrace() },
    ]

    // MARK: Playing requests

    func startTrace() -> [Effect] {
        var note: String?
        var source = selection.flatMap { design.component($0) != nil ? $0 : nil }
        if let s = source, !FlowEngine.canSend(from: s, in: design) {
            // A request starts where one can leave: say why the User sends it instead.
            let name = design.component(s).map { "\($0.kind.rawValue) \(SafeText.escape($0.name))" } ?? s
            source = FlowEngine.defaultSource(in: design)
            if let d = source.flatMap({ design.component($0) }) { note = "\(name) sends nothing (no arrow leaves it): tracing from \(SafeText.escape(d.name))" }
        }
        guard let source = source ?? FlowEngine.defaultSource(in: design) else {
            message = "nothing to trace: add a User and connect it"
            return []
        }
        player = Player(source: source)
        launch()
        if let note { message = note }
        return []
    }

    func sendAnother(sameConnection: Bool = false) -> [Effect] {
        guard player != nil else { return startThenPlay() }
        launch(sameConnection: sameConnection)
        player?.playing = true
        return [.animate(true)]
    }

    private func launch(sameConnection: Bool = false) {
        guard let source = player?.source else { return }
        let before = flowState
        let (trace, state) = FlowEngine.trace(design, from: source, state: flowState, sameConnection: sameConnection)
        flowState = state
        player?.launch(trace, stateBefore: before, sameConnection: sameConnection)
        narrate()
    }

    /// Play without a request shown starts one first; with nothing to send from, it says so
    /// (as `t` does) instead of trying again.
    private func startThenPlay() -> [Effect] {
        let fx = startTrace()
        return player == nil ? fx : fx + togglePlay()
    }

    func togglePlay() -> [Effect] {
        guard player != nil else { return startThenPlay() }
        if player!.focus?.finished == true { launch() }
        player!.playing.toggle()
        return [.animate(player!.playing || clusterBusy)]
    }

    func stepHop(_ delta: Int) -> [Effect] {
        guard player != nil else { return startTrace() }
        player!.playing = false
        player!.step(delta)
        narrate()
        return []
    }

    /// Stops the player (Esc in normal mode while a request is shown).
    func stopPlayer() -> [Effect] {
        player = nil
        layoutScreen() // the narration rows go
        message = "request stopped"
        return clusterBusy ? [] : [.animate(false)]
    }

    /// The status line follows the focused packet's hop.
    /// The status line follows the focused hop; a failed hop selects the component where the
    /// request stopped, so `e` edits what the red hop names.
    func narrate() {
        guard let p = player?.focus, let hop = p.current else { return }
        message = "hop \(p.hop + 1) of \(p.trace.hops.count): \(hop.narration)"
        if hop.status == .failed, design.component(hop.from) != nil { selection = hop.from }
        followPacket()
    }

    func tick(_ ms: Int) -> [Effect] {
        var moving = false
        if player != nil {
            let before = player!.focus.map { ($0.hop, $0.finished) }
            var p = player!  // advanced on a copy: the path lengths read the player as it stands
            moving = p.advance(ms: ms) { self.hopPath($0).count }
            player = p
            if player!.focus.map({ ($0.hop, $0.finished) }).map({ $0 != before! }) ?? false { narrate() }
            followPacket()
        }
        moving = advanceCluster(ms) || moving
        return moving ? [] : [.animate(false)]
    }
}
