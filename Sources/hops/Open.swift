import ArgumentParser
import Foundation
import HopsCanvas
import HopsDesign
import HopsEditor
import HopsFormats
import HopsTerminal

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a design full screen (the default command).")

    @Argument(help: "A design file (.hops.json); a new file is created on first save. Default: the bundled design.")
    var file: String?

    func run() throws {
        let catalog = try Loading.catalog()
        let utf8 = CursesTerminal.prepareLocale()
        let (design, path) = try Loading.designForEditing(file, catalog: catalog)
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal() } catch { throw CLIError(String(describing: error)) }
        defer { terminal.close() }
        var loop = RunLoop(terminal: terminal, editor: Editor(design: design, catalog: catalog, path: path,
                                                             glyphs: utf8 ? .unicode : .ascii, screen: terminal.size))
        try loop.run()
    }
}
