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
            "5. ← Container db → Container app", "6. ← Container app → User",
        ])
        #expect(r.out.contains("✔ the response reached User after 6 hops"))
        #expect(r.out.contains("\n     container app now has what it needed and answers User: the reply goes from Pod "
            + "web-9gv7vthhzd-8t62s straight back to User, not through Service web; on the node that rewrote the request, "
            + "conntrack recognises the connection and restores Service web's address as the reply's source, so User sees "
            + "an answer from the address it dialled; the request is complete\n"))
    }

    @Test func jsonListsHopsAndRoundRobinShowsAcrossRequests() throws {
        let r = try run(["trace", "--json", "--requests", "4"])
        #expect(r.status == 0)
        struct H: Decodable { let from, to, narration, status: String; let connection: String?; let instance: Int? }
        struct Req: Decodable { let request: Int; let succeeded: Bool; let hops: [H] }
        let reqs = try JSONDecoder().decode([Req].self, from: Data(r.out.utf8))
        #expect(reqs.count == 4)
        #expect(reqs.allSatisfy { $0.succeeded })
        #expect(reqs[0].hops.map(\.to) == ["svc-web", "pod-web", "ctr-app", "ctr-db", "ctr-app", "user"])
        #expect(reqs[0].hops.map(\.from) == ["user", "svc-web", "pod-web", "ctr-app", "ctr-db", "ctr-app"])
        #expect(reqs[0].hops[0].connection == "user-to-web")
        #expect(reqs[0].hops[5].connection == nil)
        #expect(reqs[0].hops[5].narration.contains("straight back to User, not through Service web"))
        #expect(reqs.map { $0.hops[1].instance } == [1, 2, 3, 1])
    }

    @Test func readmeShowsWhatTraceReallyPrints() throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"),
                                encoding: .utf8)
        let r = try run(["trace"])
        let block = try #require(readme.range(of: "```\nrequest 1 from User\n"))
        let end = try #require(readme.range(of: "\n```", range: block.upperBound..<readme.endIndex))
        #expect("request 1 from User\n" + readme[block.upperBound..<end.lowerBound] + "\n" == r.out)
    }

    @Test func kubectlLinesFollowEachHop() throws {
        let r = try run(["trace", "--kubectl"])
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex(of: "  1. → User → Service web"))
        #expect(Array(lines[(first + 2)...(first + 3)]) == [
            "       $ kubectl describe svc web", "       $ kubectl port-forward svc/web 8080:80"])
        #expect(lines.contains("       $ kubectl get endpointslices -l kubernetes.io/service-name=web"))
        #expect(lines.contains("       $ kubectl logs deploy/web -c app"))
        #expect(lines.contains("       $ kubectl exec deploy/web -c app -- curl -s localhost:8080/"))
        let json = try run(["trace", "--json"])
        struct H: Decodable { let kubectl: [String]; let pod: String? }
        struct Req: Decodable { let hops: [H] }
        let reqs = try JSONDecoder().decode([Req].self, from: Data(json.out.utf8))
        #expect(reqs[0].hops[1].kubectl == ["kubectl get endpointslices -l kubernetes.io/service-name=web",
                                            "kubectl get pods -l app=web -o wide"])
        #expect(reqs[0].hops[1].pod == "web-9gv7vthhzd-8t62s")
    }

    @Test func keepAliveAndSeededRandomBalance() throws {
        let pinned = try run(["trace", "--json", "--requests", "3", "--keep-alive"])
        struct H: Decodable { let instance: Int?; let narration: String }
        struct Req: Decodable { let hops: [H] }
        let reqs = try JSONDecoder().decode([Req].self, from: Data(pinned.out.utf8))
        #expect(reqs.map { $0.hops[1].instance } == [1, 1, 1])
        #expect(reqs[1].hops[1].narration.contains("the next request on it (keep-alive) reaches the same Pod"))
        #expect(!reqs[1].hops[1].narration.contains("rewrite the connection"))
        let text = try run(["trace", "--requests", "2", "--keep-alive"])
        #expect(text.out.contains("request 1 from User on a new connection\n"))
        #expect(text.out.contains("request 2 from User on the same connection (keep-alive)\n"))

        let a = try run(["trace", "--json", "--requests", "8", "--balance", "random", "--seed", "3"])
        let b = try run(["trace", "--json", "--requests", "8", "--balance", "random", "--seed", "3"])
        #expect(a.out == b.out)
        let picks = try JSONDecoder().decode([Req].self, from: Data(a.out.utf8)).map { $0.hops[1].instance }
        #expect(picks != [1, 2, 3, 1, 2, 3, 1, 2])
        #expect(Set(picks.compactMap { $0 }).isSubset(of: [1, 2, 3]))
        let bad = try run(["trace", "--balance", "fair"])
        #expect(bad.status == 64) // ArgumentParser's usage error, as for --requests 0
        #expect(bad.err.contains("--balance must be round-robin or random"))
    }

    @Test func portOptionDialsAnotherPortAndIsRefused() throws {
        let r = try run(["trace", "--port", "443"])
        #expect(r.status == 2)
        #expect(r.out.contains("  ✘ the app does not answer: Service web has no port 443; it listens on 80, so the connection is "
            + "refused: dial port 80 or add port 443 to the Service"))
    }

    @Test func aFailedRequestExitsTwoAndPrintsTheFailingHop() throws {
        var d = try Fixtures.bundledDesign()
        let i = d.index(of: "svc-web")!
        d.components[i].selector = ["app": "shop"]
        let file = Fixtures.tempDir().appendingPathComponent("broken.hops.json").path
        try DesignFile.write(d, to: file)
        let r = try run(["trace", file])
        #expect(r.status == 2)
        // The request stops at the Service: one end, not "Service web → Service web".
        #expect(r.out.contains("  2. ✘ Service web\n"))
        #expect(r.out.contains("app=shop"))
        #expect(r.out.contains("so it has no endpoints and the connection is refused"))

        d = try Fixtures.bundledDesign()
        d.connections.removeAll { $0.from == "user" }
        try DesignFile.write(d, to: file)
        let silent = try run(["trace", file])
        #expect(silent.status == 2)
        #expect(silent.out.contains("  1. ✘ User\n     User has no outgoing connection"))
        #expect(silent.out.contains("  ✘ no request is sent: User has no outgoing connection"))
    }

    @Test func badFileAndBadSourceExitOne() throws {
        let missing = try run(["trace", "/nonexistent.hops.json"])
        #expect(missing.status == 1)
        #expect(missing.err == "hops: /nonexistent.hops.json: no such file\n")
        let noSource = try run(["trace", "--from", "nobody"])
        #expect(noSource.status == 1)
        #expect(noSource.err.contains("no component named \"nobody\""))
        let several = try run(["trace", "--from", "web"])
        #expect(several.status == 1)
        #expect(several.err == "hops: the bundled design: 3 components are named \"web\": Service/web, Deployment/web, "
                + "Pod/web; say which with --from Kind/name\n")
    }

    /// Export and import refuse to write over what they read (by another name too): the design
    /// or the manifests would be lost.
    @Test func exportAndImportNeverWriteOverTheirInput() throws {
        let dir = Fixtures.tempDir().path
        let design = dir + "/d.hops.json", link = dir + "/link.json"
        try DesignFile.write(try Fixtures.bundledDesign(), to: design)
        symlink(design, link)
        let before = try Data(contentsOf: URL(fileURLWithPath: design))
        for (to, out) in [("k8s", design), ("meshery", link)] {
            let r = try run(["export", design, "--to", to, "-o", out])
            #expect(r.status == 1)
            #expect(r.err == "hops: \(out): not written: it is the design being exported; export to another file\n")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: design)) == before)
        let yaml = dir + "/m.yaml"
        #expect(try run(["export", design, "--to", "k8s", "-o", yaml]).status == 0)
        let manifests = try Data(contentsOf: URL(fileURLWithPath: yaml))
        let r = try run(["import", yaml, "-o", yaml])
        #expect(r.status == 1 && r.err.contains("not written: it is \(yaml), which is being imported"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: yaml)) == manifests)
    }

    /// Names shared within a kind (imported containers are all "server") list ids, five of them
    /// and a count, so the error is one short line that names what --from takes.
    @Test func aNameSharedWithinAKindListsIDs() throws {
        var d = Design(name: "shared", components: [])
        for i in 0..<8 {
            d.components.append(Component(id: "pod-\(i)", kind: .pod, name: "app\(i)"))
            d.components.append(Component(id: "ctr-\(i)", kind: .container, name: "server", parent: "pod-\(i)"))
        }
        let file = Fixtures.tempDir().appendingPathComponent("shared.hops.json").path
        try DesignFile.write(d, to: file)
        let r = try run(["trace", file, "--from", "Container/server"])
        #expect(r.status == 1)
        #expect(r.err == "hops: \(file): 8 components match \"Container/server\": ctr-0 (Container in pod-0), "
                + "ctr-1 (Container in pod-1), ctr-2 (Container in pod-2), ctr-3 (Container in pod-3), "
                + "ctr-4 (Container in pod-4) and 3 more; say which with --from and an id\n")
        let byID = try run(["trace", file, "--from", "ctr-3"])
        #expect(byID.out.hasPrefix("request 1 from Container server"))
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
