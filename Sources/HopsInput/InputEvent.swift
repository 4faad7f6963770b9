import HopsCanvas

/// Everything that can happen to Hops, as one closed enum. Raw ncurses codes never leave the
/// terminal module. Time is an event too (`tick`), so animations replay exactly in tests.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal's new size in cells.
    case resize(Size)
    /// Time passed, in milliseconds, since the previous tick.
    case tick(milliseconds: Int)
}

public struct MouseEvent: Equatable, Sendable {
    public enum Action: Equatable, Sendable { case press, release, drag, scrollUp, scrollDown }
    public var action: Action
    /// Screen cell (column, row).
    public var at: Point
    public init(_ action: Action, at: Point) { self.action = action; self.at = at }
}

/// A key press.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Control plus a lowercase letter (`<C-r>`).
    case ctrl(Character)
    case enter, esc, tab, backTab, backspace, delete
    case up, down, left, right
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case home, end, pageUp, pageDown
    case function(Int)
}
