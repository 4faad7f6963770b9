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
        let text = useColor ? AnsiText.render(grid) : grid.text
        print(text.trimmingBlankLines())
    }
}

extension String {
    /// Without blank lines (empty or only spaces) at the start and the end.
    /// On the UTF-8 bytes: splitting a drawing of millions of cells into `Character` lines
    /// measured grapheme breaks over all of it (a tenth of rendering 10,000 components).
    func trimmingBlankLines() -> String {
        let bytes = Array(utf8)
        let inked = { (b: UInt8) in b != 0x20 && b != 0x0A }
        guard let first = bytes.firstIndex(where: inked), let last = bytes.lastIndex(where: inked) else { return "" }
        let start = bytes[..<first].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let end = bytes[last...].firstIndex(of: 0x0A) ?? bytes.count
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
