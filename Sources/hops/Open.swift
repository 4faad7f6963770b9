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
        try FullScreen.run(fs: fs) { size in
            let editor = Editor(design: design, catalog: catalog, path: path, glyphs: utf8 ? .unicode : .ascii,
                                screen: size, recoveries: recoveries)
            editor.completePath = { PathCompletion.candidates($0, fs: fs) }
            return editor
        }
    }
}
