import HopsDesign

/// How a lesson names components: `Kind/name` for one component (`Service/web`,
/// `Container/app`), or `Kind` alone for every component of that kind (`Ingress`), such as the
/// ones the person adds and names as they like. A kind is written as the catalog names it or by
/// its tag (`svc/web`, `hpa`), in any case.
public struct ComponentRef: Hashable, Sendable, CustomStringConvertible {
    public var kind: Kind
    /// nil: any component of the kind.
    public var name: String?

    public init(kind: Kind, name: String? = nil) {
        self.kind = kind
        self.name = name
    }

    /// Parses `Kind/name` or `Kind`; nil when the kind is not in the catalog or the text is
    /// not of that shape.
    public init?(_ text: String, catalog: Catalog) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let word = parts[0].lowercased()
        guard !word.isEmpty, !text.contains(" "),
            let info = catalog.kinds.first(where: { $0.kind.rawValue.lowercased() == word || $0.tag == word })
        else { return nil }
        if parts.count == 2 && parts[1].isEmpty { return nil }
        kind = info.kind
        name = parts.count == 2 ? parts[1] : nil
    }

    public func matches(_ c: Component) -> Bool { c.kind == kind && (name == nil || c.name == name) }

    /// The components this names, in design order.
    public func resolve(in design: Design) -> [Component] { design.components.filter(matches) }

    /// As a lesson writes it: `Service/web`, `Ingress`.
    public var description: String { name.map { "\(kind.rawValue)/\($0)" } ?? kind.rawValue }

    /// As a sentence says it: "Service web", "container app", "an Ingress", "a User".
    public var spoken: String {
        // "an" goes by sound: the catalog's kinds that start with a vowel sound start with A, E,
        // I or O; User starts with a "you" sound and takes "a".
        guard let name else { return "a\("AEIO".contains(kind.rawValue.first!) ? "n" : "") \(kind.rawValue)" }
        return kind == .container ? "container \(name)" : "\(kind.rawValue) \(name)"
    }
}
