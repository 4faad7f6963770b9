import HopsText
import HopsDesign

/// JSON values as block-style YAML, the way `kubectl get -o yaml` lays them out: sequences
/// under a key at the key's indentation, multi-line text as literal blocks, and quotes only
/// where a plain scalar would read back as something else (a number, a boolean, null...).
/// Keys come in a fixed order (`apiVersion`, `kind`, `metadata`, `spec` first; `name` first
/// in any mapping; the rest sorted), so the same design always writes the same bytes.
struct YamlWriter {
    private(set) var out = ""

    static func document(_ object: [String: JSONValue]) -> String {
        var w = YamlWriter()
        w.mapping(object, indent: 0, inline: false, top: true)
        return w.out
    }

    private mutating func mapping(_ o: [String: JSONValue], indent: Int, inline: Bool, top: Bool = false) {
        for (i, key) in orderedKeys(o, top: top).enumerated() {
            if !(inline && i == 0) { pad(indent) }
            out += Self.scalar(key) + ":"
            value(o[key]!, indent: indent)
        }
    }

    /// Writes what follows `key:` (or `- `): a scalar on the same line, or a block below.
    private mutating func value(_ v: JSONValue, indent: Int, afterDash: Bool = false) {
        switch v {
        case .object(let o) where !o.isEmpty:
            if afterDash {
                out += " "
                mapping(o, indent: indent + 2, inline: true)
            } else {
                out += "\n"
                mapping(o, indent: indent + 2, inline: false)
            }
        case .array(let a) where !a.isEmpty:
            out += "\n"
            sequence(a, indent: afterDash ? indent + 2 : indent)
        case .string(let s) where Self.literalBlock(s):
            out += " |" + Self.chomping(s) + "\n"
            var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            while lines.last == "" { lines.removeLast() }
            for line in lines {
                if line.isEmpty {
                    out += "\n"
                } else {
                    pad(indent + 2)
                    out += line + "\n"
                }
            }
            if s.hasSuffix("\n\n") { for _ in 0..<(trailingNewlines(s) - 1) { out += "\n" } }
        default:
            out += " " + Self.flow(v) + "\n"
        }
    }

    private mutating func sequence(_ a: [JSONValue], indent: Int) {
        for item in a {
            pad(indent)
            out += "-"
            value(item, indent: indent, afterDash: true)
        }
    }

    private func trailingNewlines(_ s: String) -> Int { s.reversed().prefix { $0 == "\n" }.count }

    private mutating func pad(_ n: Int) { out += String(repeating: " ", count: n) }

    private func orderedKeys(_ o: [String: JSONValue], top: Bool) -> [String] {
        let first = top ? ["apiVersion", "kind", "metadata", "spec"] : ["name", "namespace", "labels", "annotations"]
        let head = first.filter { o[$0] != nil }
        return head + o.keys.filter { !head.contains($0) }.sorted()
    }

    /// A scalar or an empty collection on one line.
    static func flow(_ v: JSONValue) -> String {
        switch v {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n.text
        case .string(let s): scalar(s)
        case .array: "[]"
        case .object: "{}"
        }
    }

    /// Plain when it reads back as the same string, else double-quoted with escapes.
    static func scalar(_ s: String) -> String { isPlainSafe(s) ? s : quoted(s) }

    static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || ("0"..."9").contains(first) { return false }
        if s.contains(": ") || s.contains(" #") || s == "<<" || s == "=" { return false }
        for u in s.unicodeScalars where !SafeText.isShown(u) {
            return false
        }
        return ScalarResolver.plain(s) == .string(s)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if !SafeText.isShown(u) { // the one rule for text Hops shows: bidi and invisible characters too
                    let hex = String(u.value, radix: 16, uppercase: true)
                    let digits = u.value > 0xFFFF ? 8 : 4
                    out += (digits == 8 ? "\\U" : "\\u") + String(repeating: "0", count: digits - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// Multi-line text reads best as a literal block; only text a block keeps exactly: no
    /// control characters but newlines, no line that starts the block with a space, no line
    /// of only spaces (a block would read it as an empty line).
    static func literalBlock(_ s: String) -> Bool {
        guard s.contains("\n"), let first = s.unicodeScalars.first, first != " ", first != "\n" else { return false }
        for u in s.unicodeScalars
        where (u.value < 0x20 && u != "\n" && u != "\t") || u.value == 0x7F
            || u == "\u{85}" || u == "\u{2028}" || u == "\u{2029}" || u == "\u{FEFF}"
            || (u.value >= 0x80 && u.value < 0xA0)
        {
            return false
        }
        for line in s.split(separator: "\n") where line.allSatisfy({ $0 == " " || $0 == "\t" }) { return false }
        if s.hasPrefix("\t") { return false }
        return true
    }

    /// `-` without a final newline, nothing with one, `+` with more than one.
    static func chomping(_ s: String) -> String {
        if !s.hasSuffix("\n") { return "-" }
        return s.hasSuffix("\n\n") ? "+" : ""
    }
}
