import ArgumentParser
import Foundation
import HopsCanvas
import HopsDesign
import HopsEditor
import HopsFormats
import HopsCurses

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a design's drawing to standard output.",
        discussion: "Positions saved in the file are kept; the rest is laid out automatically.")

    @Argument(help: "A design file (.hops.json). Default: the bundled Kubernetes Request Flow design.")
    var file: String?

    @Option(help: "Make the automatic layout fit this many columns where it can.")
    var width: Int?

    @Flag(help: "Lay out every component anew, ignoring the positions saved in the file.")
    var relayout = false

    @Flag(help: "Draw with + - | > v only (also when the locale is not UTF-8).")
    var ascii = false

    @Option(help: "Colour: auto (only on a terminal, and not when NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20 columns") }
    }

    func run() throws {
        let catalog = try Loading.catalog()
        let utf8 = CursesTerminal.prepareLocale()
        let design = try Loading.design(file, catalog: catalog)
        let glyphs: GlyphSet = (ascii || !utf8) ? .ascii : .unicode
        if width != nil, !relayout, design.components.contains(where: { $0.position != nil }) {
            printError("hops: note: positions saved in the file are kept; --width lays out only the rest (--relayout ignores them)")
        }
        let grid = DesignRenderer.render(design, catalog: catalog, glyphs: glyphs, maxWidth: width, relayout: relayout)
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = isatty(1) != 0 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        }
        let bytes = useColor ? Array(AnsiText.render(grid).utf8) : grid.utf8Text
        // Straight to standard output: a drawing of 10,000 components is megabytes, and each
        // String made of it was another copy.
        // (Control characters from the file were escaped when they were drawn into the grid.)
        var out = Data(bytes[Render.withoutBlankLines(bytes)])
        out.append(0x0A)
        writeOut(out)
    }

    /// The part of a drawing's UTF-8 text without blank lines (empty or only spaces) at the
    /// start and the end.
    static func withoutBlankLines(_ bytes: [UInt8]) -> Range<Int> {
        let inked = { (b: UInt8) in b != 0x20 && b != 0x0A }
        guard let first = bytes.firstIndex(where: inked), let last = bytes.lastIndex(where: inked) else { return 0..<0 }
        let start = bytes[..<first].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let end = bytes[last...].firstIndex(of: 0x0A) ?? bytes.count
        return start..<end
    }
}
