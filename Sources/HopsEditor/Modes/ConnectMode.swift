import HopsCanvas
import HopsCheck
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
        let guess: ConnectionKind
        if a == .service && b == .pod { guess = .selects }
        else if a.managesPods && b == .pod { guess = .manages }
        else if a == .hpa { guess = .manages }
        // A workload mounts what its Pod template does (as import infers it).
        else if [.configMap, .secret, .pvc].contains(b) && ([.pod, .container].contains(a) || a.managesPods) {
            guess = .mounts
        } else if a == .note || b == .note { guess = .annotation }
        else { guess = .traffic }
        // A guess the check would call nonsense (HPA -> User as manages) gives way to the first
        // kind that makes sense for the pair, if one does.
        let sensible = sensibleKinds(a, b)
        return sensible.contains(guess) ? guess : sensible.first ?? guess
    }

    /// The kinds the check finds no nonsense in for an arrow from an `a` to a `b`, in their order.
    func sensibleKinds(_ a: Kind, _ b: Kind) -> [ConnectionKind] {
        ConnectionKind.allCases.filter { CheckEngine.kindProblem($0, from: a, to: b) == nil }
    }

    /// Moves the target as `move` moves the selection (in Connect the selection is the target).
    func chooseTarget(_ move: (Editor) -> [Effect]) -> [Effect] {
        guard case .connect(let source, let target, let kind) = mode else { return [] }
        selection = target ?? source
        _ = move(self)
        let chosen = selection == source ? nil : selection
        // A kind chosen with m for another target gives way to a guess when it does not fit this one.
        var kept = kind
        if let k = kind, let t = chosen, let a = design.component(source)?.kind, let b = design.component(t)?.kind,
           CheckEngine.kindProblem(k, from: a, to: b) != nil {
            kept = nil
        }
        mode = .connect(source: source, target: chosen, kind: kept)
        sayConnectChoice()
        return []
    }

    func changeConnectKind() -> [Effect] {
        guard case .connect(let source, let target, let kind) = mode else { return [] }
        let current = kind ?? target.map { inferredKind(from: source, to: $0) } ?? .traffic
        // Only the kinds that make sense for the pair; before a target is chosen, those that make
        // sense from the source to some kind of target (a ConfigMap can only be annotated from).
        let ends = (design.component(source)?.kind, target.flatMap { design.component($0)?.kind })
        var all = ConnectionKind.allCases
        if let a = ends.0, let b = ends.1, case let sensible = sensibleKinds(a, b), !sensible.isEmpty {
            all = sensible
        } else if let a = ends.0 {
            let targets = catalog.kinds.map(\.kind)
            let from = all.filter { k in targets.contains { CheckEngine.kindProblem(k, from: a, to: $0) == nil } }
            if !from.isEmpty { all = from }
        }
        let next = all.firstIndex(of: current).map { all[($0 + 1) % all.count] } ?? all[0]
        if next == current {
            message = "\(current.rawValue) is the only kind that makes sense here"
            return []
        }
        mode = .connect(source: source, target: target, kind: next)
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
        // A kind chosen with m before the target may not fit the target: said now, not only by `hops check`.
        if let a = design.component(from)?.kind, let b = design.component(to)?.kind,
           let why = CheckEngine.kindProblem(kind, from: a, to: b) {
            message! += ", which makes no sense: \(why) (m on the arrow changes its kind)"
        }
        return commit(d, selecting: .some(from))
    }
}
