import HopsCanvas
import HopsCheck

extension Editor {
    /// The check engine's findings as a mark in each affected box's top border, near its right
    /// corner: `!` for a warning, `✗` (`X` in ASCII) for an error, so they read without colour
    /// too; yellow and red where there is colour. The panel says what the finding is.
    func drawFindingMarks(into grid: inout Grid) {
        var worst: [String: Finding.Severity] = [:]
        for f in findings() {
            guard let id = f.component else { continue }
            worst[id] = min(worst[id] ?? f.severity, f.severity)
        }
        let window = grid.window
        let border = Direction.left.bit | Direction.right.bit
        for (id, severity) in worst {
            guard let r = cache.rects[id], r.width >= 8, window.intersects(r) else { continue }
            let error = severity == .error
            let mark: Character = error ? (glyphs.isASCII ? "X" : "✗") : "!"
            let style = CellStyle(fg: error ? .red : .yellow, attrs: .bold)
            // ` ! ` over plain border cells only: never over a tag, a corner or an arrow's port.
            let cells = (r.maxX - 3...r.maxX - 1).map { Point(x: $0, y: r.y) }
            guard cells.allSatisfy({ grid.cell(at: $0).map { $0.lines == border } ?? true }) else { continue }
            grid.put(" ", at: cells[0], style: style)
            grid.set(mark, at: cells[1], style: style)
            grid.put(" ", at: cells[2], style: style)
        }
    }
}
