import HopsCanvas
import HopsCheck
import HopsDesign
import HopsFlow
import HopsText

/// The selected connection on the canvas (drawn heavy and bold, reversed in ASCII, so it shows
/// without colour) and in the panel, with the rule that makes it true or not.
extension Editor {
    func drawSelectedConnection(into grid: inout Grid) {
        guard let id = selectedConnection, let route = route(of: id) else { return }
        route.forEachCell { p in
            let x = p.x - grid.origin.x, y = p.y - grid.origin.y
            guard x >= 0, y >= 0, x < grid.width, y < grid.height else { return }
            var cell = grid[x, y]
            if cell.lines != 0 {
                cell.lineStyle = .heavy
                cell.ch = grid.glyphs.line(cell.lines, .heavy)
            }
            cell.style.attrs.insert(.bold)
            // ASCII has no heavy lines: reverse video marks the path instead.
            if grid.glyphs.isASCII { cell.style.attrs.insert(.reverse) }
            grid[x, y] = cell
        }
    }

    /// The panel while a connection is selected: its ends and kind, why it holds (or not), what
    /// it says, its port, what the kind means, the import rule that found it.
    func connectionPanelLines() -> [(String, CellStyle)]? {
        guard let id = selectedConnection, let k = design.connection(id) else { return nil }
        let dim = CellStyle(attrs: .dim)
        let title = "Connection · \(k.kind.rawValue): \(names(k.from, k.to))"
        var out: [(String, CellStyle)] = [(title, CellStyle(attrs: .bold))]
        out += rule(of: k)
        if let typed = design.typedLabel(of: k) { out.append(("label: \(SafeText.escape(typed))", .plain)) }
        // A traffic arrow's fact is its port, which the rule above states.
        if let fact = design.labelFact(of: k), k.kind != .traffic {
            out.append(("shows: \(SafeText.escape(fact))", .plain))
        }
        out.append((Editor.meaning(k.kind), dim))
        if let rule = k.extra["inferred"]?.object?["rule"]?.string {
            out.append(("found on import: \(SafeText.escape(rule))", dim))
        }
        return out.map { (glyphs.isASCII ? $0.0.replacingArrows() : $0.0, $0.1) }
    }

    static func meaning(_ kind: ConnectionKind) -> String {
        switch kind {
        case .traffic: "traffic carries requests; a trace follows it"
        case .selects: "a Service sends requests to the Pods its selector matches"
        case .manages: "a controller keeps these Pods running (an autoscaler: sets the replicas)"
        case .mounts: "the Pod reads it as a volume or as environment; no requests pass"
        case .annotation: "a note on the drawing; a cluster and the trace ignore it"
        }
    }

    /// Why the connection holds in a cluster, or why not.
    private func rule(of k: Connection) -> [(String, CellStyle)] {
        guard let from = design.component(k.from), let to = design.component(k.to) else { return [] }
        let warn = CellStyle(fg: .yellow), bad = CellStyle(fg: .red)
        if let problem = CheckEngine.kindProblem(k.kind, from: from.kind, to: to.kind) {
            return [("warning: \(problem) (m changes the kind)", warn)]
        }
        switch k.kind {
        case .selects where to.kind == .pod:
            return selectorRule(from, matching: to, owner: "Service", bad: bad)
                + [("(a cluster goes by the selector, not by the arrow)", CellStyle(attrs: .dim))]
        // A Job or CronJob gets a generated selector; these four must state theirs.
        case .manages where [.deployment, .statefulSet, .daemonSet, .replicaSet].contains(from.kind) && to.kind == .pod:
            return selectorRule(from, matching: to, owner: from.kind.rawValue, bad: bad)
        case .traffic:
            return [portRule(k, from: from, to: to, bad: bad)]
        default:
            return []
        }
    }

    /// A selector against a Pod's labels: a Service sends only to Pods whose labels include every
    /// pair; a controller whose selector misses its template is rejected by Kubernetes.
    private func selectorRule(_ owner: Component, matching pod: Component, owner kind: String,
                              bad: CellStyle) -> [(String, CellStyle)] {
        let name = SafeText.escape(design.displayName(owner.id)), podName = SafeText.escape(design.displayName(pod.id))
        let labels = pod.labels.isEmpty ? "no labels" : "labels \(SafeText.escape(formatLabels(pod.labels)))"
        guard !owner.selector.isEmpty else {
            let why = kind == "Service" ? "so Kubernetes picks no Pods for it" : "and Kubernetes requires one"
            return [("\(name) has no selector, \(why): e on it sets one", bad)]
        }
        let sel = SafeText.escape(formatLabels(owner.selector))
        let missing = owner.selector.filter { pod.labels[$0.key] != $0.value }
        let (ns, podNS) = (FlowEngine.namespace(of: owner, in: design), FlowEngine.namespace(of: pod, in: design))
        if missing.isEmpty, kind == "Service", ns != podNS {
            return [("the labels match, but \(podName) is in namespace \(SafeText.escape(podNS)) and \(name) in "
                     + "\(SafeText.escape(ns)): a Service selects Pods of its own namespace only", bad)]
        }
        if missing.isEmpty { return [("matches: \(podName) has \(labels), which include the selector \(sel)", .plain)] }
        let lacking = SafeText.escape(formatLabels(missing))
        let result = kind == "Service" ? "so the Service sends it nothing" : "so Kubernetes rejects \(name)"
        return [("no match: \(podName) has \(labels), without \(lacking), \(result)", bad)]
    }

    private func portRule(_ k: Connection, from: Component, to: Component, bad: CellStyle) -> (String, CellStyle) {
        let target = SafeText.escape(design.displayName(to.id))
        if from.kind == .ingress, !from.ingressRules.isEmpty {
            return ("the Ingress's rules choose the Service and its port; the arrow only draws where they lead", .plain)
        }
        guard let dialled = design.dialledPort(of: k) else {
            if to.kind == .service, to.servicePorts.count > 1 {
                let list = to.servicePorts.map { String($0.port) }.joined(separator: ", ")
                return ("names no port and \(target) has several (\(list)): e sets the one it dials", bad)
            }
            return ("dials no particular port (e sets one)", .plain)
        }
        if !dialled.named {
            return ("port \(dialled.port): the arrow names none, so the trace assumes \(target)'s only port", .plain)
        }
        if to.kind == .service, !to.servicePorts.contains(where: { $0.port == dialled.port }) {
            return ("port \(dialled.port), which \(target) does not list: the connection is refused", bad)
        }
        return ("port \(dialled.port) on \(target)", .plain)
    }
}
