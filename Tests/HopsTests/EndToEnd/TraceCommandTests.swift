import Foundation
import HopsDesign
import HopsFormats
import Testing

/// `hops trace` run as a program: output, JSON and exit status.
@Suite struct TraceCommandTests {
    func run(_ args: [String]) throws -> (out: String, err: String, status: Int32) {
        let r = Shell.run([TmuxTests.binary] + args)
        return (r.out, r.err, r.status)
    }

    @Test func bundledDesignEveryHopNamedAsText() throws {
        let r = try run(["trace"])
        #expect(r.status == 0)
        let hops = r.out.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(". ") && $0.contains(" → ") && !$0.contains("  ✔") }
        #expect(hops.map { String($0.drop { $0 == " " }) } == [
            "1. → User → Service web", "2. → Service web → Pod web", "3. → Pod web → Container app", "4. → Container app → Container db",
            "5. ← Container db → Container app", "6. ← Container app → Pod web", "7. ← Pod web → Service web", "8. ← Service web → User",
        ])
        #expect(r.out.contains("✔ the response reached User after 8 hops"))
    }

    @Test func jsonListsHopsAndRoundRobinShowsAcrossRequests() throws {
        let r = try run(["trace", "--json", "--requests", "4"])
        #expect(r.status == 0)
        struct H: Decodable { let from, to, narration, status: String; let connection: String?; let instance: Int? }
        struct Req: Decodable { let request: Int; let succeeded: Bool; let hops: [H] }
        let reqs = try JSONDecoder().decode([Req].self, from: Data(r.out.utf8))
        #expect(reqs.count == 4)
        #expect(reqs.allSatisfy { $0.succeeded })
        #expect(reqs[0].hops.map(\.to) == ["svc-web", "pod-web", "ctr-app", "ctr-db", "ctr-app", "pod-web", "svc-web", "user"])
        #expect(reqs[0].hops[0].connection == "user-to-web")
        #expect(reqs.map { $0.hops[1].instance } == [1, 2, 3, 1])
    }

    @Test func aFailedRequestExitsTwoAndPrintsTheFailingHop() throws {
        var d = try Fixtures.bundledDesign()
        let i = d.index(of: "svc-web")!
        d.components[i].selector = ["app": "shop"]
        let file = Fixtures.tempDir().appendingPathComponent("broken.hops.json").path
        try DesignFile.write(d, to: file)
        let r = try run(["trace", file])
        #expect(r.status == 2)
        #expect(r.out.contains("✘ Service web → Service web"))
        #expect(r.out.contains("app=shop"))
    }

    @Test func badFileAndBadSourceExitOne() throws {
        let missing = try run(["trace", "/nonexistent.hops.json"])
        #expect(missing.status == 1)
        #expect(missing.err == "hops: /nonexistent.hops.json: no such file\n")
        let noSource = try run(["trace", "--from", "nobody"])
        #expect(noSource.status == 1)
        #expect(noSource.err.contains("no component named \"nobody\""))
    }

    @Test func renderHonoursAsciiWidthAndColour() throws {
        let ascii = try run(["render", "--ascii"])
        #expect(ascii.status == 0)
        #expect(ascii.out.contains("+ svc ---"))
        #expect(!ascii.out.unicodeScalars.contains { $0.value > 0x7E && $0 != "\n" })
        let colour = try run(["render", "--color", "always"])
        #expect(colour.out.contains("\u{1B}["))
        let plain = try run(["render"]) // not a terminal: auto means no colour
        #expect(!plain.out.contains("\u{1B}["))
        let narrow = try run(["render", "--width", "60"])
        #expect(narrow.out.split(separator: "\n").allSatisfy { $0.count <= 60 })
    }
}

/// What the README promises of the command line, kept true.
@Suite struct CommandLineTruthTests {
    @Test func traceHonoursAsciiAndALocaleThatIsNotUTF8() {
        for r in [Shell.run([TmuxTests.binary, "trace", "--ascii"]), Shell.run(["env", "LANG=C", "LC_ALL=C", TmuxTests.binary, "trace"])] {
            #expect(r.status == 0)
            #expect(r.out.contains("1. -> User -> Service web"))
            #expect(r.out.contains("ok the response reached User after"))
            #expect(r.out.unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    @Test func usageErrorsExitWithSixtyFour() {
        #expect(Shell.run([TmuxTests.binary, "trace", "--requests", "0"]).status == 64)
        #expect(Shell.run([TmuxTests.binary, "render", "--width", "5"]).status == 64)
        #expect(Shell.run([TmuxTests.binary, "--no-such-flag"]).status == 64)
    }

    @Test func renderWidthSaysSavedPositionsAreKeptAndRelayoutIgnoresThem() throws {
        var d = try Fixtures.bundledDesign()
        for i in d.components.indices where d.components[i].parent == nil { d.components[i].position = Position(x: i * 30, y: 0) }
        let file = Fixtures.tempDir().appendingPathComponent("p.hops.json").path
        try DesignFile.encode(d).write(to: URL(fileURLWithPath: file))
        let kept = Shell.run([TmuxTests.binary, "render", "--width", "60", file])
        #expect(kept.err.contains("positions saved in the file are kept; --width lays out only the rest (--relayout ignores them)"))
        let fresh = Shell.run([TmuxTests.binary, "render", "--width", "60", "--relayout", file])
        #expect(fresh.err.isEmpty)
        let widest = { (text: String) -> Int in text.components(separatedBy: "\n").map { $0.count }.max() ?? 0 }
        #expect(widest(fresh.out) <= 60 || widest(fresh.out) < widest(kept.out))
    }
}
