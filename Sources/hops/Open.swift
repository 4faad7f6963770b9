import ArgumentParser
import Foundation
import HopsApp
import HopsCanvas
import HopsCurses
import HopsDesign
import HopsEditor
import HopsFormats

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a design full screen (the default command).",
        discussion: """
        Exit status: 0 after a quit, 128 + the signal after SIGTERM, SIGHUP, SIGINT or SIGQUIT
        (129 when the terminal went away), 1 for a file that cannot be opened.
        """)

    @Argument(help: "A design file (.hops.json); a new file is created on first save. Default: the bundled design.")
    var file: String?

    func run() throws {
        let catalog = try Loading.catalog()
        let utf8 = CursesTerminal.prepareLocale()
        let (design, path) = try Loading.designForEditing(file, catalog: catalog)
        let fs = DiskFileSystem()
        let recoveries = path.map { Recovery(fs: fs, isAlive: processIsAlive).copies(for: $0, catalog: catalog, except: getpid()) } ?? []
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch { throw CLIError(String(describing: error)) }
        let editor = Editor(design: design, catalog: catalog, path: path, glyphs: utf8 ? .unicode : .ascii,
                            screen: terminal.size, recoveries: recoveries)
        editor.completePath = { PathCompletion.candidates($0, fs: fs) }
        var loop = EventLoop(terminal: terminal, editor: editor, fs: fs, clock: MonotonicTime())
        let ending = loop.run()
        terminal.close()
        switch ending {
        case .quit: return
        case .signal(let s): throw ExitCode(128 + s)
        case .terminalLost: throw ExitCode(128 + SIGHUP)
        }
    }
}
