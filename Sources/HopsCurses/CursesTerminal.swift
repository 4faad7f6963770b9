import CNCursesW
import Glibc
import HopsCanvas
import HopsInput

public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String)
    public var description: String {
        switch self {
        case .notATerminal:
            return "hops needs a terminal to draw on; for text output use `hops render`"
        case .unknownTerminal(let t):
            return "cannot use the terminal type TERM=\(t.isEmpty ? "(unset)" : t): it is not in the terminfo database; try TERM=xterm-256color"
        }
    }
}

/// The ncursesw side of the terminal seam, and the only code that calls ncurses.
/// Not thread-safe, like ncurses itself: use it from one thread.
public final class CursesTerminal: Terminal {
    private let screen: OpaquePointer
    private let win: UnsafeMutablePointer<WINDOW>
    private var last: Grid?
    private var pairs: [UInt16: Int16] = [:]
    private var buttonDown = false
    private var closed = false
    public let hasColor: Bool
    public private(set) var isGone = false
    public var signal: Int32? {
        let s = hops_pending_signal()
        return s == 0 ? nil : s
    }

    /// Sets the process locale from the environment. Returns true when it is UTF-8, so that
    /// callers choose Unicode or ASCII glyphs. Call before `init`.
    public static func prepareLocale() -> Bool { hops_setlocale_utf8() != 0 }

    public init() throws {
        guard isatty(0) != 0, isatty(1) != 0 else { throw TerminalError.notATerminal }
        hops_default_sigwinch()
        guard let s = newterm(nil, hops_stdout(), hops_stdin()) else {
            throw TerminalError.unknownTerminal(String(cString: getenv("TERM") ?? strdup("")))
        }
        screen = s
        win = hops_stdscr()
        hops_capture_stderr()
        hops_install_signal_restore()
        raw()
        noecho()
        nonl()
        keypad(win, true)
        hops_set_escdelay(25)
        curs_set(0)
        mousemask(hops_mouse_all(), nil)
        mouseinterval(0)
        if has_colors() {
            start_color()
            use_default_colors()
            hasColor = true
        } else {
            hasColor = false
        }
    }

    deinit { close() }

    /// Puts the terminal back as it was. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        // Blank the screen first: after the window grew, a terminal (tmux) may keep rows of the
        // last frame when it switches back from the alternate screen.
        werase(win)
        wrefresh(win)
        endwin()
        delscreen(screen)
        hops_release_stderr()
    }

    /// The run loop saw the signal and is ending on its own: no need for the watchdog.
    public func acknowledgeSignal() { hops_acknowledge_signal() }

    public var size: Size { Size(width: Int(hops_getmaxx(win)), height: Int(hops_getmaxy(win))) }

    public func show(_ grid: Grid) {
        let reuse = last.map { $0.width == grid.width && $0.height == grid.height } ?? false
        var buffer = [wchar_t](repeating: 0, count: 6)
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if reuse, let l = last, l[x, y] == cell { continue }
                var n = 0
                for u in cell.ch.unicodeScalars where n < 5 { buffer[n] = wchar_t(bitPattern: u.value); n += 1 }
                buffer[n] = 0
                _ = hops_put_cell(win, Int32(y), Int32(x), buffer, attributes(cell.style), pair(cell.style))
            }
        }
        last = grid
        wnoutrefresh(win)
        doupdate()
    }

    private func attributes(_ s: CellStyle) -> attr_t {
        var a = hops_a_normal()
        if s.attrs.contains(.bold) { a |= hops_a_bold() }
        if s.attrs.contains(.reverse) { a |= hops_a_reverse() }
        if s.attrs.contains(.dim) { a |= hops_a_dim() }
        if s.attrs.contains(.underline) { a |= hops_a_underline() }
        return a
    }

    /// Colour pairs are made on first use; when the terminal runs out, default colours are used.
    private func pair(_ s: CellStyle) -> Int16 {
        guard hasColor, s.fg != .none || s.bg != .none else { return 0 }
        let key = UInt16(s.fg.rawValue) << 8 | UInt16(s.bg.rawValue)
        if let p = pairs[key] { return p }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < hops_color_pairs() else { return 0 }
        let fg = s.fg == .none ? Int16(-1) : Int16(s.fg.rawValue)
        let bg = s.bg == .none ? Int16(-1) : Int16(s.bg.rawValue)
        init_pair(next, fg, bg)
        pairs[key] = next
        return next
    }

    /// Waits in slices of at most `sizePollMs`: a resize is noticed from the kernel's window
    /// size even where SIGWINCH never arrives (a parent that blocks or ignores it, a runner),
    /// and the cost of waking twice a second is nil next to drawing.
    static let sizePollMs = 500

    public func nextEvent(timeout: Int?) -> InputEvent? {
        var remaining = timeout ?? Int.max
        while true {
            let slice = min(remaining, CursesTerminal.sizePollMs)
            wtimeout(win, Int32(slice))
            var ch: wint_t = 0
            let r = wget_wch(win, &ch)
            if r == hops_key_code_yes() { return special(Int32(ch)) }
            if r != hops_err() { return plain(UInt32(ch)) }
            var rows: Int32 = 0, cols: Int32 = 0
            // No window size means no terminal any more: stop waiting for keys that cannot come
            // (ncurses would answer every wait at once, and the loop would spin).
            if hops_pending_signal() != 0 { return nil }
            guard hops_winsize(&rows, &cols) == 0, isatty(0) != 0 else { isGone = true; return nil }
            if rows != hops_getmaxy(win) || cols != hops_getmaxx(win) {
                resizeterm(rows, cols)
                return special(KEY_RESIZE)
            }
            if timeout != nil { remaining -= slice; if remaining <= 0 { return nil } }
        }
    }

    private func plain(_ c: UInt32) -> InputEvent? {
        switch c {
        case 27: return .key(.esc)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 0: return .key(.ctrl(" "))
        case 1...26: return .key(.ctrl(Character(UnicodeScalar(c + 96)!)))
        default:
            guard let u = UnicodeScalar(c) else { return nil }
            return .key(.char(Character(u)))
        }
    }

    private func special(_ k: Int32) -> InputEvent? {
        switch k {
        case KEY_RESIZE:
            last = nil
            wclear(win)
            return .resize(size)
        case KEY_MOUSE: return mouse()
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_SR: return .key(.shiftUp)
        case KEY_SF: return .key(.shiftDown)
        case KEY_SLEFT: return .key(.shiftLeft)
        case KEY_SRIGHT: return .key(.shiftRight)
        case KEY_BTAB: return .key(.backTab)
        case KEY_DC: return .key(.delete)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        default:
            for n in 1...12 where k == hops_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }

    private func mouse() -> InputEvent? {
        var x: Int32 = 0, y: Int32 = 0
        var state: mmask_t = 0
        guard hops_getmouse(&x, &y, &state) == 0 else { return nil }
        let at = Point(x: Int(x), y: Int(y))
        if state & hops_button4_pressed() != 0 { return .mouse(MouseEvent(.scrollUp, at: at)) }
        if state & hops_button5_pressed() != 0 { return .mouse(MouseEvent(.scrollDown, at: at)) }
        if state & (hops_button1_pressed() | hops_button1_clicked()) != 0 { buttonDown = true; return .mouse(MouseEvent(.press, at: at)) }
        if state & hops_button1_released() != 0 { buttonDown = false; return .mouse(MouseEvent(.release, at: at)) }
        if state & hops_report_position() != 0 && buttonDown { return .mouse(MouseEvent(.drag, at: at)) }
        return nil
    }
}
