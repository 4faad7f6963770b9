import HopsDesign

/// Which kinds of components and connections the canvas leaves out, as Kanvas's layers panel
/// does. A view setting: not saved, not undone, never changes the design.
public struct Layers: Equatable, Sendable {
    public var hiddenKinds: Set<Kind> = []
    public var hiddenConnections: Set<ConnectionKind> = []
    public init() {}
    public var isEmpty: Bool { hiddenKinds.isEmpty && hiddenConnections.isEmpty }

    /// Names a person may give `:hide` and `:show`: a layer (several kinds at once), a kind as
    /// the catalog names it, or a connection kind.
    public static let groups: [(name: String, kinds: [Kind])] = [
        ("configuration", [.configMap, .secret]),
        ("storage", [.pvc]),
        ("annotations", [.note, .box]),
        ("autoscaling", [.hpa]),
        ("users", [.user]),
    ]
}

/// What the canvas draws of a design: a folded group (a component whose `folded` property is
/// true) as one box, its insides left out and their connections merged at its border; hidden
/// layers left out with their connections. The flow engine always works on the whole design;
/// this says where each hidden component stands on the canvas.
public struct ShownDesign: Sendable {
    /// The components and connections drawn.
    public let design: Design
    /// A component inside a folded group → the outermost folded group that holds it.
    public let standIn: [String: String]
    /// A folded group → how many components it holds out of sight.
    public let hiddenInside: [String: Int]

    public static let foldedProperty = "folded"

    public init(_ full: Design, layers: Layers = Layers()) {
        var parent: [String: String] = [:]
        var kind: [String: Kind] = [:]
        var folded: Set<String> = []
        for c in full.components {
            if let p = c.parent { parent[c.id] = p }
            kind[c.id] = c.kind
            if c.properties[ShownDesign.foldedProperty]?.bool == true { folded.insert(c.id) }
        }
        var standIn: [String: String] = [:]
        var hidden: Set<String> = []
        var inside: [String: Int] = [:]
        for c in full.components {
            // Up the chain (at most 64 levels, checked on load): the outermost folded
            // ancestor stands in; a hidden kind on the way hides the component.
            var outermost: String?
            var isHidden = layers.hiddenKinds.contains(c.kind)
            var seen = 0
            var a = parent[c.id]
            while let p = a, seen <= Limits.maxDepth {
                if folded.contains(p) { outermost = p }
                if let k = kind[p], layers.hiddenKinds.contains(k) { isHidden = true }
                a = parent[p]
                seen += 1
            }
            if isHidden {
                hidden.insert(c.id)
            } else if let o = outermost {
                standIn[c.id] = o
                inside[o, default: 0] += 1
            }
        }
        var shown = full
        shown.components = full.components.filter { !hidden.contains($0.id) && standIn[$0.id] == nil }
        var merged: Set<String> = []
        shown.connections = full.connections.compactMap { k in
            let dropped = layers.hiddenConnections.contains(k.kind) || hidden.contains(k.from) || hidden.contains(k.to)
            guard !dropped else { return nil }
            var k = k
            k.from = standIn[k.from] ?? k.from
            k.to = standIn[k.to] ?? k.to
            // Inside one folded group, or the same arrow again once merged at its border.
            let key = "\(k.from)\u{0}\(k.to)\u{0}\(k.kind.rawValue)"
            guard k.from != k.to, merged.insert(key).inserted else { return nil }
            return k
        }
        design = shown
        self.standIn = standIn
        hiddenInside = inside
    }

    /// Where a component of the whole design is drawn: itself, or the folded group holding it.
    public func shownID(_ id: String) -> String { standIn[id] ?? id }
}
