/// Display width in terminal columns, per Unicode East Asian Width and emoji presentation:
/// wide and fullwidth characters and emoji take two columns, combining marks and
/// zero-width characters none, everything else one. Box-drawing characters are one column.
/// Our own table rather than `wcwidth`, so the answer does not depend on the process locale.
public enum DisplayWidth {
    /// Columns that one grapheme cluster takes (0, 1 or 2).
    public static func of(_ ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 } // fast path: ASCII
        var width = scalarWidth(first)
        if width == 0 {
            // A cluster that starts with a mark (a lone combining character) takes no column.
            return 0
        }
        // An emoji presentation selector makes a text-default emoji (☺, ❤) two columns, and a
        // zero-width joiner between emoji makes one two-column sequence; a letter followed by a
        // joiner stays the letter's width, as terminals draw it.
        let emoji = first.properties.isEmoji
        for s in scalars.dropFirst() where emoji && (s.value == 0xFE0F || s.value == 0x200D) { width = 2 }
        return width
    }

    /// Columns that a string takes as it is drawn: a character that is not shown counts as
    /// the escape that `Grid.put` draws for it (`\u{202e}` is eight columns), so a box sized
    /// for its name always holds it.
    public static func of(_ s: String) -> Int {
        // Printable ASCII is a column a byte (no such byte joins another in a cluster): most
        // names are, and a big design measures every box's text.
        let utf8 = s.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        if SafeText.hasControl(s) { return of(SafeText.escape(s)) }
        var n = 0
        for ch in s { n += of(ch) }
        return n
    }

    /// Columns of one Unicode scalar.
    public static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (v >= 0x1160 && v <= 0x11FF) { return 0 }
        if isWide(v) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `s` that fits in `columns`, with "…" appended when cut
    /// (`...` would cost three columns; the ellipsis is one).
    public static func truncate(_ s: String, to columns: Int, ellipsis: String = "…") -> String {
        if of(s) <= columns { return s }
        if columns <= 0 { return "" }
        let budget = columns - of(ellipsis)
        var out = ""
        var used = 0
        for ch in s {
            let w = of(ch)
            if used + w > budget { break }
            out.append(ch); used += w
        }
        return out + (budget >= 0 ? ellipsis : "")
    }
}

/// The one rule for text Hops shows: which characters may stand in a name, a label or any
/// text from a file, and how the others are shown. The loader refuses what the editor refuses,
/// and the other way round, because both ask `isShown`.
public enum SafeText {
    /// False for characters that would move the cursor, change the terminal or hide text:
    /// control characters (C0, DEL, C1), bidi overrides and isolates, line and paragraph
    /// separators, and invisible format characters. Zero-width joiners and non-joiners stay
    /// (emoji sequences and many scripts need them), as do the tag characters of flag emoji.
    public static func isShown(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return false }
        if v < 0xAD { return true }
        if v == 0x200C || v == 0x200D || (0xE0020...0xE007F).contains(v) { return true }
        switch s.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control, .surrogate: return false
        default: return true
        }
    }

    /// `s` with every character that is not shown written as an escape (`\e`, `\n`,
    /// `\u{202e}`), so a name can never move the cursor, change the screen or reverse text.
    public static func escape(_ s: String) -> String {
        guard hasControl(s) else { return s }
        var out = ""
        var afterEscape = false
        for scalar in s.unicodeScalars {
            // A combining mark right after an escape would sit on the escape's last character
            // (`\u{200b}` then an accent showed as an accented `}`): it is escaped too.
            let combining = [.nonspacingMark, .enclosingMark, .spacingMark].contains(scalar.properties.generalCategory)
            if isShown(scalar) && !(afterEscape && combining) {
                out.unicodeScalars.append(scalar)
                afterEscape = false
                continue
            }
            afterEscape = true
            switch scalar.value {
            case 0x1B: out += "\\e"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            default: out += "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return out
    }

    /// True when `s` holds a character that is not shown (an escape sequence starts with one).
    public static func hasControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { !isShown($0) }
    }
}

/// Text for a terminal or locale without Unicode: arrows, marks and dashes spelled in ASCII.
public enum PlainText {
    public static func ascii(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "→": out += "->"
            case "←": out += "<-"
            case "✘": out += "x"
            case "✔": out += "ok"
            case "·", "–", "—": out += "-"
            case "…": out += "..."
            default: out.append(ch)
            }
        }
        return out
    }
}
