import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsInput
import Testing

/// `/` finds components as the query is typed: by name, kind, catalog tag, label or image, in
/// any case. The current match is selected and scrolled to live, the others are marked on the
/// canvas; Tab and the arrows move through them, Enter keeps one, Esc goes back, and once the
/// search has closed `]` and `[` go on through the matches (in a trace `n` still steps hops).
@Suite struct SearchTests {
    /// The bundled design, searched on an 80x24 screen.
    static func bundled() throws -> Session { try Session.bundled(screen: Size(width: 80, height: 24)) }

    /// `count` Services named api-0, api-1, ... in one column, five rows apart: most are off screen.
    static func column(_ count: Int) -> Session {
        let services = (0..<count).map { i in
            Component(id: "api-\(i)", kind: .service, name: "api-\(i)", position: Position(x: 2, y: 1 + i * 5))
        }
        return Session(Design(name: "column", components: services), screen: Size(width: 80, height: 24))
    }

    static func search(_ s: Session) -> Search? {
        if case .search(let found) = s.editor.mode { return found }
        return nil
    }

    static func matchIDs(_ s: Session) -> [String] { search(s).map { f in f.matches.map { f.id($0) } } ?? [] }

    /// A query longer than the status line scrolls: the cursor, the count and the note stay in
    /// view (only the query's start showed). Tab on the command line shows its completions.
    @Test func aLongQueryScrollsAndTheCommandLineShowsCompletions() throws {
        var s = try Session.bundled(screen: Size(width: 80, height: 24))
        s.keys("/" + String(repeating: "w", count: 120))
        let line = try #require(s.screen.last)
        #expect(line.hasPrefix("…www"))
        #expect(line.contains("w_ no component matches"))
        s.keys("<Esc>:e<Tab>")
        #expect(s.screen.last?.hasPrefix(":e_ :e") == true && s.screen.last?.contains(":export") == true)
        #expect(FieldLine.window("abcdef", cursor: 6, columns: 4, ellipsis: "…") == ("…ef", 3))
        #expect(FieldLine.window("abc", cursor: 3, columns: 10, ellipsis: "…") == ("abc", 0))
    }

    /// A name equal to the query comes first, then names starting with it, then names holding
    /// it, then other fields; several words must all be found, each in any field.
    @Test func exactNamesFirstAndEveryWordMustMatch() {
        var labelled = Component(id: "other", kind: .deployment, name: "other")
        labelled.labels = ["app": "app13"]
        let d = Design(name: "rank", components: [
            Component(id: "svc-130", kind: .service, name: "app130"),
            Component(id: "my", kind: .service, name: "myapp13"),
            Component(id: "deploy-13", kind: .deployment, name: "app13"),
            labelled,
            Component(id: "pod-13", kind: .pod, name: "APP13"),
        ])
        let index = SearchIndex(design: d, catalog: Fixtures.catalog)
        let ids = { (q: String) in index.matches(q).map { index.ids[$0.component] } }
        #expect(ids("app13") == ["deploy-13", "pod-13", "svc-130", "my", "other"])
        #expect(ids("deploy app13") == ["deploy-13", "other"])
        #expect(index.matches("app13 deploy").first?.field == .name)
        #expect(ids("  deploy   zzz ").isEmpty && ids("   ").isEmpty)
    }

    /// A pasted page is not searched key by key past a name's length: the query stops there
    /// and says why.
    @Test func aQueryStopsAtTheLongestName() throws {
        var s = try SearchTests.bundled()
        s.keys("/" + String(repeating: "x", count: Search.maxQuery + 40))
        guard case .search(let search) = s.editor.mode else { Issue.record("not searching"); return }
        #expect(search.field.text == String(repeating: "x", count: Search.maxQuery))
        #expect(s.editor.message == "a search is at most 253 characters, as long as a Kubernetes name")
    }

    @Test func typingFiltersAndTheCountAndTheSelectionFollow() throws {
        var s = try Session.bundled(screen: Size(width: 100, height: 20))
        s.keys("/w")
        #expect(s.editor.mode.name == "SEARCH")
        // Names first, then the container whose image holds "w"; every match in view is marked with
        // a diamond before its tag, the first is selected (heavy border, and the panel shows it) and
        // counted on the status line.
        #expect(s.screenText == Session.rows("""
         ╭ user ──╮                                                       │ Service · web
         │ User   │                                                       │ One stable virtual address
         ╰──────┬─╯                                                       │ (ClusterIP) for the ready Pods
                │                                                         │ its selector matches in its
                │ HTTP :80               ┌ ◆ pod ─────────────────────────│ namespace. No process runs for
                ▼                        │ web                            │ it: kube-proxy's rules on every
         ┏ ◆ svc ━━━━━━━━━━ ! ┓          │ app=web                        │ node send each new connection
         ┃ web                ┣─app=web─▶│ replicas 1 2 3                 │ to one ready Pod's IP and
         ┃ ClusterIP :80→8080 ┃          │                                │ targetPort.
         ┗━━━━━━━━━━━━━━━━━━━━┛          │ ┌ ◆ ctr ────────┐        ┌ ctr │ type: ClusterIP
                                         │ │ app           │        │ db  │ selector: app=web
                                         │ │ web-app:1.4.2 ├─:5432─▶│ post│ port: 80
         ╔ ◆ deploy ══╗                  │ │ :8080         │        │ :543│ targetPort: 8080
         ║ web        ╠┄┄┄┄┄manages┄┄┄┄┄▶│ └───────────────┘        └─────│ → web (selects)
         ║ 3 replicas ║                  │                                │ ← User (traffic)
         ╚════════════╝                  └────────────────────────────────│ warning: a User outside the
                                          └───────────────────────────────│ cluster cannot reach Service
                                           └──────────────────────────────│ web directly: a ClusterIP
                                                                          │ address exists only … C-d more
        /w_ 1 of 4                                        type to search  Tab next  Enter select  Esc back
        """, width: 100))
        #expect(SearchTests.matchIDs(s) == ["svc-web", "deploy-web", "pod-web", "ctr-app"])
        #expect(SearchTests.search(s)?.matches.map(\.field) == [.name, .name, .name, .image])

        // "web-" is only in the container's image: it becomes current and selected.
        s.keys("eb-")
        #expect(SearchTests.matchIDs(s) == ["ctr-app"])
        #expect(s.editor.selection == "ctr-app")
        #expect(s.screen.last!.hasPrefix("/web-_ 1 of 1 · image ghcr.io/hops-demo/web-app:1.4.2 "))
        // Back to "web": the current match stays the container while it still matches.
        s.keys("<BS>")
        #expect(s.editor.selection == "ctr-app")
        #expect(s.screen.last!.hasPrefix("/web_ 4 of 4 · image ghcr.io/hops-demo/web-app:1.4.2 "))
    }

    @Test func tabAndTheArrowsMoveThroughTheMatchesRoundAndRound() throws {
        var s = try SearchTests.bundled()
        s.keys("/web")
        var seen: [String?] = [s.editor.selection]
        for k in ["<Tab>", "<Down>", "<Tab>", "<Tab>", "<S-Tab>", "<Up>"] {
            s.keys(k)
            seen.append(s.editor.selection)
        }
        #expect(seen == ["svc-web", "deploy-web", "pod-web", "ctr-app", "svc-web", "ctr-app", "pod-web"])
        #expect(s.screen[23].hasPrefix("/web_ 3 of 4 "))
    }

    @Test func enterKeepsTheMatchAndBracketsGoOnThroughTheMatches() throws {
        var s = try SearchTests.bundled()
        s.keys("/web<Enter>")
        #expect(s.editor.mode == .normal && s.editor.selection == "svc-web")
        #expect(s.editor.message == "Service web: 1 of 4 for \"web\"; ] next, [ previous")
        var said: [String?] = []
        for k in ["]", "]", "]", "]", "["] {
            s.keys(k)
            said.append(s.editor.message)
        }
        #expect(said == [
            "Deployment web: 2 of 4 for \"web\"",
            "Pod web: 3 of 4 for \"web\"",
            "Container app (image ghcr.io/hops-demo/web-app:1.4.2): 4 of 4 for \"web\"",
            "Service web: 1 of 4 for \"web\" (wrapped to the first)",
            "Container app (image ghcr.io/hops-demo/web-app:1.4.2): 4 of 4 for \"web\" (wrapped to the last)",
        ])
        #expect(s.editor.selection == "ctr-app")
        // From a component that is not a match, ] goes to the first match and [ to the last.
        s.editor.selection = "user"
        s.keys("]")
        #expect(s.editor.selection == "svc-web")
        s.editor.selection = "ctr-db"
        s.keys("[")
        #expect(s.editor.selection == "ctr-app")
    }

    @Test func bracketsBeforeAnySearchSaySo() throws {
        var s = try SearchTests.bundled()
        s.keys("]")
        #expect(s.editor.message == "no search yet: / finds components by name, kind, label or image")
        #expect(s.editor.selection == "user")
    }

    @Test func enterSelectsAndScrollsToAMatchOffScreen() throws {
        var s = SearchTests.column(30)
        s.editor.selection = "api-0"
        let start = s.editor.viewport.origin
        #expect(!s.editor.viewport.rect.contains(s.editor.rect(of: "api-27")!))
        s.keys("/api-27<Enter>")
        #expect(s.editor.selection == "api-27" && s.editor.mode == .normal)
        #expect(s.editor.viewport.origin != start)
        #expect(s.editor.viewport.rect.contains(s.editor.rect(of: "api-27")!))
        s.editor.message = nil
        // The view scrolled down just far enough to show the match, which is selected.
        #expect(s.screenText == Session.rows("""
         └───────────┘

         ┌ svc ─── ✗ ┐
         │ api-25    │
         │ ClusterIP │
         └───────────┘

         ┌ svc ─── ✗ ┐
         │ api-26    │
         │ ClusterIP │
         └───────────┘

         ┏ svc ━━━ ✗ ┓
         ┃ api-27    ┃
         ┃ ClusterIP ┃
         ┗━━━━━━━━━━━┛

        ────────────────────────────────────────────────────────────────────────────────
         Service · api-27
         One stable virtual address (ClusterIP) for the ready Pods its selector matches
         in its namespace. No process runs for it: kube-proxy's rules on every node
         send each new connection to one ready Pod's IP and targetPort.
         type: ClusterIP … C-d more
         column        ⌖ 0,123 of 13x149  c connect  C arrows  t trace  ? keys  q quit
        """))
    }

    @Test func escGoesBackToTheSelectionAndTheView() throws {
        var s = SearchTests.column(30)
        s.editor.selection = "api-1"
        let before = s.screenText
        let origin = s.editor.viewport.origin
        s.keys("/api-2")
        #expect(s.editor.selection == "api-2")
        s.keys("9")
        #expect(s.editor.selection == "api-29" && s.editor.viewport.origin != origin)
        s.keys("<Tab><Esc>")
        #expect(s.editor.mode == .normal && s.editor.selection == "api-1" && s.editor.viewport.origin == origin)
        #expect(s.screenText == before)

        // The same on the bundled design, after moving through matches.
        var b = try SearchTests.bundled()
        let screen = b.screenText
        b.keys("/web<Tab><Tab><Esc>")
        #expect(b.screenText == screen)
    }

    @Test func noMatchSaysSoAndTheSelectionIsBack() throws {
        var s = try SearchTests.bundled()
        s.keys("/web")
        #expect(s.editor.selection == "svc-web")
        s.keys("zz")
        #expect(SearchTests.matchIDs(s).isEmpty && s.editor.selection == "user")
        #expect(s.screen[23] == "/webzz_ no component matches  type to search  Tab next  Enter select  Esc back  "
            .padding(toLength: 80, withPad: " ", startingAt: 0))
        s.keys("<Tab><Enter>")
        #expect(s.editor.mode == .normal && s.editor.selection == "user")
        #expect(s.editor.message == "no component matches \"webzz\"")
    }

    @Test func findsByKindTagLabelAndImageInAnyCaseAndSaysWhatMatched() throws {
        let cases: [(query: String, ids: [String], summary: String)] = [
            ("DEPLOY", ["deploy-web"], "1 of 1 · kind Deployment"),
            ("svc", ["svc-web"], "1 of 1 · tag svc"),
            ("ctr", ["ctr-app", "ctr-db"], "1 of 2 · tag ctr"),
            ("App=Web", ["pod-web"], "1 of 1 · label app=web"),
            ("Postgres", ["ctr-db"], "1 of 1 · image postgres:16.4"),
            ("1.4.2", ["ctr-app"], "1 of 1 · image ghcr.io/hops-demo/web-app:1.4.2"),
            ("APP", ["ctr-app", "pod-web"], "1 of 2"),
        ]
        for c in cases {
            var s = try SearchTests.bundled()
            s.keys("/" + c.query)
            let found = try #require(SearchTests.search(s))
            #expect(SearchTests.matchIDs(s) == c.ids, "\(c.query)")
            #expect(s.editor.searchSummary(found) == c.summary, "\(c.query)")
            #expect(s.editor.selection == c.ids.first, "\(c.query)")
        }
    }

    @Test func typedTextFollowsTheShownRule() throws {
        var s = try SearchTests.bundled()
        s.keys("/we")
        for refused in ["\u{7}", "\u{1b}", "\u{202e}"] {
            s.send(.key(.char(Character(refused))))
            #expect(SearchTests.search(s)?.field.text == "we")
        }
        #expect(s.editor.message == "not typed: \\u{202e} is a control or invisible character, never shown")
        #expect(s.screen[23].hasPrefix("/we_ not typed: \\u{202e} is a control or invisible character"))
        s.keys("b") // the note is for one key; the count is back
        #expect(s.screen[23].hasPrefix("/web_ 1 of 4 "))
        // Every field says so: renaming, too.
        s.keys("<Esc>")
        s.editor.selection = "svc-web"
        s.keys("r<C-u>a")
        s.send(.key(.char("\u{202e}")))
        s.keys("b")
        #expect(s.editor.message == nil && s.editor.mode.field?.text == "ab")
        s.send(.key(.char("\u{202e}")))
        #expect(s.editor.message == "not typed: \\u{202e} is a control or invisible character, never shown")
        #expect(s.screen.last?.contains("not typed: \\u{202e}") == true)
    }

    @Test func slashOffersTheLastQueryAndBackspaceOnAnEmptyOneGoesBack() throws {
        var s = try SearchTests.bundled()
        s.keys("/web<Enter><Esc>")
        #expect(s.editor.selection == nil)
        s.keys("/")
        // The last query, selected: Enter would take it again, a typed key replaces it.
        #expect(SearchTests.search(s)?.field == TextField("web", selected: true))
        #expect(s.editor.selection == "svc-web")
        s.keys("db")
        #expect(SearchTests.matchIDs(s) == ["ctr-db"])
        s.keys("<BS><BS>")
        #expect(s.editor.mode.name == "SEARCH" && s.editor.selection == nil)
        s.keys("<BS>")
        #expect(s.editor.mode == .normal && s.editor.selection == nil)
    }

    @Test func inATraceNStillStepsHopsAndBracketsFindMatches() throws {
        var s = try SearchTests.bundled()
        s.keys("/web<Esc>t") // Esc: nothing recorded, so a trace starts from the User
        #expect(s.editor.player != nil)
        s.keys("n")
        let hop = try #require(s.editor.player?.focus?.hop)
        #expect(hop == 1)
        s.keys("/web<Enter>]")
        #expect(s.editor.player?.focus?.hop == hop)
        #expect(s.editor.selection == "deploy-web")
        #expect(s.editor.message == "Deployment web: 2 of 4 for \"web\"")
    }

    @Test func theSearchKeysComeFromTheSearchTable() throws {
        var s = try SearchTests.bundled()
        s.keys("/")
        #expect(s.editor.activeTables.map(\.name) == ["Search"])
        #expect(s.screen[23].hasSuffix(Editor.searchTable.hints.joined(separator: "  ") + "  "))
        #expect(Editor.helpSections.contains { $0.title.hasPrefix("Search: ") })
        let normal = Editor.normalTable.bindings.flatMap(\.keys)
        #expect([Key.char("/"), .char("]"), .char("[")].allSatisfy(normal.contains))
        // No search key takes a trace key away.
        let trace = Set(Editor.traceTable.bindings.flatMap(\.keys))
        #expect(trace.isDisjoint(with: [.char("/"), .char("]"), .char("[")]))
    }

    @Test func aDesignChangeIsSearchedAfresh() throws {
        var s = try SearchTests.bundled()
        s.keys("/web<Enter>")
        s.editor.selection = "ctr-db"
        s.keys("rwebdb<Enter>") // rename db to webdb
        #expect(s.design.component("ctr-db")?.name == "webdb")
        // The renamed container is a match now: ] from it goes on to the fifth.
        s.keys("]")
        #expect(s.editor.selection == "ctr-app")
        #expect(s.editor.message == "Container app (image ghcr.io/hops-demo/web-app:1.4.2): 5 of 5 for \"web\"")
        s.keys("/web")
        #expect(SearchTests.matchIDs(s) == ["svc-web", "deploy-web", "pod-web", "ctr-db", "ctr-app"])
    }

    /// A match that is not drawn (inside a folded group, or on a hidden layer) selects the nearest
    /// group that is, and says so; with no drawn group it stays itself, with a note.
    @Test func aMatchThatIsNotDrawnSelectsTheGroupThatIs() throws {
        let s = try SearchTests.bundled()
        let index = SearchIndex(design: s.design, catalog: Fixtures.catalog)
        let app = try #require(index.ids.firstIndex(of: "ctr-app"))
        let drawn = { (hidden: Set<String>) in { (id: String) in !hidden.contains(id) } }
        #expect(Editor.standIn(for: app, in: index, design: s.design, isDrawn: drawn([])) == ("ctr-app", nil))
        let inPod = Editor.standIn(for: app, in: index, design: s.design, isDrawn: drawn(["ctr-app"]))
        #expect(inPod == ("pod-web", "on a hidden layer inside Pod web, which is selected (:show shows it)"))
        var folded = s.design
        folded.components[folded.index(of: "pod-web")!].properties[ShownDesign.foldedProperty] = .bool(true)
        let inFold = Editor.standIn(for: app, in: index, design: folded, isDrawn: drawn(["ctr-app"]))
        #expect(inFold == ("pod-web", "inside folded Pod web, which is selected (z unfolds it)"))
        let alone = Editor.standIn(for: app, in: index, design: s.design, isDrawn: drawn(["ctr-app", "pod-web"]))
        #expect(alone == ("ctr-app", "not drawn: on a hidden layer (:show shows it)"))
    }
}
