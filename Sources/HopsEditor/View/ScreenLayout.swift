import HopsCanvas
import HopsInput

extension Editor {
    static let minimumScreen = Size(width: 20, height: 6)
    static let sidePanelWidth = 34
    /// Rows of the panel under the canvas on narrow screens, its top line included.
    static let bottomPanelRows = 6

    /// False while the terminal is smaller than Hops can draw in: then keys are ignored.
    var fitsScreen: Bool { screen.width >= Editor.minimumScreen.width && screen.height >= Editor.minimumScreen.height }

    /// Where the panel goes: beside the canvas on wide screens, below it on tall ones, else (and
    /// while the user hid it) nowhere.
    var panelArea: Rect? { Editor.panelArea(screen: screen, hidden: panelHidden) }

    static func panelArea(screen: Size, hidden: Bool) -> Rect? {
        guard !hidden else { return nil }
        if screen.width >= 100 {
            return Rect(x: screen.width - sidePanelWidth, y: 0, width: sidePanelWidth, height: screen.height - 1)
        }
        if screen.height >= 24 {
            return Rect(x: 0, y: screen.height - 1 - bottomPanelRows, width: screen.width, height: bottomPanelRows)
        }
        return nil
    }

    /// The part of the screen a layout is made to fit: all but the panel and the status line.
    var layoutArea: Rect { Editor.layoutArea(screen: screen, hidden: panelHidden) }

    static func layoutArea(screen: Size, hidden: Bool) -> Rect {
        guard let p = panelArea(screen: screen, hidden: hidden) else {
            return Rect(x: 0, y: 0, width: screen.width, height: max(0, screen.height - 1))
        }
        if p.x > 0 { return Rect(x: 0, y: 0, width: p.x, height: screen.height - 1) }
        return Rect(x: 0, y: 0, width: screen.width, height: p.y)
    }

    /// With no panel, the shown request's narration gets rows of its own above the status line,
    /// under a rule: as many as it takes wrapped, at least two, at most a third of the screen
    /// and never more than the panel would take.
    var narrationArea: Rect? {
        guard !narrationByHost, panelArea == nil, let text = narrationText?.text else { return nil }
        let room = layoutArea
        let most = max(2, min(Editor.bottomPanelRows - 1, (screen.height - 1) / 3))
        let rows = min(max(2, narrationLines(text, width: room.width - 2).count), most)
        guard rows + 1 < room.height else { return nil }
        return Rect(x: 0, y: room.maxY - rows, width: room.width, height: rows + 1)
    }

    /// The part of the screen that shows the canvas.
    var canvasArea: Rect {
        let room = layoutArea
        guard let n = narrationArea else { return room }
        return Rect(x: room.x, y: room.y, width: room.width, height: room.height - n.height)
    }

    func layoutScreen() {
        viewport.size = canvasArea.size
    }

    /// The panel out of the way and back; the canvas keeps the selection (and a request) in view.
    func togglePanel() -> [Effect] {
        panelHidden.toggle()
        layoutScreen()
        if let s = selection, let r = cache.rects[s] { bringIntoView(r) }
        followPacket()
        message = panelHidden ? "panel hidden: i shows it" : "panel shown"
        return []
    }

    /// While the screen is too small nothing shows what a key would do, so keys are ignored;
    /// only `q` and `C-c` still quit, and only when nothing is unsaved (the too-small screen
    /// says which).
    func tooSmallKey(_ k: Key) -> [Effect] {
        guard k == .char("q") || k == .ctrl("c"), !isDirty else { return [] }
        return quit(force: false)
    }
}
