import Foundation
import HopsDesign
import HopsFormats
import HopsText
import Testing

/// Nothing from a file reaches stdout or stderr raw, in any subcommand; text is measured as it
/// is drawn.
@Suite struct OutputSafetyTests {
    static let hostile = "\u{202E}evil\u{85}\u{1B}[2J"

    /// True when the text holds a character a terminal would act on or hide.
    func raw(_ s: String) -> Bool { s.unicodeScalars.contains { !SafeText.isShown($0) && $0 != "\n" } }

    @Test func traceTextAndJSONEscapeWhatALabelCarries() throws {
        var d = try Fixtures.bundledDesign()
        let svc = d.index(of: "svc-web")!
        d.components[svc].selector = ["app": Self.hostile]
        let file = Fixtures.tempDir().appendingPathComponent("h.hops.json").path
        try DesignFile.encode(d).write(to: URL(fileURLWithPath: file))
        for args in [["trace", file], ["trace", "--json", file], ["render", file], ["export", file, "--to", "k8s"]] {
            let r = Shell.run([TmuxTests.binary] + args)
            #expect(!raw(r.out), "\(args): raw control characters on stdout")
            #expect(!raw(r.err), "\(args): raw control characters on stderr")
        }
        let json = Shell.run([TmuxTests.binary, "trace", "--json", file]).out
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        let narration = ((parsed?[0]["hops"] as? [[String: Any]])?.compactMap { $0["narration"] as? String } ?? []).joined()
        // The narration names the selector as it is shown on screen: escaped.
        #expect(narration.contains(#"app=\u{202e}evil\u{85}\e[2J"#))
    }

    @Test func aStandardOutputThatCannotBeWrittenIsOneLineNotACrash() throws {
        // /dev/full refuses every write, as a full disk does.
        for sub in ["render", "trace", "export --to k8s"] {
            let r = Shell.run(["sh", "-c", "\(Shell.quote(TmuxTests.binary)) \(sub) > /dev/full"])
            #expect(r.status == 1, "\(sub)")
            #expect(r.err == "hops: standard output could not be written: No space left on device\n", "\(sub): \(r.err)")
        }
    }

    @Test func errorsAboutAFileQuoteItEscaped() throws {
        let file = Fixtures.tempDir().appendingPathComponent("n\u{9B}ame.hops.json").path
        try Data("{\"format\": \"hops/v1\", \"name\": \"\u{202E}x\"}".utf8).write(to: URL(fileURLWithPath: file))
        let r = Shell.run([TmuxTests.binary, "render", file])
        #expect(r.status == 1)
        #expect(!raw(r.err))
        #expect(r.err.contains(#"n\u{9b}ame.hops.json: name: the design's name "\u{202e}x" contains control characters"#))
    }

    @Test func escapedTextIsMeasuredAsItIsDrawn() {
        #expect(DisplayWidth.of("a\u{202E}b") == DisplayWidth.of(#"a\u{202e}b"#))
        #expect(DisplayWidth.of("a\u{200D}") == 1)      // a letter and a joiner: the letter
        #expect(DisplayWidth.of("👩‍💻") == 2)           // joined emoji: one wide glyph
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)
    }
}
