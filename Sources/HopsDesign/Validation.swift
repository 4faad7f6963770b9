/// A problem found in a design: where (a JSON path such as `components[2].parent`) and what.
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    public var place: String
    public var message: String
    public init(_ place: String, _ message: String) { self.place = place; self.message = message }
    public var description: String { "\(place): \(message)" }
}

/// Checks the invariants every design keeps: unique ids, known kinds, parents that exist and
/// form no cycle, connections whose ends exist, names without control characters.
public enum Validation {
    public static func problems(in design: Design, catalog: Catalog) -> [Problem] {
        var out: [Problem] = []
        var seen: [String: Int] = [:]
        for (i, c) in design.components.enumerated() {
            let place = "components[\(i)]"
            if c.id.isEmpty { out.append(Problem("\(place).id", "the id is empty")) }
            if let first = seen[c.id] { out.append(Problem("\(place).id", "id \"\(escaped(c.id))\" is already used by components[\(first)]")) }
            seen[c.id] = seen[c.id] ?? i
            if !catalog.knows(c.kind) {
                let known = catalog.kinds.map(\.kind.rawValue).joined(separator: ", ")
                out.append(Problem("\(place).kind", "unknown kind \"\(escaped(c.kind.rawValue))\" (known: \(known))"))
            }
            if hasControl(c.name) {
                out.append(Problem("\(place).name", "the name \"\(escaped(c.name))\" contains control characters or an escape sequence"))
            }
            if hasControl(c.id) { out.append(Problem("\(place).id", "the id \"\(escaped(c.id))\" contains control characters")) }
        }
        let ids = Set(design.components.map(\.id))
        for (i, c) in design.components.enumerated() {
            guard let p = c.parent else { continue }
            if !ids.contains(p) {
                out.append(Problem("components[\(i)].parent", "parent \"\(escaped(p))\" is not the id of any component"))
            } else if p == c.id {
                out.append(Problem("components[\(i)].parent", "component \"\(escaped(c.id))\" is its own parent"))
            } else if inCycle(c.id, design) {
                out.append(Problem("components[\(i)].parent", "parents form a cycle through \"\(escaped(c.id))\""))
            }
        }
        var connIDs = Set<String>()
        for (i, k) in design.connections.enumerated() {
            let place = "connections[\(i)]"
            if !connIDs.insert(k.id).inserted { out.append(Problem("\(place).id", "connection id \"\(escaped(k.id))\" is used twice")) }
            if !ids.contains(k.from) { out.append(Problem("\(place).from", "no component has the id \"\(escaped(k.from))\"")) }
            if !ids.contains(k.to) { out.append(Problem("\(place).to", "no component has the id \"\(escaped(k.to))\"")) }
            if k.from == k.to { out.append(Problem(place, "a connection cannot go from \"\(escaped(k.from))\" to itself")) }
            if let l = k.label, hasControl(l) { out.append(Problem("\(place).label", "the label contains control characters")) }
        }
        if hasControl(design.name) { out.append(Problem("name", "the design's name \"\(escaped(design.name))\" contains control characters")) }
        return out
    }

    private static func inCycle(_ id: String, _ design: Design) -> Bool {
        var seen: Set<String> = [id]
        var p = design.component(id)?.parent
        while let q = p {
            if q == id { return true }
            if !seen.insert(q).inserted { return false } // a cycle above, reported at its own members
            p = design.component(q)?.parent
        }
        return false
    }

    static func hasControl(_ s: String) -> Bool { SafeText.hasControl(s) }

    /// Control characters written as `\e`, `\u{7}`, so an error message is safe to print.
    public static func escaped(_ s: String) -> String { SafeText.escape(s) }
}
