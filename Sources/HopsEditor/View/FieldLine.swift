import HopsCanvas
import HopsText

extension Editor {
    /// A text field on the status line (`:` and `/`): the prefix and the field, scrolled so the
    /// cursor stays on screen however long the text (a pasted page showed only its start, and
    /// hid the cursor and every note); then `note` (completions, a refusal, "3 of 12") in up to
    /// half the line; then the hints that fit.
    func drawFieldLine(_ prefix: String, _ field: TextField, note: String, y: Int, into grid: inout Grid) {
        let bar = CellStyle(attrs: .reverse)
        let noteRoom = note.isEmpty ? 0 : min(DisplayWidth.of(note) + 2, screen.width / 2)
        // Columns for the prefix and the field, the cursor cell included.
        let room = max(1, screen.width - noteRoom - 1)
        let (shown, from) = FieldLine.window(prefix + field.text, cursor: DisplayWidth.of(prefix) + field.cursorColumn,
                                             columns: room, ellipsis: glyphs.ellipsis)
        grid.put(shown, at: Point(x: 0, y: y), style: bar, maxColumns: room)
        // The last query, selected (typing replaces it), stands out of the bar.
        if field.selected && from == 0 {
            grid.put(field.text, at: Point(x: DisplayWidth.of(prefix), y: y), style: CellStyle(attrs: .bold),
                     maxColumns: room - DisplayWidth.of(prefix))
        }
        let cursorX = DisplayWidth.of(prefix) + field.cursorColumn - from
        grid.set("_", at: Point(x: min(cursorX, room - 1), y: y), style: CellStyle(attrs: [.reverse, .bold]))
        var used = min(room, DisplayWidth.of(shown) + 1)
        if !note.isEmpty {
            let text = DisplayWidth.truncate(note, to: screen.width - used - 2, ellipsis: glyphs.ellipsis)
            grid.put(text, at: Point(x: used + 1, y: y), style: bar)
            used += 1 + DisplayWidth.of(text)
        }
        putHints(used: used, y: y, into: &grid)
    }
}

enum FieldLine {
    /// The part of `text` that fits `columns` with the cursor column (counted in `text`) inside
    /// it: all of it when it fits, else from an ellipsis up to the cursor's end. Returns that
    /// part and the column of `text` it starts at (the ellipsis stands in for what is before).
    static func window(_ text: String, cursor: Int, columns: Int, ellipsis: String) -> (String, Int) {
        if DisplayWidth.of(text) < columns { return (text, 0) }
        // Keep the cursor's cell on screen: drop characters from the start until it fits.
        var start = text.startIndex, dropped = 0
        let mark = DisplayWidth.of(ellipsis)
        while start < text.endIndex && cursor - dropped + mark >= columns {
            dropped += DisplayWidth.of(String(text[start]))
            start = text.index(after: start)
        }
        guard dropped > 0 else { return (DisplayWidth.truncate(text, to: columns, ellipsis: ellipsis), 0) }
        let rest = DisplayWidth.truncate(String(text[start...]), to: columns - mark, ellipsis: ellipsis)
        return (ellipsis + rest, dropped - mark)
    }
}
