import Foundation
import Testing

/// The real binary in a real terminal (tmux): screens compared as text, never escape bytes.
/// Waits poll until the screen shows what is expected (no fixed sleeps decide a result).
@Suite(.serialized) struct TmuxTests {
    static var binary: String {
        ProcessInfo.processInfo.environment["HOPS_BINARY"]
            ?? Fixtures.packageRoot.appendingPathComponent(".build/debug/hops").path
    }

    final class Pane {
        let name = "hops-e2e-\(UUID().uuidString.prefix(8))"
        init(_ command: String, width: Int = 120, height: Int = 32) throws {
            // A server that is just exiting (its last session was killed) can swallow a new
            // session: try again until the session is there.
            for _ in 0..<5 {
                try Pane.tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name,
                               "env LANG=C.UTF-8 TERM=screen-256color \(command); echo EXIT=$?; sleep 60"])
                if Shell.run(["tmux", "-L", "hops-e2e", "has-session", "-t", name], timeout: 10).status == 0 { return }
                usleep(200_000)
            }
        }
        deinit { _ = try? Pane.tmux(["kill-session", "-t", name]) }

        /// Runs one tmux command, on a server of our own so that the tests neither see nor
        /// disturb anyone's tmux, and returns what it printed.
        @discardableResult
        static func tmux(_ args: [String]) throws -> String {
            Shell.run(["tmux", "-L", "hops-e2e"] + args, timeout: 10).out
        }

        func keys(_ k: String...) throws { try Pane.tmux(["send-keys", "-t", name] + k) }
        func screen() throws -> String { try Pane.tmux(["capture-pane", "-p", "-t", name]) }

        /// The screen once it satisfies `ok`, or the last screen after about 20 seconds.
        func wait(_ ok: (String) -> Bool) throws -> String {
            var s = ""
            for _ in 0..<400 {
                s = try screen()
                if ok(s) { return s }
                usleep(50_000)
            }
            return s
        }
    }

    /// The bundled design copied into a fresh folder: the file's path and its text.
    static func copyOfBundledDesign(_ name: String) throws -> (String, String) {
        let file = Fixtures.tempDir().appendingPathComponent(name).path
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Resources/kubernetes-request-flow.hops.json"), encoding: .utf8)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return (file, text)
    }

    @Test func startsOnTheBundledDesignAndQuitsCleanly() throws {
        let pane = try Pane(TmuxTests.binary)
        let first = try pane.wait { $0.contains("svc") && $0.contains("Kubernetes Request Flow") }
        #expect(first.contains("┌ svc"))
        #expect(first.contains("ClusterIP :80→8080"))
        try pane.keys("q")
        let end = try pane.wait { $0.contains("EXIT=") }
        #expect(end.contains("EXIT=0"))
        #expect(!end.contains("┌ svc")) // the terminal is restored: the drawing is gone
    }

    @Test func resizeRedraws() throws {
        let pane = try Pane(TmuxTests.binary, width: 120, height: 32)
        _ = try pane.wait { $0.contains("Kubernetes Request Flow") }
        try Pane.tmux(["resize-window", "-t", pane.name, "-x", "70", "-y", "20"])
        let small = try pane.wait { s in s.split(separator: "\n").contains { $0.hasPrefix(" Kubernetes Request Flow") } && !s.contains("│ User · User") }
        #expect(small.split(separator: "\n").count <= 20)
        try Pane.tmux(["resize-window", "-t", pane.name, "-x", "16", "-y", "5"])
        let tiny = try pane.wait { $0.contains("Terminal too") }
        #expect(tiny.contains("Terminal too"))
        try pane.keys("q")
        #expect(try pane.wait { $0.contains("EXIT=") }.contains("EXIT=0"))
    }

    /// After the window grew, quitting leaves no rows of the last frame behind (tmux kept them
    /// when switching back from the alternate screen).
    @Test func quittingAfterTheWindowGrewLeavesNothingBehind() throws {
        let pane = try Pane(TmuxTests.binary, width: 80, height: 24)
        _ = try pane.wait { $0.contains("Kubernetes Request Flow") }
        try Pane.tmux(["resize-window", "-t", pane.name, "-x", "120", "-y", "40"])
        _ = try pane.wait { $0.contains("│ User · User") }
        try pane.keys("q")
        let end = try pane.wait { $0.contains("EXIT=") }
        #expect(end.contains("EXIT=0"))
        #expect(!end.contains("╚") && !end.contains("│"), "\(end)")
    }

    @Test func drawSaveAndQuitOnANewFile() throws {
        let dir = Fixtures.tempDir()
        let file = dir.appendingPathComponent("new.hops.json").path
        let pane = try Pane("\(TmuxTests.binary) \(file)")
        _ = try pane.wait { $0.contains("new") }
        try pane.keys("a", "Service", "Enter")
        _ = try pane.wait { $0.contains("┏ svc") }
        try pane.keys("a", "Deployment", "Enter")
        _ = try pane.wait { $0.contains("deploy") }
        try pane.keys("c", "BTab", "Enter")
        _ = try pane.wait { $0.contains("connected") }
        try pane.keys(":w", "Enter")
        _ = try pane.wait { $0.contains("saved") }
        try pane.keys("q")
        #expect(try pane.wait { $0.contains("EXIT=") }.contains("EXIT=0"))
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("\"kind\": \"Service\""))
        #expect(saved.contains("\"kind\": \"Deployment\""))
        #expect(saved.contains("\"from\": \"deploy\""))
        #expect(saved.contains("\"to\": \"svc\""))
    }

    @Test func quitWithUnsavedChangesAsksAndForcedQuitLeavesTheFileUntouched() throws {
        let (file, original) = try TmuxTests.copyOfBundledDesign("keep.hops.json")
        let pane = try Pane("\(TmuxTests.binary) \(file)")
        _ = try pane.wait { $0.contains("Kubernetes Request Flow") }
        try pane.keys("x")
        _ = try pane.wait { $0.contains("[+]") }
        try pane.keys("q")
        #expect(try pane.wait { $0.contains("Unsaved changes") }.contains("Unsaved changes"))
        try pane.keys("Escape")
        _ = try pane.wait { !$0.contains("Unsaved changes") }
        try pane.keys(":q!", "Enter")
        #expect(try pane.wait { $0.contains("EXIT=") }.contains("EXIT=0"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == original)
    }

    @Test func renderAndBadInputFromTheCommandLine() throws {
        let pane = try Pane("\(TmuxTests.binary) render /nonexistent/missing.hops.json")
        let s = try pane.wait { $0.contains("EXIT=") }
        #expect(s.contains("hops: /nonexistent/missing.hops.json: no such file"))
        #expect(s.contains("EXIT=1"))
    }
}

extension TmuxTests {
    @Test func narrationChangesHopByHop() throws {
        let pane = try Pane(TmuxTests.binary, width: 130, height: 30)
        _ = try pane.wait { $0.contains("Kubernetes Request Flow") }
        // Each wait is for the hop's number and its narration together: a screen captured while
        // the terminal is still drawing can show the panel's new first lines before the rest.
        let narration = ["User opens a connection to Service web's", "no process runs for Service web",
                         "is one network namespace"]
        try pane.keys("t")
        for (i, words) in narration.enumerated() {
            if i > 0 { try pane.keys("n") }
            #expect(try pane.wait { $0.contains("hop \(i + 1) of 6") && $0.contains(words) }.contains(words))
        }
        try pane.keys("q")
        #expect(try pane.wait { $0.contains("EXIT=") }.contains("EXIT=0"))
    }
}

extension TmuxTests {
    /// The recovery copies beside a file (each editor writes its own, `FILE.<pid>.recover`).
    static func recoveryCopies(_ file: String) -> [String] {
        let url = URL(fileURLWithPath: file)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(url.lastPathComponent + ".") && $0.hasSuffix(".recover") }
    }

    /// Polls until `ok` holds (about 20 s at most).
    func eventually(_ ok: () -> Bool) -> Bool {
        for _ in 0..<400 { if ok() { return true }; usleep(50_000) }
        return ok()
    }

    @Test func unsavedChangesGetARecoveryCopyThatIsOfferedOnTheNextOpen() throws {
        let (file, original) = try TmuxTests.copyOfBundledDesign("work.hops.json")
        let pane = try Pane("\(TmuxTests.binary) \(file)")
        _ = try pane.wait { $0.contains("Kubernetes Request Flow") }
        try pane.keys("l", "r", "C-u", "renamed-svc", "Enter")
        _ = try pane.wait { $0.contains("renamed-svc") }
        // The recovery copy appears a few seconds after the change; the file itself is untouched.
        #expect(eventually { TmuxTests.recoveryCopies(file).count == 1 })
        #expect(try String(contentsOfFile: file, encoding: .utf8) == original)
        // The session dies without a clean quit (the terminal closes: SIGHUP), leaving the copy;
        // opening the file again offers it.
        try Pane.tmux(["kill-session", "-t", pane.name])
        // The copy of an editor that still runs is its own: wait until this one has ended.
        let pid = Int32(TmuxTests.recoveryCopies(file).first?.split(separator: ".").dropLast().last ?? "") ?? 0
        #expect(eventually { kill(pid, 0) != 0 })
        let again = try Pane("\(TmuxTests.binary) \(file)")
        #expect(try again.wait { $0.contains("Restore it?") }.contains("Unsaved work from an editor that ended"))
        try again.keys("y")
        #expect(try again.wait { $0.contains("renamed-svc") }.contains("renamed-svc"))
        try again.keys(":wq", "Enter")
        _ = try again.wait { $0.contains("EXIT=") }
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("renamed-svc"))
        #expect(TmuxTests.recoveryCopies(file).isEmpty) // a clean save and quit removes it
    }

    @Test func openingAnInvalidFileSaysWhyAndLeavesItAlone() throws {
        let file = Fixtures.tempDir().appendingPathComponent("broken.hops.json").path
        try "{ \"format\": \"hops/v1\", oops }".write(toFile: file, atomically: true, encoding: .utf8)
        let pane = try Pane("\(TmuxTests.binary) \(file)")
        let s = try pane.wait { $0.contains("EXIT=") }
        #expect(s.contains("broken.hops.json: line 1, column 24: is not valid JSON"))
        #expect(s.contains("EXIT=1"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "{ \"format\": \"hops/v1\", oops }")
    }
}

extension TmuxTests {
    @Test func sigtermKeepsUnsavedWorkRestoresTheTerminalAndEnds() throws {
        let file = Fixtures.tempDir().appendingPathComponent("term.hops.json").path
        let pane = try Pane("\(TmuxTests.binary) \(file)")
        _ = try pane.wait { $0.contains("term") }
        try pane.keys("a", "Service", "Enter")
        _ = try pane.wait { $0.contains("[+]") }
        let shell = try Pane.tmux(["display-message", "-p", "-t", pane.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = Shell.run(["pkill", "-TERM", "-P", shell, "-x", "hops"])
        let end = try pane.wait { $0.contains("EXIT=") }
        #expect(end.contains("EXIT=143")) // 128 + SIGTERM, so a script can tell
        #expect(!end.contains("┏ svc")) // the drawing is gone: the terminal was restored
        #expect(TmuxTests.recoveryCopies(file).count == 1)
    }
}

extension TmuxTests {
    @Test func aCrashRestoresTheTerminalAndEndsWithTheSignalsStatus() throws {
        let pane = try Pane(TmuxTests.binary)
        _ = try pane.wait { $0.contains("Kubernetes Request Flow") }
        let shell = try Pane.tmux(["display-message", "-p", "-t", pane.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = Shell.run(["pkill", "-SEGV", "-P", shell, "-x", "hops"])
        let end = try pane.wait { $0.contains("EXIT=") }
        #expect(end.contains("EXIT=139")) // 128 + SIGSEGV: the default action ran after the terminal was put back
        #expect(!end.contains("┌ svc"))
    }
}

extension TmuxTests {
    /// At 80x24 the canvas is the 17 rows above the panel: `n` through the bundled design keeps
    /// the packet there at every hop, in the real terminal.
    @Test func nThroughTheBundledDesignKeepsThePacketOnScreenAt80x24() throws {
        let pane = try Pane(TmuxTests.binary, width: 80, height: 24)
        _ = try pane.wait { $0.contains("Kubernetes Request Flow") }
        try pane.keys("t")
        for hop in 1...6 {
            let screen = try pane.wait { $0.contains("hop \(hop) of 6") }
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            let canvas = rows.prefix(17)
            #expect(canvas.filter { $0.contains("●") }.count == 1, "hop \(hop):\n\(screen)")
            #expect(!rows.dropFirst(17).contains { $0.contains("●") }, "hop \(hop): the packet is under the panel")
            if hop < 6 { try pane.keys("n") }
        }
        try pane.keys("q")
        #expect(try pane.wait { $0.contains("EXIT=") }.contains("EXIT=0"))
    }
}
