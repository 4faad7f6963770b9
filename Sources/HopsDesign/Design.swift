/// A whole design: named components and the connections between them. Pure data; it knows no
/// screen and no file syntax.
public struct Design: Hashable, Sendable {
    public var name: String
    public var components: [Component]
    public var connections: [Connection]
    /// Top-level keys Hops does not know, kept for the round trip.
    public var extra: [String: JSONValue]

    public init(name: String, components: [Component] = [], connections: [Connection] = [],
                extra: [String: JSONValue] = [:]) {
        self.name = name; self.components = components; self.connections = connections; self.extra = extra
    }

    public func index(of id: String) -> Int? { components.firstIndex { $0.id == id } }
    public func component(_ id: String) -> Component? { components.first { $0.id == id } }
    public func connection(_ id: String) -> Connection? { connections.first { $0.id == id } }
    public func children(of id: String) -> [Component] { components.filter { $0.parent == id } }

    /// The ids of a component's descendants, depth first.
    public func descendants(of id: String) -> [String] {
        // A scan of the components for each box whose children are asked for, as long as there
        // are few (a move asks this of one box: gathering every box's children first made a key
        // in a 10,000-component design 3 times slower); past that, children by parent, gathered
        // once (a scan per descendant made removing a Namespace of thousands quadratic).
        var byParent: [String: [String]]? = nil
        var out: [String] = []
        var seen = Set<String>()
        var stack = [id], asked = 0
        while let top = stack.popLast() {
            asked += 1
            if byParent == nil, asked > Design.scansForDescendants {
                var map: [String: [String]] = [:]
                for c in components { if let p = c.parent { map[p, default: []].append(c.id) } }
                byParent = map
            }
            if let byParent {
                for c in byParent[top] ?? [] where seen.insert(c).inserted { out.append(c); stack.append(c) }
            } else {
                for c in components where c.parent == top && seen.insert(c.id).inserted {
                    out.append(c.id)
                    stack.append(c.id)
                }
            }
        }
        return out
    }

    /// Boxes whose children `descendants` finds by scanning before it indexes them.
    static let scansForDescendants = 16

    /// The ids of a component's ancestors, nearest first (stops at a cycle).
    public func ancestors(of id: String) -> [String] {
        var out: [String] = []
        var p = component(id)?.parent
        while let q = p, !out.contains(q), q != id { out.append(q); p = component(q)?.parent }
        return out
    }

    /// The first component with this name (names need not be unique; ids are).
    public func component(named name: String) -> Component? {
        components.first { $0.name == name } ?? components.first { $0.name.lowercased() == name.lowercased() }
    }

    /// A fresh id built from a stem, unique in this design.
    public func freshID(_ stem: String) -> String {
        var pool = IDPool(self)
        return pool.fresh(stem)
    }

    /// A component's name as narration and prompts say it: "Service web", or "User" alone.
    public func displayName(_ id: String) -> String {
        guard let c = component(id) else { return id }
        return c.name == c.kind.rawValue ? c.name : "\(c.kind.rawValue) \(c.name)"
    }

    /// A name built from a stem that no component has yet: `svc`, `svc-2`, ...
    public func freshName(_ stem: String) -> String {
        let names = Set(components.map(\.name))
        if !names.contains(stem) { return stem }
        var n = 2
        while names.contains("\(stem)-\(n)") { n += 1 }
        return "\(stem)-\(n)"
    }

    /// Removes a component with its descendants and every connection touching them.
    public mutating func remove(_ id: String) { remove([id]) }

    /// Removes components with their descendants and every connection touching them, in one
    /// pass over the design (an import may drop thousands).
    public mutating func remove(_ ids: Set<String>) {
        guard !ids.isEmpty else { return }
        var children: [String: [String]] = [:]
        for c in components { if let p = c.parent { children[p, default: []].append(c.id) } }
        var gone = ids
        var stack = Array(ids)
        while let top = stack.popLast() {
            for c in children[top] ?? [] where gone.insert(c).inserted { stack.append(c) }
        }
        components.removeAll { gone.contains($0.id) }
        connections.removeAll { gone.contains($0.from) || gone.contains($0.to) }
    }
}

/// The ids a design uses, for making many fresh ones in a row (an import adds thousands: asking
/// the design each time gathered every id again).
public struct IDPool {
    private var used: Set<String>

    public init(_ design: Design) { used = Set(design.components.map(\.id) + design.connections.map(\.id)) }

    /// A fresh id built from a stem (lowercased, other characters than letters and digits made
    /// `-`, then `-2`, `-3`, ... until unused), taken at once.
    public mutating func fresh(_ stem: String) -> String {
        let base = stem.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) }
        var id = base
        if used.contains(base) || base.isEmpty {
            var n = 2
            while used.contains("\(base)-\(n)") { n += 1 }
            id = "\(base)-\(n)"
        }
        used.insert(id)
        return id
    }

    /// Marks an id taken that did not come from `fresh`.
    public mutating func take(_ id: String) { used.insert(id) }
    public func contains(_ id: String) -> Bool { used.contains(id) }
}
