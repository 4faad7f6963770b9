import ArgumentParser
import Foundation
import HopsApp
import HopsCanvas
import HopsCurses
import HopsEditor

/// Runs something the event loop drives (the editor, or the tour around one) full screen, and
/// ends as scripts expect: status 0 after a quit, 128 + the signal after SIGTERM, SIGHUP,
/// SIGINT or SIGQUIT (SIGHUP when the terminal went away).
enum FullScreen {
    /// `make` gets the terminal's size once the terminal is set up.
    static func run(fs: DiskFileSystem, _ make: (Size) throws -> EditorHost) throws {
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch { throw CLIError(String(describing: error)) }
        let host: EditorHost
        do { host = try make(terminal.size) } catch {
            terminal.close()
            throw error
        }
        var loop = EventLoop(terminal: terminal, host: host, fs: fs, clock: MonotonicTime())
        let ending = loop.run()
        terminal.close()
        switch ending {
        case .quit: return
        case .signal(let s): throw ExitCode(128 + s)
        case .terminalLost: throw ExitCode(128 + SIGHUP)
        }
    }
}
