/// How a line or border is drawn. Where two styles meet in one cell, the first drawn keeps the
/// cell's style (a box border stays heavy where a light arrow joins it), except that a dashed
/// line gives way, so crossings and tees are always solid junction glyphs.
public enum LineStyle: UInt8, Sendable, Codable {
    case light, heavy, double, rounded, dashed
}

/// Which characters draw lines, arrowheads and ellipses: Unicode box drawing, or plain ASCII
/// for terminals whose locale is not UTF-8 (`+ - | > v`).
public struct GlyphSet: Sendable, Equatable {
    public let isASCII: Bool
    public static let unicode = GlyphSet(isASCII: false)
    public static let ascii = GlyphSet(isASCII: true)

    // Masks: up=1, right=2, down=4, left=8 (see Direction.bit).
    private static let light: [Unicode.Scalar] = [" ", "│", "─", "└", "│", "│", "┌", "├", "─", "┘", "─", "┴", "┐", "┤", "┬", "┼"]
    private static let heavy: [Unicode.Scalar] = [" ", "┃", "━", "┗", "┃", "┃", "┏", "┣", "━", "┛", "━", "┻", "┓", "┫", "┳", "╋"]
    private static let double: [Unicode.Scalar] = [" ", "║", "═", "╚", "║", "║", "╔", "╠", "═", "╝", "═", "╩", "╗", "╣", "╦", "╬"]
    private static let asciiLines: [Unicode.Scalar] = [" ", "|", "-", "+", "|", "|", "+", "+", "-", "+", "-", "+", "+", "+", "+", "+"]

    /// The glyph for a cell whose lines leave in the directions of `mask`.
    public func line(_ mask: UInt8, _ style: LineStyle) -> Character { Character(lineScalar(mask, style)) }

    /// The same glyph as its scalar (what a cell stores).
    func lineScalar(_ mask: UInt8, _ style: LineStyle) -> Unicode.Scalar {
        let m = Int(mask & 0x0F)
        if isASCII {
            if style == .dashed && (m == 5 || m == 1 || m == 4) { return ":" }
            return GlyphSet.asciiLines[m]
        }
        switch style {
        case .light: return GlyphSet.light[m]
        case .heavy: return GlyphSet.heavy[m]
        case .double: return GlyphSet.double[m]
        case .rounded:
            switch m {
            case 6: return "╭"
            case 12: return "╮"
            case 3: return "╰"
            case 9: return "╯"
            default: return GlyphSet.light[m]
            }
        case .dashed:
            switch m {
            case 1, 4, 5: return "┆"
            case 2, 8, 10: return "┄"
            default: return GlyphSet.light[m]
            }
        }
    }

    /// An arrowhead pointing in `direction` (into the box it reaches).
    public func arrowhead(_ direction: Direction) -> Character {
        switch direction {
        case .up: return isASCII ? "^" : "▲"
        case .down: return isASCII ? "v" : "▼"
        case .left: return isASCII ? "<" : "◀"
        case .right: return isASCII ? ">" : "▶"
        }
    }

    public var ellipsis: String { isASCII ? "~" : "…" }
    /// The marks around a picked-out box's tag (`▸svc◂`, ASCII `>svc<`).
    public var marks: (String, String) { isASCII ? (">", "<") : ("▸", "◂") }
    /// The request packet that travels along arrows.
    public var packet: Character { isASCII ? "*" : "●" }
}
