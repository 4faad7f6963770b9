/// Which cells of a window lie inside a box, or next to one: where an edge label may not go.
/// One byte per cell of the window, filled once per drawing. Asking every box for every cell a
/// label might take cost labels x boxes x columns, which at 10,000 components was most of a render.
struct BoxCover {
    let window: Rect
    /// 0: open canvas; 1: within one cell of a box; 2: inside a box (its border included).
    private var level: [UInt8]

    init(rects: [Rect], window: Rect) {
        self.window = window
        level = Array(repeating: 0, count: max(0, window.width * window.height))
        for r in rects { paint(r.insetBy(-1), 1) }
        for r in rects { paint(r, 2) }
    }

    private mutating func paint(_ r: Rect, _ value: UInt8) {
        let x0 = max(r.x, window.x), x1 = min(r.maxX, window.maxX)
        let y0 = max(r.y, window.y), y1 = min(r.maxY, window.maxY)
        guard x0 <= x1, y0 <= y1 else { return }
        for y in y0...y1 {
            let row = (y - window.y) * window.width - window.x
            for x in x0...x1 where level[row + x] < value { level[row + x] = value }
        }
    }

    /// True when `p` is inside a box (false outside the window: nothing is known there).
    func inBox(_ p: Point) -> Bool { at(p) >= 2 }
    /// True when `p` is inside a box or touches one.
    func nearBox(_ p: Point) -> Bool { at(p) >= 1 }

    private func at(_ p: Point) -> UInt8 {
        guard window.contains(p) else { return 0 }
        return level[(p.y - window.y) * window.width + (p.x - window.x)]
    }
}
