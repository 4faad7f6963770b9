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
        Binding(keys: [.char("R")], help: "send another request while one plays (round robin shows)") { $0.sendAnother() },
    ]

    static let flowCommands: [EditorCommand] = [
        EditorCommand(name: "scale", usage: ":scale N", help: "set the replicas of the selected Deployment (or of the Pod's)", takesPath: false) { e, arg, _ in e.scale(arg) },
        EditorCommand(name: "image", usage: ":image NAME=IMAGE", help: "swap the image of the container NAME", takesPath: false) { e, arg, _ in e.swapImage(arg) },
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

    func sendAnother() -> [Effect] {
        guard player != nil else { return startThenPlay() }
        launch()
        player?.playing = true
        return [.animate(true)]
    }

    private func launch() {
        guard let source = player?.source else { return }
        let before = flowState
        let (trace, state) = FlowEngine.trace(design, from: source, state: flowState)
        flowState = state
        player?.launch(trace, stateBefore: before)
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
        return [.animate(player!.playing || !replacements.isEmpty)]
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
        message = "request stopped"
        return replacements.isEmpty ? [.animate(false)] : []
    }

    /// The status line follows the focused packet's hop.
    /// The status line follows the focused hop; a failed hop selects the component where the
    /// request stopped, so `e` edits what the red hop names.
    func narrate() {
        guard let p = player?.focus, let hop = p.current else { return }
        message = "hop \(p.hop + 1) of \(p.trace.hops.count): \(hop.narration)"
        if hop.status == .failed, design.component(hop.from) != nil { selection = hop.from }
    }

    func tick(_ ms: Int) -> [Effect] {
        var moving = false
        if player != nil {
            let before = player!.focus.map { ($0.hop, $0.finished) }
            var p = player!  // advanced on a copy: the path lengths read the player as it stands
            moving = p.advance(ms: ms) { self.hopPath($0).count }
            player = p
            if player!.focus.map({ ($0.hop, $0.finished) }).map({ $0 != before! }) ?? false { narrate() }
        }
        var revived = false
        if !replacements.isEmpty {
            for i in replacements.indices { replacements[i].remainingMs -= ms }
            for r in replacements where r.remainingMs <= 0 {
                flowState.revive(r.pod, instance: r.instance)
                revived = true
                let name = FlowEngine.instanceName(of: r.pod, index: r.instance, in: design) ?? r.pod
                let (count, down) = FlowEngine.instances(of: r.pod, in: design, state: flowState)
                message = "\(controllerName(of: r.pod)) replaced \(name): \(count - down.count) of \(count) ready"
            }
            replacements.removeAll { $0.remainingMs <= 0 }
            moving = moving || !replacements.isEmpty
        }
        if revived { let m = message; retrace(); message = m }
        return moving ? [] : [.animate(false)]
    }

    // MARK: Operating the design

    func controller(of pod: String) -> Component? {
        if let m = design.connections.first(where: { $0.to == pod && $0.kind == .manages }), let c = design.component(m.from), c.kind.managesPods { return c }
        if let p = design.component(pod)?.parent, let c = design.component(p), c.kind.managesPods { return c }
        return nil
    }

    func controllerName(of pod: String) -> String {
        controller(of: pod).map { "\($0.kind.rawValue) \($0.name)" } ?? "Pod \(design.component(pod)?.name ?? pod)"
    }

    func scale(_ arg: String?) -> [Effect] {
        guard let arg, let n = Int(arg), (0...Limits.maxReplicas).contains(n) else {
            message = "usage: :scale N (0 to \(Limits.maxReplicas))"; return []
        }
        guard let sel = selection, let c = design.component(sel) else { message = "select a Deployment or its Pod first"; return [] }
        if c.kind == .service {
            // A Service has no replicas: scale the workload whose Pods it selects, when there is one.
            let workloads = selectedWorkloads(of: c)
            guard workloads.count == 1, let w = workloads.first, let i = design.index(of: w.id) else {
                message = workloads.isEmpty ? "Service \(SafeText.escape(c.name)) selects no workload to scale"
                    : "Service \(SafeText.escape(c.name)) selects several workloads: "
                        + workloads.map { "\($0.kind.rawValue) \(SafeText.escape($0.name))" }.joined(separator: ", ") + "; select one"
                return []
            }
            var d = design
            d.components[i].replicas = n
            message = "Service \(SafeText.escape(c.name)) selects \(w.kind.rawValue) \(SafeText.escape(w.name)): scaled it to \(n) replica\(n == 1 ? "" : "s")"
            return commit(d)
        }
        let target = c.kind.managesPods ? c : controller(of: sel)
        guard let t = target, let i = design.index(of: t.id) else { message = "\(c.name) has no Deployment to scale"; return [] }
        var d = design
        d.components[i].replicas = n
        message = "\(t.kind.rawValue) \(t.name) scaled to \(n) replica\(n == 1 ? "" : "s")"
        return commit(d)
    }

    /// The controllers of the Pods a Service's selector matches, each once, in design order.
    func selectedWorkloads(of service: Component) -> [Component] {
        let sel = service.selector
        guard !sel.isEmpty else { return [] }
        var seen = Set<String>()
        return design.components.filter { pod in pod.kind == .pod && sel.allSatisfy { pod.labels[$0.key] == $0.value } }
            .compactMap { controller(of: $0.id) }.filter { seen.insert($0.id).inserted }
    }

    func swapImage(_ arg: String?) -> [Effect] {
        let parts = (arg ?? "").split(separator: "=", maxSplits: 1).map { String($0).trimmed }
        guard parts.count == 2, !parts[1].isEmpty, !parts[1].contains(" ") else { message = "usage: :image NAME=IMAGE"; return [] }
        guard let i = design.components.firstIndex(where: { $0.kind == .container && $0.name == parts[0] }) else {
            message = "no container named \(parts[0])"; return []
        }
        var d = design
        let old = d.components[i].image ?? "(none)"
        d.components[i].image = parts[1]
        message = "container \(parts[0]): \(old) → \(parts[1])"
        return commit(d)
    }

    /// Kills one replica of the selected Pod: the one the last request went to, else the
    /// highest-numbered one that is up. Its controller starts a replacement after a delay.
    func killPod() -> [Effect] {
        guard let sel = selection, let c = design.component(sel) else { message = "select a Pod first"; return [] }
        let pod = c.kind == .pod ? sel : (c.parent.flatMap { design.component($0)?.kind == .pod ? $0 : nil })
        guard let pod else { message = "select a Pod to kill one of its replicas"; return [] }
        let (count, down) = FlowEngine.instances(of: pod, in: design, state: flowState)
        let recent = player?.packets.reversed().compactMap { p in p.trace.hops.first { $0.to == pod && $0.instance != nil }?.instance }.first
        guard let victim = [recent].compactMap({ $0 }).first(where: { !down.contains($0) })
                ?? (1...max(1, count)).reversed().first(where: { !down.contains($0) }), count > 0 else {
            message = "every replica of \(c.name) is already down"; return []
        }
        flowState.kill(pod, instance: victim)
        defer { let m = message; retrace(); message = m }
        let name = FlowEngine.instanceName(of: pod, index: victim, in: design) ?? pod
        let ready = count - down.count - 1
        if controller(of: pod) != nil {
            replacements.append(Replacement(pod: pod, instance: victim, remainingMs: Replacement.delayMs))
            message = "killed \(name); \(controllerName(of: pod)) has \(ready) of \(count) ready; starting a replacement"
            return [.animate(true)]
        }
        message = "killed \(name); nothing manages it, so it stays down (add a Deployment)"
        return []
    }
}
