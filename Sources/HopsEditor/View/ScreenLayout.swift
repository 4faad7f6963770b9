import HopsCanvas

extension Editor {
    static let minimumScreen = Size(width: 20, height: 6)
    static let sidePanelWidth = 34

    /// Where the panel goes: beside the canvas on wide screens, below it on tall ones, else nowhere.
    var panelArea: Rect? {
        if screen.width >= 100 { return Rect(x: screen.width - Editor.sidePanelWidth, y: 0, width: Editor.sidePanelWidth, height: screen.height - 1) }
        if screen.height >= 24 { return Rect(x: 0, y: screen.height - 7, width: screen.width, height: 6) }
        return nil
    }

    /// The part of the screen that shows the canvas.
    var canvasArea: Rect {
        guard let p = panelArea else { return Rect(x: 0, y: 0, width: screen.width, height: max(0, screen.height - 1)) }
        if p.x > 0 { return Rect(x: 0, y: 0, width: p.x, height: screen.height - 1) }
        return Rect(x: 0, y: 0, width: screen.width, height: p.y)
    }

    func layoutScreen() {
        viewport.size = canvasArea.size
    }
}
