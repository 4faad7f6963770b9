/// Draws a scene and its routes into a grid: boxes parents-first, then lines (merged into
/// junctions where they meet borders or each other), then arrowheads, then edge labels in the
/// free stretches of their own lines. Only what falls inside the grid's window is touched.
public enum Painter {
    /// Line cells near the window from which lines are drawn on two threads (an editor's frame
    /// has far fewer; a thread's start would cost more than it saves).
    static let inkForTwoBands = 200_000

    /// `order` lists boxes parents first (`paintOrder(scene)`); pass it when drawing the same
    /// scene often, to skip sorting on every frame. `replacing` draws a few boxes differently
    /// (the selection, the current hop) without copying the scene, which for a big design costs
    /// more than drawing the frame. `tiles`, kept for the routes, finds the lines near the
    /// window without asking each (see RouteTiles).
    public static func draw(_ scene: Scene, routes: [Route?], into grid: inout Grid, order: [Int]? = nil,
                            replacing: [Int: SceneBox] = [:], tiles: RouteTiles? = nil) {
        drawBoxes(scene, into: &grid, order: order, replacing: replacing)
        drawLines(scene, routes: routes, into: &grid, tiles: tiles)
    }

    /// The boxes alone, parents first (what `draw` does before the lines).
    public static func drawBoxes(_ scene: Scene, into grid: inout Grid, order: [Int]? = nil,
                                 replacing: [Int: SceneBox] = [:]) {
        let window = grid.window
        for b in order ?? paintOrder(scene) where scene.boxes[b].rect.insetBy(-2).intersects(window) {
            drawBox(replacing[b] ?? scene.boxes[b], into: &grid)
        }
    }

    /// The lines, arrowheads and labels, over boxes already drawn (what `draw` does after them).
    public static func drawLines(_ scene: Scene, routes: [Route?], into grid: inout Grid, tiles: RouteTiles? = nil) {
        let near = grid.window.insetBy(-1)
        // Labels may only go on empty canvas: the boxes that could be in the way are the visible ones
        // (counted only when some label shows).
        var cover: BoxCover? = nil
        // The routes with a cell near the window, found once for the three passes (a frame of a
        // big design would otherwise test every route three times). A line's rectangle is not
        // enough: the random links of a big design each span most of it, and every one of them
        // went through the passes in every frame (two thirds of a frame at 10,000 components).
        // A line with no cell near the window draws nothing in it: its port is next to its first
        // cell, its arrowhead is a cell of it, and its label goes on a stretch that shows.
        var nearby: [Int] = [], ink = 0
        for i in tiles?.near(near) ?? Array(routes.indices) where i < scene.edges.count && i < routes.count {
            guard let bounds = routes[i]?.bounds, bounds.intersects(near),
                  let route = routes[i], near.contains(bounds) || route.crosses(near) else { continue }
            nearby.append(i)
            ink += route.count
        }
        // The lines of a whole big design go on two cores, each into half of the rows: writing
        // millions of line cells was most of painting 10,000 components, each write a cache
        // miss. The bands share no cell, so the drawing is the one a single pass makes.
        grid.inRowBands(ink >= Painter.inkForTwoBands ? 2 : 1) { rows in
            for i in nearby {
                guard let route = routes[i], route.bounds.intersects(rows.window) else { continue }
                let edge = scene.edges[i]
                rows.addLine(route.startDirection.bit, at: route.sourcePort, style: edge.style, color: edge.color)
                route.forEachRun { rows.addLine($0, style: edge.style, color: edge.color) }
            }
        }
        for i in nearby {
            guard let route = routes[i], let last = route.arrowhead else { continue }
            grid.set(grid.glyphs.arrowhead(route.headDirection), at: last, style: scene.edges[i].color)
        }
        for i in nearby {
            guard let route = routes[i], let label = scene.edges[i].label, !label.isEmpty else { continue }
            placeLabel(label, route: route, style: scene.edges[i].color, into: &grid) {
                if cover == nil {
                    cover = BoxCover(rects: scene.boxes.compactMap { $0.rect.intersects(near) ? $0.rect : nil },
                                     window: near.insetBy(-1))
                }
                return cover!
            }
        }
    }

    /// Box indices, parents before children (then in scene order), so children draw on top.
    public static func paintOrder(_ scene: Scene) -> [Int] {
        var depth = Array(repeating: -1, count: scene.boxes.count)
        func d(_ i: Int) -> Int {
            if depth[i] >= 0 { return depth[i] }
            depth[i] = 0 // guards against a parent cycle
            let v = scene.boxes[i].parent.map { d($0) + 1 } ?? 0
            depth[i] = v
            return v
        }
        for i in scene.boxes.indices { _ = d(i) }
        return scene.boxes.indices.sorted { (depth[$0], $0) < (depth[$1], $1) }
    }

    /// Draws one box: replica shadows, cleared inside, border, tag, title and lines.
    public static func drawBox(_ box: SceneBox, into grid: inout Grid) {
        let r = box.rect
        guard r.width >= 2, r.height >= 2 else { return }
        // Stacked copies behind: one or two offset outlines say "there are more of these".
        for k in stride(from: min(box.stack, 2), to: 0, by: -1) {
            shadow(r.offsetBy(dx: k, dy: k), color: box.color.with(dim: true), into: &grid)
        }
        grid.fill(r, with: " ")
        border(r, style: box.border, color: box.color, into: &grid)
        if !box.tag.isEmpty || box.marked, r.width > 6 {
            let tag = DisplayWidth.truncate(box.tag, to: r.width - 6, ellipsis: grid.glyphs.ellipsis)
            // A marked box keeps its width: the marks take the spaces around the tag.
            let (open, close) = box.marked ? grid.glyphs.marks : (" ", " ")
            let style = box.marked ? CellStyle(fg: box.color.fg, attrs: box.color.attrs.union([.bold, .reverse]))
                                   : box.color
            grid.put(open + tag + close, at: Point(x: r.x + 1, y: r.y), style: style)
        }
        let titleStyle = CellStyle(fg: box.color.fg, attrs: box.color.attrs.union(.bold))
        box.forEachTextRow { k, text, origin, columns in
            let shown = DisplayWidth.truncate(text, to: columns, ellipsis: grid.glyphs.ellipsis)
            grid.put(shown, at: origin, style: k == 0 ? titleStyle : CellStyle(attrs: .dim))
        }
    }

    /// The right and bottom edges of a copy behind a box, drawn as plain characters so they
    /// never merge into junctions with the box in front.
    static func shadow(_ r: Rect, color: CellStyle, into grid: inout Grid) {
        let g = grid.glyphs
        for x in r.x..<r.maxX { grid.set(g.line(10, .light), at: Point(x: x, y: r.maxY), style: color) }
        for y in r.y..<r.maxY { grid.set(g.line(5, .light), at: Point(x: r.maxX, y: y), style: color) }
        grid.set(g.line(12, .light), at: Point(x: r.maxX, y: r.y), style: color)
        grid.set(g.line(3, .light), at: Point(x: r.x, y: r.maxY), style: color)
        grid.set(g.line(9, .light), at: Point(x: r.maxX, y: r.maxY), style: color)
    }

    static func border(_ r: Rect, style: LineStyle, color: CellStyle, into grid: inout Grid) {
        let h = Direction.left.bit | Direction.right.bit, v = Direction.up.bit | Direction.down.bit
        grid.addLine(Direction.right.bit | Direction.down.bit, at: r.origin, style: style, color: color)
        grid.addLine(Direction.left.bit | Direction.down.bit, at: Point(x: r.maxX, y: r.y), style: style, color: color)
        grid.addLine(Direction.right.bit | Direction.up.bit, at: Point(x: r.x, y: r.maxY), style: style, color: color)
        grid.addLine(Direction.left.bit | Direction.up.bit, at: Point(x: r.maxX, y: r.maxY), style: style, color: color)
        let window = grid.window
        let x0 = max(r.x + 1, window.x), x1 = min(r.maxX - 1, window.maxX)
        if x0 <= x1 {
            for x in x0...x1 {
                grid.addLine(h, at: Point(x: x, y: r.y), style: style, color: color)
                grid.addLine(h, at: Point(x: x, y: r.maxY), style: style, color: color)
            }
        }
        let y0 = max(r.y + 1, window.y), y1 = min(r.maxY - 1, window.maxY)
        if y0 <= y1 {
            for y in y0...y1 {
                grid.addLine(v, at: Point(x: r.x, y: y), style: style, color: color)
                grid.addLine(v, at: Point(x: r.maxX, y: y), style: style, color: color)
            }
        }
    }

    /// Puts a label on the longest straight horizontal stretch of its route, over plain line cells
    /// only, so it never covers an arrowhead or a junction; failing that, just above the stretch
    /// where the cells are empty canvas. A label that fits nowhere is left out of the drawing.
    /// Rows either side of a vertical stretch's middle where its label may go instead.
    static let labelRowTries = 3

    /// `boxes` gives the boxes that could be in the way, asked for only when a stretch shows.
    static func placeLabel(_ label: String, route: Route, style: CellStyle, into grid: inout Grid,
                           boxes cover: () -> BoxCover) {
        // Only the stretches that show can take the label; never the arrowhead cell.
        let (runs, columns) = stretches(of: route, in: grid.window)
        guard !runs.isEmpty || !columns.isEmpty else { return }
        let boxes = cover()
        let text = DisplayWidth.truncate(label, to: 24, ellipsis: grid.glyphs.ellipsis)
        let width = DisplayWidth.of(text)
        guard width > 0 else { return }
        let pureH = Direction.left.bit | Direction.right.bit
        for run in runs.sorted(by: { ($0.x1 - $0.x0) > ($1.x1 - $1.x0) }) where run.x1 - run.x0 + 1 >= width + 2 {
            let start = run.x0 + (run.x1 - run.x0 + 1 - width) / 2
            let span = (start..<start + width).map { Point(x: $0, y: run.y) }
            if span.allSatisfy({ grid.cell(at: $0).map { $0.lines == pureH } ?? false }) {
                grid.put(text, at: span[0], style: style)
                return
            }
            let above = span.map { Point(x: $0.x, y: $0.y - 1) }
            let free = above.allSatisfy { p in
                guard let c = grid.cell(at: p), c.lines == 0, c.isSpace else { return false }
                return !boxes.inBox(p)
            }
            if free { grid.put(text, at: above[0], style: style); return }
        }
        // A vertical stretch: the label goes beside it on empty canvas, as near its middle as it
        // can (the middle row of a short stretch often touches a box, the next one does not).
        for column in columns where column.y1 > column.y0 {
            // Rows from the stretch's start in path order (`down` says which way that is).
            let mid = (column.y1 - column.y0) / 2
            let tries = (0...2 * labelRowTries).map { mid + ($0 % 2 == 0 ? $0 / 2 : -($0 + 1) / 2) }
            for t in tries where t >= 0 && t <= column.y1 - column.y0 {
                let at = Point(x: column.x, y: column.down ? column.y0 + t : column.y1 - t)
                let span = (1...width).map { Point(x: at.x + 1 + $0, y: at.y) }
                let free = span.allSatisfy { p in
                    guard let c = grid.cell(at: p), c.lines == 0, c.isSpace else { return false }
                    return !boxes.nearBox(p)
                }
                if free { grid.put(text, at: span[0], style: style); return }
            }
        }
    }

    /// The straight stretches of a route inside a window, the arrowhead cell left out, in path
    /// order: the horizontal ones as rows, the vertical ones as columns (each cell of a turn in
    /// both). Stretches of one cell are left out: no label fits beside them.
    static func stretches(of route: Route, in window: Rect) -> (rows: [(y: Int, x0: Int, x1: Int)],
                                                               columns: [(x: Int, y0: Int, y1: Int, down: Bool)]) {
        var rows: [(y: Int, x0: Int, x1: Int)] = []
        var columns: [(x: Int, y0: Int, y1: Int, down: Bool)] = []
        let v = route.vertices
        for k in v.indices.dropFirst() {
            var a = v[k - 1], b = v[k]
            // The last stretch stops short of the arrowhead.
            if k == v.count - 1 {
                b = Point(x: b.x + (a.x > b.x ? 1 : (a.x < b.x ? -1 : 0)),
                          y: b.y + (a.y > b.y ? 1 : (a.y < b.y ? -1 : 0)))
            }
            if a.y == b.y {
                let lo = max(min(a.x, b.x), window.x), hi = min(max(a.x, b.x), window.maxX)
                guard a.y >= window.y, a.y <= window.maxY, lo < hi else { continue }
                rows.append((a.y, lo, hi))
            } else {
                let down = b.y > a.y
                if !down { swap(&a, &b) }
                let lo = max(a.y, window.y), hi = min(b.y, window.maxY)
                guard a.x >= window.x, a.x <= window.maxX, lo < hi else { continue }
                columns.append((a.x, lo, hi, down))
            }
        }
        return (rows, columns)
    }
}

extension CellStyle {
    func with(dim: Bool) -> CellStyle {
        var s = self
        if dim { s.attrs.insert(.dim) }
        return s
    }
}
