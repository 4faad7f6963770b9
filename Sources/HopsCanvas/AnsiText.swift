/// A grid as text with ANSI SGR colour codes, for `hops render --color always`. Codes change
/// only where the style does, and every line ends reset so a pager or a pipe never bleeds colour.
public enum AnsiText {
    public static func render(_ grid: Grid) -> String {
        var out = ""
        for y in 0..<grid.height {
            var current = CellStyle.plain
            var line = ""
            var pendingSpaces = ""
            for x in 0..<grid.width {
                let c = grid[x, y]
                if c.isContinuation { continue }
                if c.isSpace && c.style.bg == .none && !c.style.attrs.contains(.reverse) {
                    pendingSpaces.append(" "); continue
                }
                line += pendingSpaces; pendingSpaces = ""
                if c.style != current { line += sgr(c.style); current = c.style }
                line.append(c.ch)
            }
            if current != .plain { line += "\u{1B}[0m" }
            out += line
            if y < grid.height - 1 { out += "\n" }
        }
        return out
    }

    static func sgr(_ s: CellStyle) -> String {
        var codes = ["0"]
        if s.attrs.contains(.bold) { codes.append("1") }
        if s.attrs.contains(.dim) { codes.append("2") }
        if s.attrs.contains(.underline) { codes.append("4") }
        if s.attrs.contains(.reverse) { codes.append("7") }
        if s.fg != .none { codes.append(String(30 + Int(s.fg.rawValue))) }
        if s.bg != .none { codes.append(String(40 + Int(s.bg.rawValue))) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
