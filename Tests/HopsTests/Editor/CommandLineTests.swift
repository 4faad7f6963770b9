import HopsCanvas
import HopsDesign
import HopsEditor
import HopsInput
import Testing

@Suite struct CommandLineTests {
    @Test func writeSavesToTheFileOrANewPath() throws {
        var s = try Session.bundled()
        #expect(s.keys(":w<Enter>") == [.save(s.design, path: "/tmp/flow.hops.json", overwrite: false)])
        #expect(s.keys(":w other.hops.json<Enter>") == [.save(s.design, path: "other.hops.json", overwrite: false)])
        #expect(s.editor.handle(.saved(path: "other.hops.json")) == [])
        #expect(s.editor.path == "other.hops.json")
        #expect(!s.editor.isDirty)
    }

    @Test func bundledDesignNeedsAPathToSave() throws {
        var s = Session(try Fixtures.bundledDesign(), path: nil)
        #expect(s.keys(":w<Enter>").isEmpty)
        #expect(s.editor.message == "name the design file: :w path.hops.json")
    }

    @Test func writeQuitAndForcedQuit() throws {
        var s = try Session.bundled()
        s.keys("lL")
        // The quit follows the save's answer, not the command.
        #expect(s.keys(":wq<Enter>") == [.save(s.design, path: "/tmp/flow.hops.json", overwrite: false)])
        #expect(s.editor.handle(.notSaved(path: "/tmp/flow.hops.json", reason: "no such folder /tmp")) == [])
        #expect(s.editor.message == "not saved: no such folder /tmp (still open)")
        #expect(s.editor.isDirty)
        s.keys(":wq<Enter>")
        #expect(s.editor.handle(.saved(path: "/tmp/flow.hops.json")) == [.removeRecovery, .quit])
        s.keys("lL")
        #expect(s.keys(":q<Enter>").isEmpty) // unsaved: asks
        s.keys("<Esc>")
        #expect(s.keys(":q!<Enter>").last == .quit)
    }

    @Test func editOpensAFileAndReportsErrors() throws {
        var s = try Session.bundled()
        #expect(s.keys(":e other.hops.json<Enter>") == [.open("other.hops.json")])
        let other = Design(name: "Other", components: [Component(id: "u", kind: .user, name: "U")])
        s.editor.handle(.opened(path: "other.hops.json", design: other, recoveries: []))
        #expect(s.design.name == "Other")
        #expect(s.editor.path == "other.hops.json")
        s.editor.handle(.notOpened(path: "bad.hops.json", reason: "line 1, column 2: is not valid JSON"))
        #expect(s.editor.message == "cannot open: line 1, column 2: is not valid JSON")
        #expect(s.design.name == "Other") // nothing lost
    }

    @Test func layoutArrangesEverything() throws {
        var s = try Session.bundled()
        s.keys("ll" + String(repeating: "J", count: 10))
        s.keys(":layout<Enter>")
        #expect(s.editor.rect(of: "pod-web")!.y == 0)
        #expect(s.editor.message == "laid out 6 components for 126x39 cells") // the canvas beside the panel
    }

    @Test func tabCompletesCommandsAndPaths() throws {
        var s = try Session.bundled()
        s.editor.completePath = { prefix in ["designs/shop.hops.json", "designs/shop-v2.hops.json"].filter { $0.hasPrefix(prefix) } }
        s.keys(":la<Tab>")
        #expect(s.screen.last!.hasPrefix(":layout "))
        s.keys("<Esc>:e des<Tab>")
        #expect(s.screen.last!.hasPrefix(":e designs/shop"))
        s.keys("-<Tab>")
        #expect(s.screen.last!.hasPrefix(":e designs/shop-v2.hops.json"))
    }

    @Test func helpAndUnknownCommands() throws {
        var s = try Session.bundled()
        s.keys(":help<Enter>")
        #expect(s.editor.mode == .help(scroll: 0))
        s.keys("<Esc>:frobnicate<Enter>")
        #expect(s.editor.message == "unknown command :frobnicate (try :help)")
    }
}

@Suite struct MouseTests {
    @Test func clickSelectsDragMovesEmptyClickClearsWheelScrolls() throws {
        var s = try Session.bundled()
        let svc = s.editor.rect(of: "svc-web")!
        let vp = s.editor.viewport.origin
        let at = Point(x: svc.x + 2 - vp.x, y: svc.y + 1 - vp.y)
        s.send(.mouse(MouseEvent(.press, at: at)))
        #expect(s.editor.selection == "svc-web")
        s.send(.mouse(MouseEvent(.drag, at: at + Point(x: 2, y: 3))))
        s.send(.mouse(MouseEvent(.release, at: at + Point(x: 2, y: 3))))
        #expect(s.editor.rect(of: "svc-web")!.origin == svc.origin + Point(x: 2, y: 3))
        s.send(.mouse(MouseEvent(.press, at: Point(x: 0, y: 30))))
        #expect(s.editor.selection == nil)
        let before = s.editor.viewport.origin
        s.send(.mouse(MouseEvent(.scrollDown, at: Point(x: 5, y: 5))))
        #expect(s.editor.viewport.origin.y >= before.y)
    }
}
