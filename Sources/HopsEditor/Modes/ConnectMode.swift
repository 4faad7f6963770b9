import HopsCanvas
import HopsDesign
import HopsInput
import HopsText

extension Editor {
    func startConnect() -> [Effect] {
        guard let sel = selection else { message = "select the component to connect from first"; return [] }
        mode = .connect(source: sel, target: nil, kind: nil)
        message = "connect \(SafeText.escape(design.displayName(sel))) to…: choose with Tab or arrows, Enter connects, m changes the kind, Esc cancels"
        return []
    }

    /// The connection kind a pair implies: a Service selects Pods, a Deployment (or other Pod
    /// manager) manages them, an HPA manages what it scales, a Pod mounts volumes and config;
    /// anything else carries traffic.
    func inferredKind(from: String, to: String) -> ConnectionKind {
        guard let a = design.component(from)?.kind, let b = design.component(to)?.kind else { return .traffic }
        if a == .service && b == .pod { return .selects }
        if a.managesPods && b == .pod { return .manages }
        if a == .hpa { return .manages }
        if [.configMap, .secret, .pvc].contains(b) && [.pod, .container].contains(a) { return .mounts }
        if a == .note || b == .note { return .annotation }
        return .traffic
    }

    /// Moves the target as `move` moves the selection (in Connect the selection is the target).
    func chooseTarget(_ move: (Editor) -> [Effect]) -> [Effect] {
        guard case .connect(let source, let target, let kind) = mode else { return [] }
        selection = target ?? source
        _ = move(self)
        let chosen = selection == source ? nil : selection
        mode = .connect(source: source, target: chosen, kind: kind)
        sayConnectChoice()
        return []
    }

    func changeConnectKind() -> [Effect] {
        guard case .connect(let source, let target, let kind) = mode else { return [] }
        let current = kind ?? target.map { inferredKind(from: source, to: $0) } ?? .traffic
        let all = ConnectionKind.allCases
        mode = .connect(source: source, target: target, kind: all[(all.firstIndex(of: current)! + 1) % all.count])
        sayConnectChoice()
        return []
    }

    private func sayConnectChoice() {
        guard case .connect(let source, let target, let kind) = mode else { return }
        guard let t = target else {
            if let kind { message = "kind \(kind.rawValue): choose the target with Tab or arrows" }
            return
        }
        let shown = kind ?? inferredKind(from: source, to: t)
        message = "\(names(source, t)) as \(shown.rawValue): Enter connects, m changes the kind"
    }

    func connectToTarget() -> [Effect] {
        guard case .connect(let source, let target, let kind) = mode else { return [] }
        guard let t = target, t != source else { message = "choose a different component to connect to"; return [] }
        mode = .normal
        selection = source
        return connect(source, t, kind: kind ?? inferredKind(from: source, to: t))
    }

    func cancelConnect() -> [Effect] {
        guard case .connect(let source, _, _) = mode else { return [] }
        selection = source
        mode = .normal
        message = "connect cancelled"
        return []
    }

    /// "app → db", by name: ids are the file's business, not the person's.
    func names(_ from: String, _ to: String) -> String {
        "\(SafeText.escape(design.displayName(from))) → \(SafeText.escape(design.displayName(to)))"
    }

    /// True when the design already has a connection of `kind` from `from` to `to` (other than `except`).
    func isDrawn(_ from: String, _ to: String, _ kind: ConnectionKind, except: String? = nil) -> Bool {
        design.connections.contains { $0.from == from && $0.to == to && $0.kind == kind && $0.id != except }
    }

    func connect(_ from: String, _ to: String, kind: ConnectionKind) -> [Effect] {
        if isDrawn(from, to, kind) {
            message = "not connected: \(names(from, to)) (\(kind.rawValue)) is already drawn"
            return []
        }
        var d = design
        let id = d.freshID("\(from)-to-\(to)")
        // No label is stored: what a `selects` arrow says (the selector) is derived when drawn.
        d.connections.append(Connection(id: id, from: from, to: to, kind: kind))
        message = "connected \(names(from, to)) (\(kind.rawValue))"
        return commit(d, selecting: .some(from))
    }
}
