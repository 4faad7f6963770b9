/// Keys written as text, for tests, help and key tables: `a`, `<Enter>`, `<Esc>`, `<Tab>`,
/// `<S-Tab>`, `<C-r>`, `<S-Right>`, `<F1>`, `<Space>`, `<lt>` for `<`. Case-insensitive inside
/// the brackets; prints the canonical form.
extension Key: CustomStringConvertible {
    private static let names: [(String, Key)] = [
        ("Enter", .enter), ("Esc", .esc), ("Tab", .tab), ("S-Tab", .backTab), ("BS", .backspace),
        ("Del", .delete), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("S-Up", .shiftUp), ("S-Down", .shiftDown), ("S-Left", .shiftLeft), ("S-Right", .shiftRight),
        ("Home", .home), ("End", .end), ("PageUp", .pageUp), ("PageDown", .pageDown),
        ("Space", .char(" ")), ("lt", .char("<")),
    ]
    private static let aliases: [String: Key] = ["cr": .enter, "return": .enter, "escape": .esc, "backspace": .backspace, "delete": .delete]

    public var description: String {
        if let n = Key.names.first(where: { $0.1 == self }) { return "<\(n.0)>" }
        switch self {
        case .char(let c): return String(c)
        case .ctrl(let c): return "<C-\(c)>"
        case .function(let n): return "<F\(n)>"
        default: return "<?>"
        }
    }

    /// The key as help, hints and the README write it: `a`, `Tab`, `S-Tab`, `C-r`, `Space`.
    public var name: String {
        let d = description
        return d.count > 2 && d.hasPrefix("<") && d.hasSuffix(">") ? String(d.dropFirst().dropLast()) : d
    }

    /// Reads a key written as `name` writes it; nil when it names no key.
    public init?(name s: String) {
        if s.count == 1, let c = s.first { self = .char(c); return }
        self.init(notation: "<\(s)>")
    }

    /// Parses one key's notation; nil when it names no key.
    public init?(notation s: String) {
        if s.count == 1, let c = s.first { self = .char(c); return }
        guard s.hasPrefix("<"), s.hasSuffix(">"), s.count > 2 else { return nil }
        let inner = String(s.dropFirst().dropLast())
        let lower = inner.lowercased()
        if let k = Key.names.first(where: { $0.0.lowercased() == lower }) { self = k.1; return }
        if let k = Key.aliases[lower] { self = k; return }
        if lower.hasPrefix("c-"), inner.count == 3, let c = lower.last { self = .ctrl(c); return }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), n > 0, n < 25 { self = .function(n); return }
        return nil
    }

    /// Parses a key string such as `"a" "Service" "<Enter>"` written together: `aService<Enter>`.
    /// A `<` that starts no known key name stands for itself.
    public static func sequence(_ s: String) -> [Key] {
        var out: [Key] = []
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "<", let close = s[i...].firstIndex(of: ">"), let k = Key(notation: String(s[i...close])) {
                out.append(k); i = s.index(after: close)
            } else {
                out.append(.char(s[i])); i = s.index(after: i)
            }
        }
        return out
    }
}
