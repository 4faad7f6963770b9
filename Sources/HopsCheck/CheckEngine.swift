import HopsDesign
import HopsFlow
import HopsText

/// Finds what is wrong in a design, all at once: objects a cluster would reject, shapes that
/// cannot hold, connections whose kind makes no sense for their ends, and every place where a
/// request would fail today (traced from every place a request can start, so one run lists
/// every break, not only the first). Pure, beside the flow engine; linear in the design's size
/// plus one trace per starting place.
public enum CheckEngine {
    public static func findings(in design: Design, catalog: Catalog) -> [Finding] {
        var out: [Finding] = []
        // (Lookups by id, children and arrows from one index: a check traces from every Service.)
        let indexed = DesignIndex(design)
        out += Shapes.findings(indexed, catalog: catalog)
        out += Connections.findings(indexed)
        out += Autoscaling.findings(indexed)
        out += ImageNeeds.findings(indexed)
        out += Storage.findings(indexed)
        out += Paths.findings(indexed)
        // Errors first, then in design order, each once.
        var seen = Set<String>()
        let order = Dictionary(design.components.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return out.filter { seen.insert("\($0.rule)|\($0.component ?? "")|\($0.message)").inserted }
            .enumerated().sorted { a, b in
                if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
                let oa = a.element.component.flatMap { order[$0] } ?? -1
                let ob = b.element.component.flatMap { order[$0] } ?? -1
                return oa != ob ? oa < ob : a.offset < b.offset
            }.map(\.element)
    }

    /// Why a connection of `kind` cannot go from a `from` to a `to` (the check's own rule), nil
    /// when it can: the editor offers only kinds that make sense when an arrow's kind is changed.
    public static func kindProblem(_ kind: ConnectionKind, from: Kind, to: Kind) -> String? {
        Connections.nonsense(kind, from: from, to: to)
    }

    /// Why `name` is no valid Kubernetes name for a `kind`, nil when it is (or the kind is not an
    /// object Hops exports): said at once when a component is renamed.
    public static func nameProblem(_ name: String, kind: Kind) -> String? {
        guard Shapes.namedObjects.contains(kind) || kind == .pod, !Shapes.validName(name, kind) else { return nil }
        return "not a valid Kubernetes name for a \(kind.rawValue) (\(NameRule.of(kind).described)): hops check warns "
            + "and export writes it another way"
    }

    /// "Deployment web", escaped, for messages.
    static func name(_ c: Component) -> String {
        c.name == c.kind.rawValue ? c.name : "\(c.kind.rawValue) \(SafeText.escape(c.name))"
    }
}
