import HopsCanvas

extension Editor {
    /// The bottom row: the design's name, unsaved mark, mode, the last message, key hints.
    /// In command mode it is the command line.
    func drawStatus(into grid: inout Grid) {
        let y = screen.height - 1
        let bar = CellStyle(attrs: .reverse)
        grid.fill(Rect(x: 0, y: y, width: screen.width, height: 1), with: " ", style: bar)
        if case .command(let field) = mode {
            grid.put(":" + field.text, at: Point(x: 0, y: y), style: bar)
            grid.set("_", at: Point(x: 1 + field.cursorColumn, y: y), style: CellStyle(attrs: [.reverse, .bold]))
            return
        }
        let name = DisplayWidth.truncate(design.name, to: 28, ellipsis: glyphs.ellipsis)
        var left = " \(name)\(isDirty ? " [+]" : "")"
        if mode != .normal { left += "  \(mode.name)" }
        if let m = message { left += "  \(m)" }
        let hints = positionText() + hintText()
        let room = screen.width - DisplayWidth.of(hints) - 1
        if DisplayWidth.of(left) + 2 <= room {
            grid.put(left, at: Point(x: 0, y: y), style: bar)
            grid.put(hints, at: Point(x: room, y: y), style: bar)
        } else {
            grid.put(DisplayWidth.truncate(left, to: screen.width, ellipsis: glyphs.ellipsis), at: Point(x: 0, y: y), style: bar)
        }
    }

    func hintText() -> String {
        switch mode {
        case .normal: return screen.width >= 90 ? "a add  c connect  t trace  ? keys  q quit " : "? keys  q quit "
        case .add: return "type to filter  Enter add  Esc back "
        case .connect: return "Tab/arrows target  Enter connect  Esc back "
        case .rename: return "Enter keep  Esc back "
        case .properties: return "Enter edit  Esc back "
        case .help: return "any key closes "
        case .confirm: return "y / n / Esc "
        case .command: return ""
        }
    }
}
