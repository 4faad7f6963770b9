import HopsText

/// A JSON value, kept so that keys Hops does not know survive a load and save unchanged.
public enum JSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    /// A number as it was written, so `12345678901234567890` or `3` come back byte for byte.
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A whole number.
    public static func integer(_ n: Int) -> JSONValue { .number(JSONNumber(n)) }
    /// A number with a fraction (whole doubles are written without `.0`).
    public static func double(_ d: Double) -> JSONValue { .number(JSONNumber(d)) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n):
            if let i = n.int { try c.encode(i) } else { try c.encode(n.double) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var object: [String: JSONValue]? { if case .object(let o) = self { return o }; return nil }
    public var array: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    /// The value as a whole number, nil when it is not a number, has a fraction or does not fit an Int.
    public var int: Int? { if case .number(let n) = self { return n.int }; return nil }
    /// The value as a double (nil when it is not a number).
    public var double: Double? { if case .number(let n) = self { return n.double }; return nil }
    /// `the number 2.5`, `the string "three"`, `an object`: the type, and a short quote of a
    /// scalar (at most 40 characters), for messages that say what a file has instead.
    public var described: String {
        func short(_ s: String) -> String { s.count <= 40 ? s : String(s.prefix(40)) + "…" }
        switch self {
        case .string(let s): return "the string \"\(SafeText.escape(short(s)))\"" // never raw to a terminal
        case .bool(let b): return "the boolean \(b)"
        case .number(let n): return "the number \(short(n.text))"
        default: return kindName
        }
    }

    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON number kept as its text: reading and writing it never rounds (a `Double` would turn
/// 12345678901234567890 into 1.2345678901234567e+19 and 3 into 3.0).
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral {
    /// The number in JSON syntax.
    public let text: String

    public init(_ n: Int) { text = String(n) }
    public init(_ d: Double) {
        if d.isFinite, d.rounded() == d, abs(d) < 9e15 { text = String(Int(d)) }
        else if d.isFinite { text = "\(d)" }
        else { text = "0" } // JSON has no NaN or infinity
    }
    /// A number from its JSON text; nil when `literal` is not JSON number syntax.
    public init?(literal: String) {
        guard JSONNumber.isValid(literal) else { return nil }
        text = literal
    }
    public init(integerLiteral value: Int) { self.init(value) }
    public init(floatLiteral value: Double) { self.init(value) }

    public var description: String { text }
    public var double: Double { Double(text) ?? 0 }
    /// The whole number, nil with a fraction or past Int's range.
    public var int: Int? {
        if let i = Int(text) { return i }
        let d = double
        if d.rounded() == d, abs(d) < 9e15 { return Int(d) }
        return nil
    }

    /// JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isValid(_ s: String) -> Bool {
        var u = Array(s.utf8)[...]
        func digits() -> Int { var n = 0; while let c = u.first, c >= 0x30 && c <= 0x39 { u = u.dropFirst(); n += 1 }; return n }
        if u.first == 0x2D { u = u.dropFirst() }
        if u.first == 0x30 { u = u.dropFirst() } else if digits() == 0 { return false }
        if u.first == 0x2E { u = u.dropFirst(); if digits() == 0 { return false } }
        if u.first == 0x65 || u.first == 0x45 {
            u = u.dropFirst()
            if u.first == 0x2B || u.first == 0x2D { u = u.dropFirst() }
            if digits() == 0 { return false }
        }
        return u.isEmpty
    }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// `80` where a JSON value is expected is the whole number 80.
    public init(integerLiteral value: Int) { self = .integer(value) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
