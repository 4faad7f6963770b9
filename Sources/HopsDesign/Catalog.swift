/// What Hops knows about each kind: how to draw it, what it may contain, and what it does.
/// Loaded from `Resources/catalog.json`.
public struct Catalog: Sendable, Codable {
    public var kinds: [KindInfo]

    public init(kinds: [KindInfo]) { self.kinds = kinds }

    public func info(_ kind: Kind) -> KindInfo? { kinds.first { $0.kind == kind } }
    public func knows(_ kind: Kind) -> Bool { info(kind) != nil }

    /// True when a component of kind `outer` may hold one of kind `inner`.
    public func canContain(_ outer: Kind, _ inner: Kind) -> Bool {
        info(outer)?.contains.contains(inner) ?? false
    }

    /// Kinds whose name or tag starts with (then contains) the typed text, case-insensitively.
    public func matching(_ text: String) -> [KindInfo] {
        let t = text.lowercased()
        if t.isEmpty { return kinds }
        let starts = kinds.filter { $0.kind.rawValue.lowercased().hasPrefix(t) || $0.tag.lowercased().hasPrefix(t) }
        let rest = kinds.filter { k in !starts.contains { $0.kind == k.kind } && (k.kind.rawValue.lowercased().contains(t) || k.title.lowercased().contains(t)) }
        return starts + rest
    }
}

public struct KindInfo: Sendable, Codable, Hashable {
    public var kind: Kind
    /// A readable name for menus ("Persistent Volume Claim").
    public var title: String
    /// A short tag shown in the box's top border (`svc`).
    public var tag: String
    /// Border style name: light, heavy, double, rounded or dashed.
    public var border: String
    /// Colour name: red, green, yellow, blue, magenta, cyan, white or default.
    public var color: String
    /// Kinds a component of this kind may hold.
    public var contains: [Kind]
    /// One or two sentences on what the kind does, in our own words.
    public var description: String
    /// Properties a new component of this kind starts with.
    public var defaults: [String: JSONValue]?
}
