import HopsDesign
import HopsText

/// How narration names things, kept in one place so every sentence reads the same way:
/// "Service web", "Pod web", "container app", and "User" rather than "User User".
/// Names are escaped, so a stray control character in a name cannot reach the terminal.
enum Words {
    static func name(_ c: Component) -> String {
        let n = SafeText.escape(c.name)
        if c.kind == .container { return n.isEmpty ? "a container" : "container \(n)" }
        if n.isEmpty { return c.kind.rawValue }
        if c.name == c.kind.rawValue { return n }
        return "\(c.kind.rawValue) \(n)"
    }

    static func name(_ id: String, in design: any DesignLookup) -> String {
        design.component(id).map(name) ?? "\"\(SafeText.escape(id))\""
    }

    /// "1 Pod", "3 Pods".
    static func count(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String { listed(items) }
}
