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

    func connectKey(_ k: Key) -> [Effect] {
        guard case .connect(let source, var target, var kind) = mode else { return [] }
        let saved = selection
        selection = target ?? source
        switch k {
        case .esc:
            selection = source; mode = .normal; message = "connect cancelled"; return []
        case .tab: _ = cycleSelection(1)
        case .backTab: _ = cycleSelection(-1)
        case .left, .char("h"): _ = selectToward(.left)
        case .right, .char("l"): _ = selectToward(.right)
        case .up, .char("k"): _ = selectToward(.up)
        case .down, .char("j"): _ = selectToward(.down)
        case .char("m"):
            let current = kind ?? target.map { inferredKind(from: source, to: $0) } ?? .traffic
            let all = ConnectionKind.allCases
            kind = all[(all.firstIndex(of: current)! + 1) % all.count]
        case .enter:
            guard let t = target, t != source else { selection = saved; message = "choose a different component to connect to"; return [] }
            mode = .normal
            selection = source
            return connect(source, t, kind: kind ?? inferredKind(from: source, to: t))
        default:
            selection = saved
            return []
        }
        if selection == source { target = nil } else { target = selection }
        mode = .connect(source: source, target: target, kind: kind)
        if let t = target {
            message = "\(names(source, t)) as \((kind ?? inferredKind(from: source, to: t)).rawValue): Enter connects, m changes the kind"
        }
        return []
    }

    /// "app → db", by name: ids are the file's business, not the person's.
    func names(_ from: String, _ to: String) -> String {
        "\(SafeText.escape(design.displayName(from))) → \(SafeText.escape(design.displayName(to)))"
    }

    func connect(_ from: String, _ to: String, kind: ConnectionKind) -> [Effect] {
        if design.connections.contains(where: { $0.from == from && $0.to == to && $0.kind == kind }) {
            message = "not connected: \(names(from, to)) (\(kind.rawValue)) is already drawn"
            return []
        }
        var d = design
        let id = d.freshID("\(from)-to-\(to)")
        var label: String? = nil
        if kind == .selects, let s = d.component(from), !s.selector.isEmpty { label = formatLabels(s.selector) }
        d.connections.append(Connection(id: id, from: from, to: to, kind: kind, label: label))
        message = "connected \(names(from, to)) (\(kind.rawValue))"
        return commit(d, selecting: .some(from))
    }
}
