import HopsDesign

/// A strict JSON parser of our own, because Foundation's rounds every number to a `Double`
/// (12345678901234567890 came back as 1.2345678901234567e+19) and reports only a byte offset.
/// One pass over the bytes, so time is linear in the input; nesting is bounded so a hostile file
/// cannot exhaust the stack; duplicate keys are an error rather than a silent choice.
struct JSONReader {
    /// Deeper nesting than any design needs; a Kubernetes object inside properties is about 15 deep.
    static let maxDepth = 512

    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
        var place: String { "line \(line), column \(column)" }
    }

    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON value that fills the whole input (whitespace around it allowed).
    static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var r = JSONReader(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { r.i = 3 } // a UTF-8 byte order mark
        r.skipSpace()
        if r.i >= bytes.count { throw r.failure(bytes.isEmpty ? "the file is empty" : "the file holds only blanks") }
        let v = try r.value()
        r.skipSpace()
        if r.i < bytes.count { throw r.failure("unexpected \(r.describeHere()) after the end of the JSON value") }
        return v
    }

    // MARK: Values

    private mutating func value() throws(Failure) -> JSONValue {
        guard i < bytes.count else { throw failure("the file ends where a value should start") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("expected a value, found \(describeHere())")
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try enter()
        i += 1
        var out: [String: JSONValue] = [:]
        skipSpace()
        if peek(UInt8(ascii: "}")) { i += 1; depth -= 1; return .object(out) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw failure("the file ends inside an object (a \"}\" is missing)") }
            guard bytes[i] == UInt8(ascii: "\"") else { throw failure("expected a key in quotes, found \(describeHere())") }
            let keyStart = i
            let key = try string()
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw failure(i < bytes.count ? "expected \":\" after the key, found \(describeHere())" : "the file ends after a key") }
            i += 1
            skipSpace()
            let v = try value()
            if out.updateValue(v, forKey: key) != nil {
                let (keyLine, keyColumn) = position(of: keyStart)
                throw Failure(line: keyLine, column: keyColumn, message: "the key \"\(SafeTextShort.excerpt(key))\" appears twice in one object")
            }
            skipSpace()
            guard i < bytes.count else { throw failure("the file ends inside an object (a \"}\" is missing)") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(out) }
            throw failure("expected \",\" or \"}\", found \(describeHere())")
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try enter()
        i += 1
        var out: [JSONValue] = []
        skipSpace()
        if peek(UInt8(ascii: "]")) { i += 1; depth -= 1; return .array(out) }
        while true {
            skipSpace()
            out.append(try value())
            skipSpace()
            guard i < bytes.count else { throw failure("the file ends inside an array (a \"]\" is missing)") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(out) }
            throw failure("expected \",\" or \"]\", found \(describeHere())")
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > JSONReader.maxDepth { throw failure("nested deeper than \(JSONReader.maxDepth) levels") }
    }

    private mutating func number() throws(Failure) -> JSONNumber {
        let start = i
        while i < bytes.count, Self.isNumberByte(bytes[i]) { i += 1 }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let n = JSONNumber(literal: text) else {
            i = start
            throw failure("\"\(SafeTextShort.excerpt(text))\" is not a JSON number")
        }
        return n
    }

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    private mutating func word(_ w: String) throws(Failure) {
        let n = w.utf8.count
        guard i + n <= bytes.count, bytes[i..<(i + n)].elementsEqual(w.utf8) else {
            throw failure("expected a value, found \(describeHere())")
        }
        i += n
    }

    // MARK: Strings

    private mutating func string() throws(Failure) -> String {
        let open = i
        i += 1
        var scalars = String.UnicodeScalarView()
        var runStart = i
        while true {
            guard i < bytes.count else {
                i = open
                throw failure("the file ends inside this string (a closing quote is missing)")
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                // No escape in it (most strings): the bytes are the string, once they are UTF-8.
                // (Scalar by scalar took a tenth of opening 10,000 components.)
                if runStart == open + 1, let whole = String(validating: bytes[runStart..<i], as: UTF8.self) {
                    i += 1
                    return whole
                }
                try appendRun(runStart..<i, to: &scalars)
                i += 1
                return String(scalars)
            }
            if b < 0x20 { throw failure("a raw control character in a string (write it as \\u00\(hex2(b)))") }
            if b == UInt8(ascii: "\\") {
                try appendRun(runStart..<i, to: &scalars)
                try escape(into: &scalars)
                runStart = i
                continue
            }
            i += 1
        }
    }

    /// Appends raw bytes of a string, refusing what is not UTF-8.
    private mutating func appendRun(_ r: Range<Int>, to scalars: inout String.UnicodeScalarView) throws(Failure) {
        guard !r.isEmpty else { return }
        var it = bytes[r].makeIterator()
        var decoder = UTF8()
        var offset = r.lowerBound
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s):
                scalars.append(s)
                offset += UTF8.width(s)
            case .emptyInput: break loop
            case .error:
                i = offset
                throw failure("the bytes here are not UTF-8 text")
            }
        }
    }

    private mutating func escape(into scalars: inout String.UnicodeScalarView) throws(Failure) {
        i += 1
        guard i < bytes.count else { throw failure("the file ends inside an escape") }
        let c = bytes[i]
        i += 1
        switch c {
        case UInt8(ascii: "\""): scalars.append("\"")
        case UInt8(ascii: "\\"): scalars.append("\\")
        case UInt8(ascii: "/"): scalars.append("/")
        case UInt8(ascii: "b"): scalars.append("\u{8}")
        case UInt8(ascii: "f"): scalars.append("\u{C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800...0xDBFF).contains(high) {
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw failure("a \\u escape names half of a surrogate pair")
                }
                i += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("a \\u escape names half of a surrogate pair") }
                scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!)
            } else if let s = Unicode.Scalar(high) {
                scalars.append(s)
            } else {
                throw failure("a \\u escape names half of a surrogate pair")
            }
        default:
            i -= 1
            throw failure("unknown escape \\\(describeHere())")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw failure("the file ends inside a \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: throw failure("\\u needs four hex digits")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    // MARK: Places

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private func peek(_ b: UInt8) -> Bool { i < bytes.count && bytes[i] == b }

    private func failure(_ message: String) -> Failure {
        let (l, c) = position(of: min(i, bytes.count))
        return Failure(line: l, column: c, message: message)
    }

    /// Line and column (in characters, from 1) of a byte offset. Only called once, on failure.
    private func position(of offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for b in bytes[..<offset] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// A few characters at the current place, escaped, for an error message.
    private func describeHere() -> String {
        guard i < bytes.count else { return "the end of the file" }
        let slice = bytes[i..<min(bytes.count, i + 12)]
        return "\"\(SafeTextShort.excerpt(String(decoding: slice, as: UTF8.self)))\""
    }

    private func hex2(_ b: UInt8) -> String {
        let h = String(b, radix: 16)
        return h.count == 1 ? "0" + h : h
    }
}

/// Short, escaped quotes of file text for error lines.
enum SafeTextShort {
    /// At most 24 characters of `s`, escaped so nothing reaches the terminal raw.
    static func excerpt(_ s: String) -> String {
        let cut = s.count > 24 ? String(s.prefix(24)) + "…" : s
        return Validation.escaped(cut)
    }
}
