import HopsCanvas

/// How the tour shares the screen: the editor draws on the top part (its canvas, and its own
/// side panel on wide screens), the lesson panel takes the rows below the canvas, and the
/// editor's status line stays on the screen's last row. Below 40x14 the panel is left out and
/// the editor has the whole screen.
struct TourLayout {
    let screen: Size

    init(_ screen: Size) { self.screen = screen }

    static let minimum = Size(width: 40, height: 14)
    /// Rows of the lesson panel (its title rule included): about 5/12 of the screen, 6 to 12.
    var panelRows: Int {
        guard screen.width >= TourLayout.minimum.width, screen.height >= TourLayout.minimum.height else { return 0 }
        return min(12, max(6, screen.height * 5 / 12))
    }

    /// The screen the editor thinks it has: its last row is its status line.
    var editorSize: Size { Size(width: screen.width, height: screen.height - panelRows) }

    /// Where the panel is on the screen.
    var panel: Rect { Rect(x: 0, y: editorSize.height - 1, width: screen.width, height: panelRows) }

    /// A screen cell as the editor sees it: the status line moves up to the editor's last row,
    /// a cell over the panel to the canvas's bottom row.
    func editorPoint(_ p: Point) -> Point {
        if p.y >= screen.height - 1 { return Point(x: p.x, y: editorSize.height - 1) }
        return Point(x: p.x, y: min(p.y, max(0, editorSize.height - 2)))
    }
}
