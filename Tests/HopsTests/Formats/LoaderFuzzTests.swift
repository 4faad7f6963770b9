import Foundation
import HopsDesign
import HopsFormats
import HopsText
import Testing

/// Hostile design files, generated: byte flips, cuts and splices of a real file, and values of
/// the wrong type, huge numbers, deep nesting and long or hostile strings put in every place.
/// Each gives a valid design or one clear line with no raw control character in it.
@Suite struct LoaderFuzzTests {
    struct Rng {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
    }

    static let hostileValues: [String] = [
        "null", "true", "-1", "0", "1e400", "-1e400", "12345678901234567890", "2147483648", "1e14", "0.5", "\"\"",
        "\"\\u001b[2J\"", "\"\\u202e\"", "\"\\u0085\"", "\"\(String(repeating: "x", count: 300))\"", "[]", "{}",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600), "\"\\ud800\"", "[1,2,3]",
        "{\"x\": 100000000, \"y\": -100000000}", "{\"width\": 0, \"height\": 99999999}",
    ]

    /// Outcome of loading: nil for a valid design, else the error line.
    static func load(_ bytes: [UInt8]) -> String? {
        do {
            let d = try DesignFile.decode(Data(bytes), file: "fuzz.hops.json", catalog: Fixtures.catalog)
            #expect(Validation.problems(in: d, catalog: Fixtures.catalog).isEmpty)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    static func checkLine(_ line: String, _ what: String) {
        #expect(!line.contains("\n"), "\(what): more than one line")
        #expect(!line.unicodeScalars.contains { !SafeText.isShown($0) }, "\(what): a raw control character")
        #expect(line.count < 600, "\(what): \(line.count) characters")
        #expect(line.hasPrefix("fuzz.hops.json: "), "\(what): does not name the file")
    }

    @Test func mutatedFilesLoadOrSayWhy() throws {
        let base = Array(DesignFile.encode(try Fixtures.bundledDesign()))
        var rng = Rng(state: 99)
        var errors = 0
        for n in 0..<3000 {
            var b = base
            switch n % 4 {
            case 0: for _ in 0...rng.next(4) { b[rng.next(b.count)] = UInt8(rng.next(256)) }
            case 1: b = Array(b.prefix(rng.next(b.count)))
            case 2:
                let i = rng.next(b.count), j = rng.next(b.count)
                b.insert(contentsOf: base[min(i, j)..<max(i, j)].prefix(200), at: rng.next(b.count))
            default: b.remove(at: rng.next(b.count))
            }
            if let e = Self.load(b) { errors += 1; Self.checkLine(e, "mutation \(n)") }
        }
        #expect(errors > 2000) // most mutations break the file; the rest must load as valid designs
    }

    @Test func hostileValuesInEveryPlace() throws {
        let text = String(decoding: DesignFile.encode(try Fixtures.bundledDesign()), as: UTF8.self)
        // Every value after a key: replace it with each hostile value in turn.
        let pattern = try NSRegularExpression(pattern: #"": ("[^"]*"|-?[0-9][0-9.eE+-]*|true|false|null)"#)
        let ns = text as NSString
        let matches = pattern.matches(in: text, range: NSRange(location: 0, length: ns.length))
        var tried = 0
        for m in matches {
            let r = m.range(at: 1)
            for v in Self.hostileValues {
                let mutated = ns.replacingCharacters(in: r, with: v)
                if let e = Self.load(Array(mutated.utf8)) { Self.checkLine(e, "value \(v.prefix(20))") }
                tried += 1
            }
        }
        #expect(tried > 1000)
    }
}
