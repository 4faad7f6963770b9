import HopsDesign
import HopsText

/// Pretty JSON with a fixed key order: `first` keys in the order given, then the rest sorted,
/// so that saving a design twice gives the same bytes and diffs stay small.
struct JSONWriter {
    /// UTF-8, appended byte by byte: a String grown scalar by scalar made writing a 10,000
    /// component Meshery design (64 MB) take most of its 12 s.
    private(set) var bytes: [UInt8] = []
    var out: String { String(decoding: bytes, as: UTF8.self) }

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
            guard !items.isEmpty else { raw("[]"); return }
            raw("[\n")
            for (i, e) in items.enumerated() {
                pad(indent + 1); write(e, indent: indent + 1)
                raw(i == items.count - 1 ? "\n" : ",\n")
            }
            pad(indent); raw("]")
        case .ordered(let first, let rest):
            let all = first + rest.keys.sorted().map { ($0, Value.json(rest[$0]!)) }
            guard !all.isEmpty else { raw("{}"); return }
            raw("{\n")
            for (i, (k, value)) in all.enumerated() {
                pad(indent + 1); string(k); raw(": ")
                write(value, indent: indent + 1)
                raw(i == all.count - 1 ? "\n" : ",\n")
            }
            pad(indent); raw("}")
        }
    }

    mutating func write(_ j: JSONValue, indent: Int) {
        switch j {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .number(let n): raw(n.text)
        case .string(let s): string(s)
        case .array(let a):
            write(.array(a.map { .json($0) }), indent: indent)
        case .object(let o):
            write(.ordered([], rest: o), indent: indent)
        }
    }

    /// Text that needs no escaping (JSON's punctuation, a number's digits).
    private mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func hex4(_ v: UInt32) {
        raw("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(JSONWriter.hexDigits[Int((v >> UInt32(shift)) & 0xF)])
        }
    }

    private mutating func pad(_ n: Int) { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * n)) }

    private mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings are printable ASCII without a quote or backslash: their bytes go as they are.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: s.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": raw("\\\"")
            case "\\": raw("\\\\")
            case "\n": raw("\\n")
            case "\r": raw("\\r")
            case "\t": raw("\\t")
            default:
                // Controls, C1, bidi overrides and invisible formatting are written as escapes:
                // the same text after parsing, and no raw control byte in the file or on a terminal.
                if SafeText.isShown(u) {
                    UTF8.encode(u) { bytes.append($0) }
                } else if u.value > 0xFFFF {
                    let v = u.value - 0x10000
                    hex4(0xD800 + (v >> 10)); hex4(0xDC00 + (v & 0x3FF))
                } else {
                    hex4(u.value)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
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
