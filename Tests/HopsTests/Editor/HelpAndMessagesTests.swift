import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsInput
import Testing

/// Help scrolls, shows where it is and how to close it, and fits 80x24; undo, redo, speed and
/// every command say what they did.
@Suite struct HelpAndMessagesTests {
    static func padded(_ text: String) -> String { Session.rows(text) }

    @Test func helpAt80x24ScrollsAndShowsWhereItIs() throws {
        var s = try Session.bundled(screen: Size(width: 80, height: 24))
        s.keys("?")
        let total = s.editor.helpPage().lines.count
        #expect(s.editor.helpPage().rows == 21)
        #expect(s.screenText == HelpAndMessagesTests.padded("""
        ╭ help ────────────────────────────────────────────────────────────────────────╮
        │ Normal: a component, or nothing, is selected                                 │
        │   Tab             select the next component                                  │
        │   S-Tab           select the previous component                              │
        │   Left h          select the nearest component to the left, siblings first   │
        │                   (or pan)                                                   │
        │   Down j          select the nearest component below (or pan)                │
        │   Up k            select the nearest component above (or pan)                │
        │   Right l         select the nearest component to the right (or pan)         │
        │   S-Left H        move the selection one cell left (its children move too,   │
        │                   arrows re-route)                                           │
        │   S-Down J        move the selection one cell down                           │
        │   S-Up K          move the selection one cell up                             │
        │   S-Right L       move the selection one cell right                          │
        │   a               add a component from the catalog, beside the selection or  │
        │                   inside it                                                  │
        │   c               connect the selection to another component                 │
        │   C               select one of the selection's connections (any one with    │
        │                   nothing selected)                                          │
        │   r               rename the selection                                       │
        │   e               edit the selection's properties (replicas, image, ports,   │
        │                   labels, selector...)                                       │
        ╰─ 1-21 of \(total) · j scroll · Space page · Esc close ────────────────────────────╯
         Kubernetes Request Flow  HELP                 j scroll  Space page  Esc close 
        """))
        s.keys("<Space>")
        #expect(s.screen[22].hasPrefix("╰─ 21-41 of \(total) · "))
        #expect(s.screen[1] == "│                   labels, selector...)                                       │")
        s.keys("j")
        #expect(s.screen[22].hasPrefix("╰─ 22-42 of \(total) · "))
        s.keys("G")
        #expect(s.screen[22].hasPrefix("╰─ \(total - 20)-\(total) of \(total) · "))
        s.keys("j<Down><PageDown>") // the end stays the end
        #expect(s.screen[22].hasPrefix("╰─ \(total - 20)-\(total) of \(total) · "))
        s.keys("gk")
        #expect(s.screen[22].hasPrefix("╰─ 1-21 of \(total) · "))
        s.keys("x") // not a help key: nothing happens
        #expect(s.editor.mode == .help(scroll: 0))
        s.keys("<Esc>")
        #expect(s.editor.mode == .normal)
    }

    @Test func helpIsOrganisedByModeAndEveryLineFits() throws {
        var s = try Session.bundled(screen: Size(width: 80, height: 24))
        s.keys("?")
        let lines = s.editor.helpPage().lines.map(\.0)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 76 })
        let titles = lines.filter { !$0.hasPrefix(" ") && !$0.isEmpty }
        #expect(titles.map { String($0.prefix { $0 != ":" }) }
            == Editor.keyTables.map(\.name) + ["Typing", "Mouse", "Commands"])
        // Every key of every table is on some line of its section.
        for t in Editor.keyTables {
            let start = try #require(lines.firstIndex { $0.hasPrefix(t.name + ":") })
            let section = lines[start...].prefix { !$0.isEmpty }
            for b in t.bindings {
                let keys = "  " + b.keys.map(\.name).joined(separator: " ")
                #expect(section.contains { $0 == keys || $0.hasPrefix(keys + " ") }, "\(t.name): \(keys)")
            }
        }
    }

    @Test func undoAndRedoSayWhatTheyUndidAndRedid() throws {
        var s = try Session.bundled()
        s.editor.selection = "svc-web"
        s.keys("rapi<Enter>")
        #expect(s.editor.message == "renamed Service web to api")
        s.keys("L") // a move: one step however many cells
        s.keys("LL")
        s.keys("u")
        #expect(s.editor.message == "undone: moved Service api (1 more to undo)")
        s.keys("u")
        #expect(s.editor.message == "undone: renamed Service web to api")
        s.keys("u")
        #expect(s.editor.message == "nothing to undo")
        s.keys("<C-r>")
        #expect(s.editor.message == "redone: renamed Service web to api (1 more to redo)")
        s.keys("<C-r>")
        #expect(s.editor.message == "redone: moved Service api")
        s.keys("<C-r>")
        #expect(s.editor.message == "nothing to redo")
        s.keys(":scale 4<Enter>u")
        #expect(s.editor.message == "undone: Service api's Pods belong to Deployment web: scaled it to 4 replicas (2 more to undo)")
    }

    /// A key no table binds says so instead of nothing; Esc stays quiet.
    @Test func aKeyThatDoesNothingSaysSo() throws {
        var s = try Session.bundled()
        let before = s.design
        s.keys("~")
        #expect(s.editor.message == "~ does nothing here: ? lists the keys")
        s.keys("<F7>")
        #expect(s.editor.message == "F7 does nothing here: ? lists the keys")
        s.keys("<Esc>")
        #expect(s.editor.message == nil)
        #expect(s.design == before)
    }

    /// A component named as its kind is said once ("deleted User"), and the panel counts in
    /// the right number.
    @Test func namesAndCountsReadAsEnglish() throws {
        var s = try Session.bundled(screen: Size(width: 120, height: 40))
        s.editor.selection = "user"
        s.keys("x")
        #expect(s.editor.message == "deleted User")
        s.editor.selection = nil
        #expect(s.screenText.contains("│ 0 errors, 1 warning (hops check"))
    }

    @Test func speedChangesSayTheSpeed() throws {
        var s = try Session.bundled()
        s.keys("+")
        #expect(s.editor.message == "speed 2x (32 cells a second); t starts a request")
        s.keys("t")
        #expect(s.editor.cellsPerSecond == 32) // the speed is kept for the next request
        s.keys("=")
        #expect(s.editor.message == "speed 4x (64 cells a second)")
        s.keys("+")
        #expect(s.editor.message == "speed 4x (64 cells a second), the fastest")
        s.keys("----")
        #expect(s.editor.message == "speed 1/4x (4 cells a second)")
        s.keys("-")
        #expect(s.editor.message == "speed 1/4x (4 cells a second), the slowest")
        #expect(s.editor.cellsPerSecond == 4)
    }

    /// Each command with a typical argument, and what it says or does. A command added to the
    /// table without a case here fails the test.
    @Test func everyCommandSaysWhatItDid() throws {
        let cases: [String: (line: String, select: String?, said: (Session, [Effect]) -> Bool)] = [
            "w": (":w /tmp/x.hops.json", nil, { s, fx in
                fx.contains { if case .save(_, "/tmp/x.hops.json", _) = $0 { true } else { false } }
                    && s.editor.handle(.saved(path: "/tmp/x.hops.json")).isEmpty
                    && s.editor.message == "saved /tmp/x.hops.json"
            }),
            "wq": (":wq", nil, { _, fx in fx.count == 1 }),
            "q": (":q", nil, { _, fx in fx == [.removeRecovery, .quit] }),
            "e": (":e /tmp/other.hops.json", nil, { _, fx in fx == [.open("/tmp/other.hops.json")] }),
            "export": (":export k8s /tmp/x.yaml", nil, { _, fx in fx == [.export(.k8s, path: "/tmp/x.yaml")] }),
            "layout": (":layout", nil, { s, _ in s.editor.message?.hasPrefix("laid out 6 components for ") == true }),
            "fit": (":fit", nil, { s, _ in
                s.editor.message == "the whole design fits on the screen" || s.editor.message?.hasPrefix("overview") == true
            }),
            "help": (":help", nil, { s, _ in s.editor.mode == .help(scroll: 0) }),
            "scale": (":scale 2", "deploy-web", { s, _ in
                s.editor.message == "Deployment web scaled to 2 replicas (its ReplicaSet now keeps 2)"
            }),
            "image": (":image db=postgres:17", nil, { s, _ in
                s.editor.message?.hasPrefix("container db: postgres:16.4 → postgres:17; Deployment web") == true
            }),
            "balance": (":balance random", nil, { s, _ in
                s.editor.message?.hasPrefix("Services pick a ready Pod at random") == true
            }),
            "ready": (":ready no", "pod-web", { s, _ in
                s.editor.message?.hasPrefix("Pod web fails readiness") == true
            }),
            "kill": (":kill", "pod-web", { s, _ in s.editor.message?.hasPrefix("deleted Pod web-") == true }),
            "trace": (":trace", "user", { s, _ in s.editor.message?.hasPrefix("hop 1 of ") == true }),
            "fold": (":fold", "pod-web", { s, _ in s.editor.message?.hasPrefix("folded Pod web: 2 components inside") == true }),
            "unfold": (":unfold all", nil, { s, _ in s.editor.message == "no group is folded" }),
            "hide": (":hide manages", nil, { s, _ in s.editor.message?.hasPrefix("hidden: manages arrows") == true }),
            "show": (":show all", nil, { s, _ in s.editor.message == "every layer shown" }),
            "into": (":into web", "pod-web", { s, _ in s.editor.message?.hasPrefix("moved Pod web into Deployment web") == true }),
            "out": (":out", "ctr-db", { s, _ in
                s.editor.message == "a container runs only inside a Pod: use :into with another Pod"
            }),
        ]
        #expect(Set(cases.keys) == Set(Editor.commands.map(\.name)))
        for (name, c) in cases.sorted(by: { $0.key < $1.key }) {
            var s = try Session.bundled()
            s.editor.selection = c.select
            let fx = s.keys(c.line + "<Enter>")
            #expect(c.said(s, fx), ":\(name) said \(s.editor.message ?? "nothing")")
        }
    }
}
