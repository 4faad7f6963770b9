import Foundation

/// Checks made on the raw bytes before any YAML parsing: size, binary data, UTF-8, and the one
/// alias pattern Yams cannot bound (an alias as a mapping key, hashed in full by its
/// duplicate-key check). Each failure names the line and column of the first offending byte.
enum TextCheck {
    struct Failure: Error {
        var message: String
        var line: Int?
        var column: Int?
    }

    static func text(of data: Data, limits: YamlLimits) throws -> String {
        if data.count > limits.maxBytes {
            throw Failure(message: "is \(megabytes(data.count)), more than the \(megabytes(limits.maxBytes)) "
                          + "Hops reads from one file: split it into smaller files")
        }
        var line = 1, column = 1
        var bytes = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\n" { line += 1; column = 1; continue }
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\r" {
                    let hex = String(format: "0x%02X", scalar.value)
                    throw Failure(message: "holds binary data (byte \(hex)), not YAML text", line: line, column: column)
                }
                column += 1
            case .error:
                throw Failure(message: "holds binary data (bytes that are not UTF-8), not YAML text",
                              line: line, column: column)
            case .emptyInput:
                let text = String(decoding: data, as: UTF8.self)
                try aliasKeys(in: text)
                return text
            }
        }
    }

    /// Refuses `*name:` and `? *name` at the start of a line (after indentation and `- `):
    /// manifests never use an alias as a key, and Yams would hash the whole aliased tree.
    private static func aliasKeys(in text: String) throws {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return }
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var s = raw.drop { $0 == " " || $0 == "\t" || $0 == "-" }
            if s.hasPrefix("? ") { s = s.dropFirst(2).drop { $0 == " " } }
            guard s.hasPrefix("*") else { continue }
            let name = s.dropFirst().prefix { !$0.isWhitespace && $0 != ":" && $0 != "," && $0 != "]" && $0 != "}" }
            let rest = s.dropFirst(1 + name.count).drop { $0 == " " }
            if raw.contains("? *") || rest.hasPrefix(":") {
                throw Failure(message: "uses an alias (*\(Excerpt.short(String(name)))) as a mapping key, which "
                              + "Kubernetes manifests never need and Hops does not read",
                              line: i + 1, column: raw.count - s.count + 1)
            }
        }
    }

    static func megabytes(_ n: Int) -> String {
        let mb = Double(n) / 1_048_576
        return mb >= 10 ? "\(Int(mb.rounded())) MB" : String(format: "%.1f MB", mb)
    }
}
