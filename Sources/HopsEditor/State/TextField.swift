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

    /// One row of the editing keys: every text field (palette filter, rename, properties, labels,
    /// the command line) takes these, and help lists them from here.
    struct EditKey: Sendable {
        let keys: [Key]
        let help: String
        let edit: @Sendable (inout TextField) -> Void
    }

    static let editKeys: [EditKey] = [
        EditKey(keys: [.left], help: "move the cursor left") { $0.cursor = max(0, $0.cursor - 1) },
        EditKey(keys: [.right], help: "move the cursor right") { $0.cursor = min($0.text.count, $0.cursor + 1) },
        EditKey(keys: [.home, .ctrl("a")], help: "move to the start") { $0.cursor = 0 },
        EditKey(keys: [.end, .ctrl("e")], help: "move to the end") { $0.cursor = $0.text.count },
        EditKey(keys: [.backspace], help: "delete the character before the cursor") { f in
            guard f.cursor > 0 else { return }
            f.text.remove(at: f.text.index(f.text.startIndex, offsetBy: f.cursor - 1)); f.cursor -= 1
        },
        EditKey(keys: [.delete, .ctrl("d")], help: "delete the character under the cursor") { f in
            guard f.cursor < f.text.count else { return }
            f.text.remove(at: f.text.index(f.text.startIndex, offsetBy: f.cursor))
        },
        EditKey(keys: [.ctrl("u")], help: "delete from the start to the cursor") { f in
            f.text.removeSubrange(f.text.startIndex..<f.text.index(f.text.startIndex, offsetBy: f.cursor)); f.cursor = 0
        },
        EditKey(keys: [.ctrl("k")], help: "delete from the cursor to the end") { f in
            f.text.removeSubrange(f.text.index(f.text.startIndex, offsetBy: f.cursor)...)
        },
    ]

    /// What other keys do in a text field, for help.
    static let othersHelp = "type the character"

    /// Applies one key; false when the field does not take it (Enter, Esc, Tab are the mode's).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if selected {
            selected = false
            switch key {
            case .char: text = ""; cursor = 0
            case .backspace, .delete: text = ""; cursor = 0; return true
            default: break
            }
        }
        if case .char(let c) = key { insert(c); return true }
        guard let k = TextField.editKeys.first(where: { $0.keys.contains(key) }) else { return false }
        k.edit(&self)
        return true
    }

    public mutating func insert(_ c: Character) {
        // The loader's rule (SafeText.isShown): what can be typed can be saved and opened again.
        guard c.unicodeScalars.allSatisfy(SafeText.isShown) else { return }
        text.insert(c, at: text.index(text.startIndex, offsetBy: cursor)); cursor += 1
    }

    /// Columns from the start of the text to the cursor.
    public var cursorColumn: Int { DisplayWidth.of(String(text.prefix(cursor))) }
}
