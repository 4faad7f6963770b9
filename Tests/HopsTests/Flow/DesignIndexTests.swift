@testable import HopsCheck
import HopsDesign
@testable import HopsFlow
import Testing

/// The flow engine asks a design its questions through `DesignLookup`: a `DesignIndex` must
/// answer every one as scanning the design does, so traces and checks are the same, only faster.
@Suite struct DesignIndexTests {
    /// Nested boxes, a duplicate id, Pods with overlapping labels (one an integer), and arrows of
    /// every kind, some to components that do not exist.
    static func tangled() -> Design {
        typealias F = FlowFixtures
        var comps: [Component] = [F.component("ns", .namespace, "shop")]
        for i in 0..<12 {
            let labels: JSONValue = .object(["app": .string(i % 3 == 0 ? "web" : "api"), "tier": .integer(i % 2),
                                             "name": .string("p\(i)")])
            comps.append(F.component("deploy-\(i)", .deployment, "d\(i)", parent: i % 4 == 0 ? "ns" : nil))
            comps.append(F.component("pod-\(i)", .pod, "p\(i)", parent: "deploy-\(i)", ["labels": labels]))
            comps.append(F.component("ctr-\(i)", .container, "c\(i)", parent: "pod-\(i)"))
            comps.append(F.service("svc-\(i)", "s\(i)", selector: ["app": i % 2 == 0 ? "web" : "api"]))
        }
        comps.append(F.component("pod-3", .pod, "twin", ["labels": F.labels(["app": "web"])]))
        var conns: [Connection] = []
        let kinds: [ConnectionKind] = [.traffic, .selects, .manages, .mounts, .annotation]
        for i in 0..<40 {
            let from = comps[(i * 7) % comps.count].id, to = i % 9 == 0 ? "gone" : comps[(i * 11 + 3) % comps.count].id
            conns.append(Connection(id: "k\(i)", from: from, to: to, kind: kinds[i % kinds.count]))
        }
        return Design(name: "tangled", components: comps, connections: conns)
    }

    @Test func everyQuestionGetsTheAnswerScanningGives() {
        let design = Self.tangled()
        let index = DesignIndex(design)
        let ids = design.components.map(\.id) + ["gone", ""]
        for id in ids {
            #expect(index.component(id) == design.component(id), "component \(id)")
            #expect(index.children(of: id) == design.children(of: id), "children of \(id)")
            #expect(index.connections(from: id) == design.connections(from: id), "from \(id)")
            #expect(index.connections(to: id) == design.connections(to: id), "to \(id)")
        }
        // The duplicate id answers with its first component, as the scan does.
        #expect(index.component("pod-3")?.name == "p3")
        let selectors: [[String: String]] = [
            [:], ["app": "web"], ["app": "api", "tier": "1"], ["tier": "0"], ["app": "web", "name": "p6"],
            ["app": "db"], ["app": "web", "tier": "7"],
        ]
        for s in selectors {
            #expect(index.pods(selectedBy: s) == design.pods(selectedBy: s), "selector \(s)")
        }
        #expect(index.pods(selectedBy: ["app": "web"]).count == 5)
    }

    @Test func aTraceThroughTheIndexIsTheTraceThroughTheScan() {
        var design = FlowFixtures.web()
        FlowFixtures.addAPI(to: &design)
        design.connections.append(FlowFixtures.traffic("ctr-app", "svc-api", port: 80))
        for source in ["user", "svc-web", "svc-api", "ctr-app"] {
            var state = FlowState()
            for _ in 0..<4 {
                // The walker as the engine runs it, once over each way of asking.
                var scanned = Walker(rules: StepRules(design: design, host: nil, path: "/"), state: state)
                var indexed = Walker(rules: StepRules(design: DesignIndex(design), host: nil, path: "/"), state: state)
                let a = scanned.run(from: source), b = indexed.run(from: source)
                #expect(a.answered == b.answered && a.failure == b.failure, "from \(source)")
                #expect(scanned.hops == indexed.hops, "from \(source)")
                #expect(scanned.state == indexed.state)
                #expect(!scanned.hops.isEmpty)
                state = scanned.state
            }
        }
    }

    @Test func aSelectorThatMatchesNothingNamesAFewPodsAndCountsTheRest() throws {
        var design = FlowFixtures.web(selector: ["app": "nothing"])
        for i in 0..<6 {
            design.components.append(FlowFixtures.component("extra-\(i)", .pod, "extra\(i)",
                                                            ["labels": FlowFixtures.labels(["app": "x\(i)"])]))
        }
        let (trace, _) = FlowEngine.trace(design, from: "user", state: FlowState())
        let why = try #require(trace.hops.last?.narration)
        #expect(!trace.succeeded)
        #expect(why.contains("(the Pods have: web (app=web), extra0 (app=x0), extra1 (app=x1), extra2 (app=x2), "
            + "extra3 (app=x3), 2 other Pods)"), "\(why)")
        #expect(!why.contains("extra4"))
    }

    @Test func aCheckOfManySourcesListsWhatTracingEachFinds() {
        // A chain of Services long enough for the check to trace on two threads, with breaks in it.
        var design = FlowFixtures.web()
        var previous = "ctr-app"
        for i in 0..<(Paths.parallelAbove + 10) {
            let broken = i % 9 == 4
            design.components.append(FlowFixtures.service("chain-\(i)", "chain\(i)",
                                                          selector: ["app": broken ? "missing" : "web"]))
            design.connections.append(FlowFixtures.traffic(previous, "chain-\(i)", port: 80))
            previous = "chain-\(i)"
        }
        let found = CheckEngine.findings(in: design, catalog: Fixtures.catalog).filter { $0.rule == "request-fails" }
        let senders = Set(design.connections.filter { $0.kind == .traffic }.map(\.from))
        let sources = design.components.filter { $0.kind == .user || $0.kind == .service || senders.contains($0.id) }
            .map(\.id)
        #expect(sources.count > Paths.parallelAbove)
        var expected: [String] = []
        for s in sources {
            let (t, _) = FlowEngine.trace(design, from: s, state: FlowState())
            guard !t.succeeded, let last = t.hops.last else { continue }
            let key = "\(last.from)|\(last.narration)"
            if !expected.contains(key) { expected.append(key) }
        }
        #expect(expected.count > 1)
        // (The check sorts its findings by component; each is listed once.)
        #expect(Set(found.map { "\($0.component ?? "")|\($0.message)" }) == Set(expected))
        #expect(found.count == expected.count)
    }
}
