import HopsCanvas
import HopsFlow
import HopsText

extension Editor {
    /// Scrolls the least needed to show `r` with a cell around it, but never so far that a
    /// drawing which fits the canvas is cut (Viewport.clamp keeps it wholly visible).
    func bringIntoView(_ r: Rect) {
        viewport.follow(r)
        viewport.clamp(to: cache.drawnBounds, margin: 1)
    }

    /// While a request is shown the view keeps it in sight: the packet first, then the rest of
    /// its hop's way, the box it goes to and the box it left, as much of that as fits
    /// (Viewport.reveal scrolls the least needed). Called after every step, tick and resize.
    func followPacket() {
        layoutScreen() // the narration rows come and go with the request
        guard !overview, let p = player?.focus, let hop = p.current else { return }
        let cells = hopPath(of: p)
        let at = cells[min(p.cell, cells.count - 1)]
        let ahead = cells[min(p.cell, cells.count - 1)...]
        var way = Rect(origin: at, size: Size(width: 1, height: 1))
        for c in ahead { way = way.union(Rect(origin: c, size: Size(width: 1, height: 1))) }
        var targets = [Rect(origin: at, size: Size(width: 1, height: 1)), way]
        if let r = cache.shownRect(hop.to) { targets.append(r) }
        if let r = cache.shownRect(hop.from) { targets.append(r) }
        // No margin: a box's border is margin enough, and at the drawing's edge a margin would
        // push its far side (a Pod's replica copies) off the screen.
        viewport.reveal(targets, margin: 0)
        viewport.clamp(to: cache.drawnBounds.union(way), margin: 1)
    }

    /// The shown request's narration for the rows under the canvas when there is no panel:
    /// what happens on this hop (red when the request fails there); the status line says which.
    var narrationText: (text: String, style: CellStyle)? {
        guard let p = player?.focus, let hop = p.current else { return nil }
        var text = hop.narration
        if p.finished && hop.status == .ok {
            text += ". The response reached \(SafeText.escape(FlowEngine.sourceName(p.trace.source, in: design)))."
        }
        if glyphs.isASCII { text = text.replacingArrows() }
        return (text, hop.status == .failed ? CellStyle(fg: .red, attrs: .bold) : .plain)
    }

    /// The narration rows: a rule, then the narration wrapped (an ellipsis only when even a
    /// third of the screen cannot hold it).
    func drawNarration(into grid: inout Grid, area: Rect) {
        guard let (text, style) = narrationText else { return }
        grid.fill(area, with: " ")
        for x in area.x...area.maxX {
            grid.addLine(Direction.left.bit | Direction.right.bit, at: Point(x: x, y: area.y), style: .light,
                         color: CellStyle(attrs: .dim))
        }
        let lines = narrationLines(text, width: area.width - 2)
        let rows = area.height - 1
        for (i, line) in lines.prefix(rows).enumerated() {
            var shown = line
            if i == rows - 1 && lines.count > rows {
                shown = DisplayWidth.truncate(line + " " + lines[rows], to: area.width - 2, ellipsis: glyphs.ellipsis)
            }
            grid.put(shown, at: Point(x: area.x + 1, y: area.y + 1 + i), style: style)
        }
    }

    /// The narration wrapped to `width` columns, wrapped again only when the text or the width changed.
    func narrationLines(_ text: String, width: Int) -> [String] {
        if let w = wrappedNarration, w.text == text, w.width == width { return w.lines }
        let lines = wrap(text, width: width)
        wrappedNarration = (text, width, lines)
        return lines
    }
}
