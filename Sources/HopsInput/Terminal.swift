import HopsCanvas

/// The seam between Hops and a screen: show a finished grid, tell the size, hand over the next
/// input event. Two sides: `CursesTerminal` (ncursesw) and `MemoryTerminal` (tests).
public protocol Terminal: AnyObject {
    /// The screen's size in cells.
    var size: Size { get }
    /// Shows a whole grid (the terminal diffs it against what is on screen).
    func show(_ grid: Grid)
    /// Waits at most `timeout` milliseconds (nil: for ever) and returns the next event, or nil
    /// when the time ran out.
    func nextEvent(timeout: Int?) -> InputEvent?
    /// Whether the terminal shows colour.
    var hasColor: Bool { get }
    /// True once the terminal has gone away (the window closed, the SSH link dropped): the run
    /// loop then keeps the user's work in the recovery copy and ends.
    var isGone: Bool { get }
    /// The signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) that asked Hops to end, once one came:
    /// the run loop keeps the work in the recovery copy and ends with status 128 + signal.
    var signal: Int32? { get }
}

/// A terminal in memory: events come from a queue, shown grids are kept for inspection.
public final class MemoryTerminal: Terminal {
    public private(set) var size: Size
    public private(set) var shown: [Grid] = []
    public var events: [InputEvent]
    public var hasColor: Bool
    /// Set when the scripted events run out, so a session in a test ends like a closed window.
    public var isGone = false
    public var signal: Int32?

    public init(size: Size, events: [InputEvent] = [], hasColor: Bool = false) {
        self.size = size; self.events = events; self.hasColor = hasColor
    }

    public func show(_ grid: Grid) { shown.append(grid) }

    public func nextEvent(timeout: Int?) -> InputEvent? {
        guard !events.isEmpty else { isGone = true; return nil }
        let e = events.removeFirst()
        if case .resize(let s) = e { size = s }
        return e
    }

    /// The last screen as rows of text.
    public var screen: [String] { shown.last?.rows ?? [] }
}
