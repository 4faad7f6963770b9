import HopsCanvas
import HopsDesign

extension Editor {
    /// The layer of the current mode, drawn over the canvas.
    func drawOverlay(into grid: inout Grid) {
        switch mode {
        case .add(let filter, let choice): drawPalette(filter, choice, into: &grid)
        case .rename(_, let field): drawFieldBox("rename", field, into: &grid)
        case .connection(_, .some(let edit)):
            drawFieldBox(edit.field == .label ? "label" : "port", edit.text, into: &grid)
        case .properties(let id, let field, let editing): drawForm(id, field, editing, into: &grid)
        case .help(let scroll): drawHelp(scroll, into: &grid)
        case .confirm(let c): drawDialog(title: "Confirm", lines: wrap(question(c), width: min(60, screen.width - 6)), into: &grid)
        default: break
        }
    }

    /// A framed box centred on the screen, returning its inner rectangle.
    @discardableResult
    func frame(title: String, width: Int, height: Int, into grid: inout Grid) -> Rect {
        let w = min(width + 4, screen.width), h = min(height + 2, screen.height - 1)
        let r = Rect(x: (screen.width - w) / 2, y: max(0, (screen.height - 1 - h) / 2), width: w, height: h)
        Painter.drawBox(SceneBox(rect: r, border: .rounded, color: CellStyle(attrs: .bold), tag: title), into: &grid)
        return Rect(x: r.x + 2, y: r.y + 1, width: r.width - 4, height: r.height - 2)
    }

    func drawDialog(title: String, lines: [String], into grid: inout Grid) {
        let inner = frame(title: title, width: lines.map { DisplayWidth.of($0) }.max() ?? 10, height: lines.count, into: &grid)
        for (i, l) in lines.prefix(inner.height).enumerated() { grid.put(l, at: Point(x: inner.x, y: inner.y + i), maxColumns: inner.width) }
    }

    func drawPalette(_ filter: TextField, _ choice: Int, into grid: inout Grid) {
        let choices = paletteChoices(filter.text)
        let rows = min(choices.count, max(1, screen.height - 6))
        let inner = frame(title: "add", width: 44, height: rows + 1, into: &grid)
        grid.put("> " + filter.text, at: inner.origin, style: CellStyle(attrs: .bold), maxColumns: inner.width)
        grid.set("_", at: Point(x: inner.x + 2 + filter.cursorColumn, y: inner.y), style: CellStyle(attrs: .bold))
        if choices.isEmpty { grid.put("no kind matches", at: Point(x: inner.x, y: inner.y + 1), style: CellStyle(attrs: .dim)) }
        let first = max(0, choice - rows + 1)
        for (i, k) in choices.dropFirst(first).prefix(rows).enumerated() {
            let selected = first + i == choice
            let line = "\(selected ? glyphs.packetPointer : " ") \(k.title)"
            grid.put(line, at: Point(x: inner.x, y: inner.y + 1 + i), style: CellStyle(attrs: selected ? .reverse : []), maxColumns: inner.width)
            if !k.tag.isEmpty { grid.put(k.tag, at: Point(x: inner.maxX - DisplayWidth.of(k.tag) + 1, y: inner.y + 1 + i), style: CellStyle(attrs: .dim)) }
        }
    }

    /// One text field in a small framed box: rename, a connection's label or port.
    func drawFieldBox(_ title: String, _ field: TextField, into grid: inout Grid) {
        let inner = frame(title: title, width: max(30, DisplayWidth.of(field.text) + 2), height: 1, into: &grid)
        let style = CellStyle(attrs: field.selected ? [.bold, .reverse] : .bold)
        grid.put(field.text, at: inner.origin, style: style, maxColumns: inner.width)
        grid.set("_", at: Point(x: min(inner.maxX, inner.x + field.cursorColumn), y: inner.y), style: CellStyle(attrs: [.bold, .underline]))
    }

    func drawForm(_ id: String, _ field: Int, _ editing: TextField?, into grid: inout Grid) {
        guard let c = design.component(id) else { return }
        let fields = PropertyField.fields(for: c.kind)
        let labelWidth = (fields.map { DisplayWidth.of($0.label) }.max() ?? 4) + 2
        let inner = frame(title: "\(c.kind.rawValue) \(c.name)", width: 50, height: fields.count, into: &grid)
        for (i, f) in fields.enumerated() where i < inner.height {
            let y = inner.y + i
            let chosen = i == field
            grid.put(f.label, at: Point(x: inner.x, y: y), style: CellStyle(attrs: chosen ? [.bold, .reverse] : .dim))
            let value = chosen && editing != nil ? editing!.text : f.read(c)
            grid.put(value, at: Point(x: inner.x + labelWidth, y: y), style: CellStyle(attrs: chosen && editing != nil ? .underline : []),
                     maxColumns: inner.width - labelWidth)
            if chosen, let e = editing {
                grid.set("_", at: Point(x: min(inner.maxX, inner.x + labelWidth + e.cursorColumn), y: y), style: CellStyle(attrs: .bold))
            }
        }
    }
}

extension String {
    func padded(to width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }
}

extension GlyphSet {
    var packetPointer: String { isASCII ? ">" : "▸" }
}
