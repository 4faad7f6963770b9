import Foundation
import HopsDesign
import HopsFormats
import Testing

/// The JSON Hops writes (design files, exports, `--json` output) reads back as the text it was
/// given, whichever way each string was written: as its own bytes, or escaped.
@Suite struct JSONTextTests {
    @Test func everyStringReadsBackAsItWas() throws {
        let strings = ["plain", "", "quote \" and \\ backslash", "tab\tnew\nline\r", "del \u{7F} bell \u{07}",
                       "é ü 日本", "emoji 🚀 flag 🇩🇪", "bidi \u{202E}evil", "nel \u{85} tag \u{E0041}", "a/b <c> &d"]
        let text = JSONText.encode(.object(Dictionary(uniqueKeysWithValues: strings.enumerated().map {
            ("k\($0.offset)", JSONValue.string($0.element))
        })))
        let back = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        for (i, s) in strings.enumerated() { #expect(back["k\(i)"] == s, "\(i)") }
        // Nothing that moves the cursor or reverses text is written raw.
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F || $0 == "\u{202E}" })
        #expect(text.contains(#""k0": "plain""#) && text.contains(#""k2": "quote \" and \\ backslash""#))
    }
}
