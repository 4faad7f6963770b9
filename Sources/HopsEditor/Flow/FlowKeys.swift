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
    /// The keys of a request being shown. In Normal they work too: each starts a request first.
    static let flowBindings: [Binding] = [
        Binding(keys: [.char(" ")], help: "play / pause the request", hint: "play") { $0.togglePlay() },
        Binding(keys: [.char("n")], help: "next hop", hint: "next") { $0.stepHop(1) },
        Binding(keys: [.char("p")], help: "previous hop", hint: "back") { $0.stepHop(-1) },
        Binding(keys: [.char("+"), .char("=")], help: "faster") { $0.changeSpeed(1) },
        Binding(keys: [.char("-")], help: "slower") { $0.changeSpeed(-1) },
        Binding(keys: [.char("R")], help: "send another request on a new connection (a Service picks a Pod for each)") { $0.sendAnother() },
        Binding(keys: [.char("A")], help: "send another request on the same connection (keep-alive: same Pod)") { $0.sendAnother(sameConnection: true) },
        Binding(keys: [.esc], help: "stop the request", hint: "stop") { $0.stopPlayer() },
    ]

    static let flowCommands: [EditorCommand] = [
        EditorCommand(name: "scale", usage: ":scale N", help: "set the replicas of the selected Deployment (or of the Pod's)", takesPath: false) { e, arg, _ in e.scale(arg) },
        EditorCommand(name: "image", usage: ":image NAME=IMAGE", help: "set container NAME's image: a Deployment rolls it out Pod by Pod", takesPath: false) { e, arg, _ in e.swapImage(arg) },
        EditorCommand(name: "balance", usage: ":balance round-robin|random", help: "how a Service picks a Pod per connection (random: like kube-proxy)", takesPath: false) { e, arg, _ in e.setBalance(arg) },
        EditorCommand(name: "ready", usage: ":ready yes|no", help: "mark the selected Pod template as passing or failing readiness", takesPath: false) { e, arg, _ in e.setReady(arg) },
        EditorCommand(name: "kill", usage: ":kill", help: "kill the selected Pod's replica (its controller replaces it)", takesPath: false) { e, _, _ in e.killPod() },
        EditorCommand(name: "trace", usage: ":trace [PATH]",
                      help: "trace a request from the selection (for PATH, as an Ingress routes it)",
                      takesPath: false) { e, arg, _ in e.startTrace(path: arg) },
    ]

    // MARK: Playing requests

    /// `path` is the request's path (nil: "/"); it must start with "/".
    func startTrace(path: String? = nil) -> [Effect] {
        if let path, !path.hasPrefix("/") || path.contains(" ") {
            message = "usage: :trace [PATH], a path such as /api"
            return []
        }
        var note: String?
        var source = selection.flatMap { design.component($0) != nil ? $0 : nil }
        if let s = source, !FlowEngine.canSend(from: s, in: design) {
            // A request starts where one can leave: from inside a group (folded or not) at its
            // way in; else from the User, saying why.
            let name = design.component(s).map { "\($0.kind.rawValue) \(SafeText.escape($0.name))" } ?? s
            if let inner = FlowEngine.entry(inside: s, in: design), let c = design.component(inner) {
                let innerName = "\(c.kind.rawValue) \(SafeText.escape(c.name))"
                source = inner
                note = "\(name) sends nothing itself: tracing from \(innerName) inside it"
            } else {
                source = FlowEngine.defaultSource(in: design)
                if let d = source.flatMap({ design.component($0) }) {
                    note = "\(name) sends no requests (no traffic arrow leaves it): tracing from \(SafeText.escape(d.name))"
                }
            }
        }
        guard let source = source ?? FlowEngine.defaultSource(in: design) else {
            message = "nothing to trace: add a User and connect it"
            return []
        }
        player = Player(source: source)
        player?.path = path ?? "/"
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
        let (trace, state) = FlowEngine.trace(design, from: source, state: flowState, path: player?.path ?? "/",
                                              sameConnection: sameConnection)
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

    /// A faster or slower player, now and for the requests after it, said as a multiple of the
    /// normal speed ("speed 2x").
    func changeSpeed(_ delta: Int) -> [Effect] {
        let level = max(0, min(Player.speeds.count - 1, speedLevel + delta))
        let limit = level == speedLevel ? (delta > 0 ? ", the fastest" : ", the slowest") : ""
        speedLevel = level
        let cells = Player.speeds[level], normal = Player.speeds[Player.normalSpeed]
        let factor = cells >= normal ? "\(cells / normal)" : "1/\(normal / cells)"
        message = "speed \(factor)x (\(cells) cells a second)\(limit)" + (player == nil ? "; t starts a request" : "")
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
        message = "hop \(p.hop + 1) of \(p.trace.hops.count): \(hop.narration)" + (foldNote(hop).map { " (\($0))" } ?? "")
        if hop.status == .failed, design.component(hop.from) != nil { selection = cache.shown.shownID(hop.from) }
        followPacket()
    }

    func tick(_ ms: Int) -> [Effect] {
        var moving = cache.routePending(view: viewport.rect)
        if player != nil {
            let before = player!.focus.map { ($0.hop, $0.finished) }
            var p = player!  // advanced on a copy: the path lengths read the player as it stands
            moving = p.advance(ms: ms, cellsPerSecond: cellsPerSecond) { self.hopPath($0, $1).count } || moving
            player = p
            if player!.focus.map({ ($0.hop, $0.finished) }).map({ $0 != before! }) ?? false { narrate() }
            followPacket()
        }
        moving = advanceCluster(ms) || moving
        return moving ? [] : [.animate(false)]
    }
}
