/// A problem found in a design: where (a JSON path such as `components[2].parent`) and what.
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    public var place: String
    public var message: String
    public init(_ place: String, _ message: String) { self.place = place; self.message = message }
    public var description: String { "\(place): \(message)" }
}

/// Checks the invariants every design keeps: unique ids, known kinds, parents that exist and
/// form no cycle, connections whose ends exist, names without control characters, and every
/// number and length within `Limits`. Linear in the design's size (ids are looked up in one
/// index, nesting depth is computed once per component).
public enum Validation {
    public static func problems(in design: Design, catalog: Catalog) -> [Problem] {
        var out: [Problem] = []
        var seen: [String: Int] = [:]
        seen.reserveCapacity(design.components.count)
        for (i, c) in design.components.enumerated() {
            let place = "components[\(i)]"
            if c.id.isEmpty { out.append(Problem("\(place).id", "the id is empty")) }
            if let first = seen[c.id] { out.append(Problem("\(place).id", "id \"\(quoted(c.id))\" is already used by components[\(first)]")) }
            seen[c.id] = seen[c.id] ?? i
            if !catalog.knows(c.kind) {
                let known = catalog.kinds.map(\.kind.rawValue).joined(separator: ", ")
                out.append(Problem("\(place).kind", "unknown kind \"\(quoted(c.kind.rawValue))\" (known: \(known))"))
            }
            if let p = textProblem(c.name, what: "the name") { out.append(Problem("\(place).name", p)) }
            if let p = textProblem(c.id, what: "the id") { out.append(Problem("\(place).id", p)) }
            if let p = c.position, let m = coordinateProblem(p) { out.append(Problem("\(place).position", m)) }
            if let s = c.size, s.width > Limits.maxExtent || s.height > Limits.maxExtent || s.width < 1 || s.height < 1 {
                out.append(Problem("\(place).size", "must be from 1 to \(Limits.maxExtent) cells a side"))
            }
            if let r = c.properties["replicas"], let m = replicasProblem(r) { out.append(Problem("\(place).properties.replicas", m)) }
        }
        let byID = seen
        var depth: [Int?] = Array(repeating: nil, count: design.components.count)
        for (i, c) in design.components.enumerated() {
            guard let p = c.parent else { continue }
            if byID[p] == nil {
                out.append(Problem("components[\(i)].parent", "parent \"\(quoted(p))\" is not the id of any component"))
            } else if p == c.id {
                out.append(Problem("components[\(i)].parent", "component \"\(quoted(c.id))\" is its own parent"))
            } else {
                switch nesting(i, design, byID, &depth) {
                case .cycle: out.append(Problem("components[\(i)].parent", "parents form a cycle through \"\(quoted(c.id))\""))
                case .tooDeep: out.append(Problem("components[\(i)].parent", "nested more than \(Limits.maxDepth) levels deep"))
                case .ok: break
                }
            }
        }
        var connIDs = Set<String>()
        for (i, k) in design.connections.enumerated() {
            let place = "connections[\(i)]"
            if !connIDs.insert(k.id).inserted { out.append(Problem("\(place).id", "connection id \"\(quoted(k.id))\" is used twice")) }
            if let p = textProblem(k.id, what: "the id") { out.append(Problem("\(place).id", p)) }
            if byID[k.from] == nil { out.append(Problem("\(place).from", "no component has the id \"\(quoted(k.from))\"")) }
            if byID[k.to] == nil { out.append(Problem("\(place).to", "no component has the id \"\(quoted(k.to))\"")) }
            if k.from == k.to { out.append(Problem(place, "a connection cannot go from \"\(quoted(k.from))\" to itself")) }
            if let l = k.label, let p = textProblem(l, what: "the label") { out.append(Problem("\(place).label", p)) }
        }
        if let p = textProblem(design.name, what: "the design's name") { out.append(Problem("name", p)) }
        if let p = spanProblem(design.components) { out.append(Problem("components", p)) }
        return out
    }

    /// What is wrong with the area that saved positions and sizes span, or nil.
    public static func spanProblem(_ components: [Component]) -> String? {
        var x0 = Int.max, y0 = Int.max, x1 = Int.min, y1 = Int.min
        for c in components {
            guard let p = c.position, coordinateProblem(p) == nil else { continue }
            let w = min(c.size?.width ?? 1, Limits.maxExtent), h = min(c.size?.height ?? 1, Limits.maxExtent)
            x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x + w); y1 = max(y1, p.y + h)
        }
        guard x0 <= x1 else { return nil }
        let w = x1 - x0, h = y1 - y0
        guard w * h > Limits.maxSpanCells else { return nil }
        return "the components span \(w) x \(h) cells; a design may span at most \(Limits.maxSpanCells) cells (4000 x 2000)"
    }

    /// What is wrong with a name, id or label, or nil: the one rule the loader and the editor share.
    public static func textProblem(_ s: String, what: String = "the name") -> String? {
        if s.count > Limits.maxName { return "\(what) is \(s.count) characters long; at most \(Limits.maxName) are allowed" }
        if hasControl(s) { return "\(what) \"\(quoted(s))\" contains control characters or invisible formatting" }
        return nil
    }

    /// What is wrong with a position, or nil.
    public static func coordinateProblem(_ p: Position) -> String? {
        let r = -Limits.maxCoordinate...Limits.maxCoordinate
        guard r.contains(p.x), r.contains(p.y) else {
            return "x and y must be from \(-Limits.maxCoordinate) to \(Limits.maxCoordinate) cells"
        }
        return nil
    }

    /// What is wrong with a replicas value, or nil.
    public static func replicasProblem(_ v: JSONValue) -> String? {
        guard let n = v.int, (0...Limits.maxReplicas).contains(n) else {
            return "must be a whole number from 0 to \(Limits.maxReplicas), found \(v.int.map(String.init) ?? v.described)"
        }
        return nil
    }

    private enum Nesting { case ok, cycle, tooDeep }

    /// The depth of component `i` (0 at top level), memoised in `depth`, so all components
    /// together cost time linear in their number. A cycle or a chain past the limit stops the walk.
    private static func nesting(_ i: Int, _ d: Design, _ byID: [String: Int], _ depth: inout [Int?]) -> Nesting {
        var chain: [Int] = []
        var onChain = Set<Int>()
        var cur: Int? = i
        var base = 0
        while let c = cur {
            if let known = depth[c] { base = known; break }
            if !onChain.insert(c).inserted { return .cycle }
            chain.append(c)
            if chain.count > Limits.maxDepth { return .tooDeep }
            guard let p = d.components[c].parent, let pi = byID[p], p != d.components[c].id else { base = -1; break }
            cur = pi
        }
        // Unwind: the last on the chain sits just under `base`.
        for (n, c) in chain.reversed().enumerated() { depth[c] = base + 1 + n }
        return (depth[i] ?? 0) >= Limits.maxDepth ? .tooDeep : .ok
    }

    static func hasControl(_ s: String) -> Bool { SafeText.hasControl(s) }

    /// At most 40 characters of `s`, escaped: enough to recognise it in a message, never a flood.
    static func quoted(_ s: String) -> String {
        escaped(s.count > 40 ? String(s.prefix(40)) + "…" : s)
    }

    /// Control characters written as `\\e`, `\\u{7}`, so an error message is safe to print.
    public static func escaped(_ s: String) -> String { SafeText.escape(s) }
}
