import HopsCanvas

extension Editor {
    /// The bottom row: the design's name, unsaved mark, mode, the last message, and the hints of
    /// the keys in force (from the mode's key table). In command mode it is the command line.
    /// The message comes first: hints give way, the first ones first, where they do not fit.
    func drawStatus(into grid: inout Grid) {
        let y = screen.height - 1
        let bar = CellStyle(attrs: .reverse)
        grid.fill(Rect(x: 0, y: y, width: screen.width, height: 1), with: " ", style: bar)
        if case .command(let field) = mode {
            // Tab's completions, or why a key was refused, beside the command being typed.
            drawFieldLine(":", field, note: message ?? "", y: y, into: &grid)
            return
        }
        if case .search(let s) = mode { drawSearchLine(s, y: y, into: &grid); return }
        let left = statusLeft
        if !putHints(used: DisplayWidth.of(left), y: y, into: &grid) {
            grid.put(DisplayWidth.truncate(left, to: screen.width, ellipsis: glyphs.ellipsis), at: Point(x: 0, y: y), style: bar)
            return
        }
        grid.put(left, at: Point(x: 0, y: y), style: bar)
    }

    /// The status line's left part: name, unsaved mark, mode, message.
    var statusLeft: String {
        let name = DisplayWidth.truncate(design.name, to: 28, ellipsis: glyphs.ellipsis)
        var left = " \(name)\(isDirty ? " [+]" : "")"
        if mode != .normal { left += "  \(mode.name)" }
        if let m = message { left += "  \(m)" }
        return left
    }

    /// True when the message does not fit on the status line: the panel then shows it whole.
    var messageIsCut: Bool {
        switch mode { case .command, .search: return false; default: break } // their own lines
        guard message != nil else { return false }
        return DisplayWidth.of(statusLeft) > screen.width
    }

    /// Draws where the view is (see positionText) and the hints that fit beside `used` columns,
    /// ending one column before the edge; false when none fit.
    @discardableResult
    func putHints(used: Int, y: Int, into grid: inout Grid) -> Bool {
        let room = screen.width - used - 3
        // Where the view is, while moving about (not over a mode's own hints).
        let position = mode == .normal ? positionText() : ""
        let shown = DisplayWidth.of(position) <= room ? position : ""
        let hints = shown + hintText(fitting: room - DisplayWidth.of(shown))
        guard !hints.isEmpty else { return false }
        let x = screen.width - DisplayWidth.of(hints) - 1
        grid.put(hints, at: Point(x: x, y: y), style: CellStyle(attrs: .reverse))
        return true
    }

    /// The hints of the first key table in force ("a add  c connect  ? keys  q quit "), as many
    /// as fit in `columns`, keeping the last ones; empty when none fit.
    func hintText(fitting columns: Int) -> String {
        var hints = activeTables.first?.hints ?? []
        while !hints.isEmpty && DisplayWidth.of(hints.joined(separator: "  ")) + 1 > columns { hints.removeFirst() }
        return hints.isEmpty ? "" : hints.joined(separator: "  ") + " "
    }
}
