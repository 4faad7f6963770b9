import HopsDesign
import HopsText

/// Pretty JSON with a fixed key order: `first` keys in the order given, then the rest sorted,
/// so that saving a design twice gives the same bytes and diffs stay small.
struct JSONWriter {
    private(set) var out = ""

    enum Value {
        case json(JSONValue)
        /// An object whose first keys come in a set order.
        case ordered([(String, Value)], rest: [String: JSONValue])
        case array([Value])
    }

    mutating func write(_ v: Value, indent: Int = 0) {
        switch v {
        case .json(let j): write(j, indent: indent)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, e) in items.enumerated() {
                pad(indent + 1); write(e, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            pad(indent); out += "]"
        case .ordered(let first, let rest):
            let all = first + rest.keys.sorted().map { ($0, Value.json(rest[$0]!)) }
            guard !all.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (k, value)) in all.enumerated() {
                pad(indent + 1); string(k); out += ": "
                write(value, indent: indent + 1)
                out += i == all.count - 1 ? "\n" : ",\n"
            }
            pad(indent); out += "}"
        }
    }

    mutating func write(_ j: JSONValue, indent: Int) {
        switch j {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.text
        case .string(let s): string(s)
        case .array(let a):
            write(.array(a.map { .json($0) }), indent: indent)
        case .object(let o):
            write(.ordered([], rest: o), indent: indent)
        }
    }

    private mutating func hex4(_ v: UInt32) {
        let hex = String(v, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    private mutating func pad(_ n: Int) { out += String(repeating: "  ", count: n) }

    private mutating func string(_ s: String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Controls, C1, bidi overrides and invisible formatting are written as escapes:
                // the same text after parsing, and no raw control byte in the file or on a terminal.
                if SafeText.isShown(u) {
                    out.unicodeScalars.append(u)
                } else if u.value > 0xFFFF {
                    let v = u.value - 0x10000
                    hex4(0xD800 + (v >> 10)); hex4(0xDC00 + (v & 0x3FF))
                } else {
                    hex4(u.value)
                }
            }
        }
        out += "\""
    }
}

/// JSON text for any value, in the file format's style (two-space indent, sorted keys, every
/// character that is not shown escaped): for `hops trace --json` and other machine output.
public enum JSONText {
    public static func encode(_ value: JSONValue) -> String {
        var w = JSONWriter()
        w.write(value, indent: 0)
        return w.out
    }
}
