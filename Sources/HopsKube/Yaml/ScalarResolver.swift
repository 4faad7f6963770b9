import HopsDesign
import Yams

/// Turns a YAML scalar into JSON the way Kubernetes' YAML reader (sigs.k8s.io/yaml, YAML 1.1
/// rules) does: quoted text is a string; plain `true`/`yes`/`on` are booleans, `~`/`null`/empty
/// is null, `8080`, `0644` (octal), `0x1F` and `1.5` are numbers. Hand-written instead of Yams'
/// resolver, whose regular expressions cost more than the rest of the read.
enum ScalarResolver {
    static func value(_ scalar: Node.Scalar) -> JSONValue {
        let text = scalar.string
        switch scalar.tag.rawValue {
        case "":
            return scalar.style == .plain || scalar.style == .any ? plain(text) : .string(text)
        case Tag.Name.int.rawValue, Tag.Name.float.rawValue:
            return number(text) ?? .string(text)
        case Tag.Name.bool.rawValue, Tag.Name.null.rawValue:
            return plain(text)
        default:
            // !!str, !!binary (base64 text, as Kubernetes keeps it), "!" and custom tags.
            return .string(text)
        }
    }

    static func plain(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        default: return number(text) ?? .string(text)
        }
    }

    /// A number, or nil when the text is not one. Integers that do not fit an `Int` keep their text.
    static func number(_ text: String) -> JSONValue? {
        let u = Array(text.utf8)
        guard let first = u.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || isDigit(first) else { return nil }
        var body = u[...]
        var negative = false
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-"); body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        if body.count > 2, body.first == UInt8(ascii: "0"), body.dropFirst().first == UInt8(ascii: "x") {
            return integer(body.dropFirst(2), radix: 16, negative: negative, text: text)
        }
        if body.count > 2, body.first == UInt8(ascii: "0"), body.dropFirst().first == UInt8(ascii: "o") {
            return integer(body.dropFirst(2), radix: 8, negative: negative, text: text)
        }
        if body.allSatisfy(isDigit) {
            // YAML 1.1: a leading zero means octal (file modes such as 0644).
            if body.count > 1, body.first == UInt8(ascii: "0") {
                return integer(body.dropFirst(), radix: 8, negative: negative, text: text)
            }
            return integer(body, radix: 10, negative: negative, text: text)
        }
        guard isFloat(body), let d = Double(text) else { return nil }
        // The text itself when JSON can say it so (`1.50` stays `1.50`); `.5` or `+1.5` as read.
        if let exact = JSONNumber(literal: text) { return .number(exact) }
        return .double(d)
    }

    private static func integer(_ digits: ArraySlice<UInt8>, radix: Int, negative: Bool, text: String) -> JSONValue? {
        guard !digits.isEmpty, let s = String(bytes: digits, encoding: .utf8) else { return nil }
        guard let n = Int(s, radix: radix) else {
            let valid = digits.allSatisfy { Int(String(UnicodeScalar($0)), radix: radix) != nil }
            guard valid else { return nil }
            // Too large for Int: kept exactly as written when it is a JSON number, else as text.
            return JSONNumber(literal: text).map(JSONValue.number) ?? .string(text)
        }
        return .integer(negative ? -n : n)
    }

    /// `1.5`, `.5`, `1.`, `1e3`, `1.5E-3` (no sign: already taken off).
    private static func isFloat(_ b: ArraySlice<UInt8>) -> Bool {
        var i = b.startIndex
        var digits = 0
        while i < b.endIndex, isDigit(b[i]) { i += 1; digits += 1 }
        if i < b.endIndex, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.endIndex, isDigit(b[i]) { i += 1; digits += 1 }
        }
        guard digits > 0 else { return false }
        if i < b.endIndex, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.endIndex, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            let start = i
            while i < b.endIndex, isDigit(b[i]) { i += 1 }
            guard i > start else { return false }
        }
        return i == b.endIndex
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}
