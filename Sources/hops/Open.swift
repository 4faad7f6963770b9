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
        let recovered = path.flatMap { Recovery.newer(than: $0, catalog: catalog) }
        let editor = Editor(design: design, catalog: catalog, path: path, glyphs: utf8 ? .unicode : .ascii,
                            screen: terminal.size, recovered: recovered)
        editor.completePath = PathCompletion.candidates
        var loop = RunLoop(terminal: terminal, editor: editor)
        try loop.run()
    }
}

/// File names for `:w` and `:e` completion: entries of the folder named so far that start with
/// the rest, folders with a trailing `/`, design files and folders only.
enum PathCompletion {
    static func candidates(_ partial: String) -> [String] {
        let expanded = (partial as NSString).expandingTildeInPath
        let dir = partial.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
        let stem = partial.hasSuffix("/") ? "" : (expanded as NSString).lastPathComponent
        let prefix = partial.hasSuffix("/") ? partial : String(partial.dropLast(stem.count))
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir) else { return [] }
        return names.filter { $0.hasPrefix(stem) && !$0.hasPrefix(".") }.sorted().compactMap { name in
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: ((dir.isEmpty ? "." : dir) as NSString).appendingPathComponent(name), isDirectory: &isDir)
            if isDir.boolValue { return prefix + name + "/" }
            return name.hasSuffix(".json") ? prefix + name : nil
        }
    }
}
