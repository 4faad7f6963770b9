import HopsCanvas
import HopsInput

/// The help screen: each state's keys, drawn from the tables that dispatch them, then the
/// editing keys of text fields, the mouse and the commands. It scrolls, shows which lines it
/// shows ("1-21 of 140"), and says how to scroll and close it.
extension Editor {
    /// One part of help: a title, rows of keys and what they do, and a closing note.
    struct HelpSection {
        let title: String
        var rows: [(keys: String, help: String)] = []
        var note: String? = nil
    }

    static var helpSections: [HelpSection] {
        func keys(_ k: [Key]) -> String { k.map(\.name).joined(separator: " ") }
        var out = keyTables.map { t in
            let others = t.others.map { [("other keys", $0.help)] } ?? []
            let rows = t.bindings.map { (keys($0.keys), $0.help) }
            return HelpSection(title: "\(t.name): \(t.when)", rows: rows + others)
        }
        let editing = TextField.editKeys.map { (keys($0.keys), $0.help) } + [("other keys", TextField.othersHelp)]
        out.append(HelpSection(title: "Typing: in any text field", rows: editing))
        out.append(HelpSection(title: "Mouse", note: mouseHelp))
        let usages = commands.map { ($0.usage, $0.help) }
        out.append(HelpSection(title: "Commands: type one after :, Enter runs it", rows: usages))
        return out
    }

    static let mouseHelp = "A click selects a box, or an arrow by its line (click again where lines meet for the next "
        + "one); "
        + "dragging a box moves it; a click on empty canvas clears the selection; the wheel scrolls."

    /// Columns for the keys before what they do.
    static let helpKeyColumns = 16

    /// The text width inside the help frame, in columns.
    var helpWidth: Int { min(86, screen.width - 4) }

    /// Help's lines wrapped for this screen, and how many show at once.
    func helpPage() -> (lines: [(String, CellStyle)], rows: Int) {
        let width = max(20, helpWidth), bold = CellStyle(attrs: .bold)
        let kw = Editor.helpKeyColumns, textWidth = max(10, width - 2 - kw)
        let indent = String(repeating: " ", count: 2 + kw)
        var out: [(String, CellStyle)] = []
        for (n, section) in Editor.helpSections.enumerated() {
            if n > 0 { out.append(("", .plain)) }
            for l in wrap(section.title, width: width) { out.append((l, bold)) }
            for row in section.rows {
                var help = wrap(row.help, width: textWidth)
                if DisplayWidth.of(row.keys) >= kw {
                    out.append(("  " + row.keys, .plain)) // a long command: what it does goes below
                } else {
                    out.append(("  " + row.keys.padded(to: kw) + (help.first ?? ""), .plain))
                    help = Array(help.dropFirst())
                }
                for l in help { out.append((indent + l, .plain)) }
            }
            if let note = section.note { for l in wrap(note, width: width - 2) { out.append(("  " + l, .plain)) } }
        }
        return (out, min(out.count, max(1, screen.height - 3)))
    }

    func drawHelp(_ scroll: Int, into grid: inout Grid) {
        let page = helpPage()
        let inner = frame(title: "help", width: helpWidth, height: page.rows, into: &grid)
        let start = max(0, min(scroll, page.lines.count - inner.height))
        for (i, (text, style)) in page.lines.dropFirst(start).prefix(inner.height).enumerated() {
            grid.put(text, at: Point(x: inner.x, y: inner.y + i), style: style, maxColumns: inner.width)
        }
        // Where this page is, and how to move and close, on the bottom border.
        let shown = "\(start + 1)-\(min(start + inner.height, page.lines.count)) of \(page.lines.count)"
        let footer = ([shown] + Editor.helpTable.hints).joined(separator: " · ")
        grid.put(" \(footer) ", at: Point(x: inner.x, y: inner.maxY + 1), style: CellStyle(attrs: .bold),
                 maxColumns: inner.width)
    }
}
