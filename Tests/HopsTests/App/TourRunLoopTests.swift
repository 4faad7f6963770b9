import Foundation
import HopsApp
import HopsCanvas
import HopsDesign
import HopsEditor
import HopsInput
import HopsTour
import Testing

/// The tour through the real run loop, against an in-memory file system: it writes nothing
/// unless the person names a file, and quits cleanly.
@Suite struct TourRunLoopTests {
    struct Run {
        let fs = MemoryFileSystem()
        let tour: TourSession
        let terminal: ScriptedTerminal
        let ending: EventLoop.Ending

        init(_ steps: [ScriptedTerminal.Step]) throws {
            let clock = ManualClock()
            terminal = ScriptedTerminal(steps, clock: clock, size: Size(width: 80, height: 24))
            tour = TourSession(lessons: try TourDriver.lessons(), catalog: Fixtures.catalog, screen: terminal.size)
            var loop = EventLoop(terminal: terminal, host: tour, fs: fs, clock: clock, pid: 100, isAlive: { _ in false })
            ending = loop.run()
        }
    }

    @Test func enterMovesOnAndQQuitsWithoutWritingAnything() throws {
        let run = try Run([.keys("<Enter>"), .keys("q")])
        #expect(run.ending == .quit)
        #expect(run.terminal.screenText.contains("─ 1 · step 2 of 7: Follow one request ─"))
        #expect(run.fs.files.isEmpty)
    }

    @Test func theLessonsChangesAndThePersonsAreSavedOnlyWhereTheySay() throws {
        // Step 3 breaks the selector (the lesson's change); the person renames the Service, then
        // quits: asked, `y` asks for a file, and the quit follows the save.
        let run = try Run([
            .keys("<Enter><Enter><Enter><Enter>"), .wait(4000), .keys("<Tab>r<C-u>front<Enter>"), .wait(4000),
            .keys("q"), .keys("y"), .keys("/work/mine.hops.json<Enter>"),
        ])
        #expect(run.ending == .quit)
        #expect(Array(run.fs.files.keys) == ["/work/mine.hops.json"]) // no recovery copy: there was no file yet
        let saved = try #require(run.fs.design("/work/mine.hops.json"))
        #expect(saved.component("svc-web")?.name == "front")
        #expect(saved.component("svc-web")?.selector == ["app": "wbe"])
    }

    @Test func quittingWithUnsavedChangesAsksAndNQuitsWithoutSaving() throws {
        let run = try Run([.keys("<Enter><Enter><Enter><Enter>"), .keys("<Tab>x"), .keys("q")])
        #expect(run.terminal.screenText.contains("Unsaved changes. Save before quitting?"))
        #expect(run.ending == .terminalLost) // still open, asking, when the script ran out
        let again = try Run([.keys("<Tab>x"), .keys("qn")])
        #expect(again.ending == .quit)
        #expect(again.fs.files.isEmpty)
    }
}
