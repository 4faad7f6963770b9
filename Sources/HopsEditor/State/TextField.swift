import HopsCanvas
import HopsText
import HopsInput

/// A one-line text editor with a cursor. Takes any Unicode; the cursor counts characters
/// (grapheme clusters), the display measures columns.
public struct TextField: Equatable, Sendable {
    public var text: String
    /// Cursor position in characters, 0...text.count.
    public var cursor: Int

    /// The whole text is selected: the first character typed replaces it, Backspace clears it,
    /// a cursor key keeps it (as a rename field behaves in most editors).
    public var selected = false

    public init(_ text: String = "", selected: Bool = false) {
        self.text = text; cursor = text.count; self.selected = selected && !text.isEmpty
    }

    public enum Outcome { case editing, commit, cancel, unhandled }

    /// Applies one key.
    public mutating func handle(_ key: Key) -> Outcome {
        if selected {
            selected = false
            switch key {
            case .char: text = ""; cursor = 0
            case .backspace, .delete: text = ""; cursor = 0; return .editing
            default: break
            }
        }
        switch key {
        case .char(let c):
            insert(c)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .backspace:
            guard cursor > 0 else { break }
            let i = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: i); cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < text.count else { break }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .ctrl("u"):
            text.removeSubrange(text.startIndex..<text.index(text.startIndex, offsetBy: cursor)); cursor = 0
        case .ctrl("k"):
            text.removeSubrange(text.index(text.startIndex, offsetBy: cursor)...)
        case .enter: return .commit
        case .esc: return .cancel
        default: return .unhandled
        }
        return .editing
    }

    public mutating func insert(_ c: Character) {
        // The loader's rule (SafeText.isShown): what can be typed can be saved and opened again.
        guard c.unicodeScalars.allSatisfy(SafeText.isShown) else { return }
        text.insert(c, at: text.index(text.startIndex, offsetBy: cursor)); cursor += 1
    }

    /// Columns from the start of the text to the cursor.
    public var cursorColumn: Int { DisplayWidth.of(String(text.prefix(cursor))) }
}
