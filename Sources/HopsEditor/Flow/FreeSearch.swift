import HopsCanvas

/// The search behind a hop that follows no arrow (HopPath.free): Dijkstra over (cell, heading)
/// in a window of the canvas, one cell a step, a turn costing extra, and a cell of a drawn line
/// too (so the packet does not seem to travel an arrow or a border it does not take). Walls:
/// every cell of a box that is not open to the hop (its target and the boxes holding its ends),
/// with the copies drawn behind it, and every cell of drawn text (box text, tags, labels, found
/// by painting the window as the screen shows it).
struct FreeSearch {
    /// Cells searched around the hop's ends before the whole drawing is tried.
    static let margin = 6
    /// Windows larger than this are not searched (a straight path is drawn instead).
    static let maxCells = 250_000
    static let turnCost = 3
    static let lineCost = 3

    let window: Rect
    private var wall: [Bool]
    private var onLine: [Bool]

    /// `ids` names the scene's boxes (by index) so `open` can say which may be entered.
    init?(window: Rect, scene: Scene, routes: [Route?], open: Set<String>, ids: [String]) {
        guard !window.isEmpty, window.width * window.height <= FreeSearch.maxCells else { return nil }
        self.window = window
        var painted = Grid(width: window.width, height: window.height, origin: window.origin)
        Painter.draw(scene, routes: routes, into: &painted)
        var wall = Array(repeating: false, count: window.width * window.height)
        var onLine = wall
        let isText = { (c: Cell) in c.lines == 0 && !FreeSearch.isLineGlyph(c.ch) && (c.ch != " " || c.isContinuation) }
        for i in wall.indices {
            let c = painted.cells[i]
            if isText(c) { wall[i] = true } else if c.ch != " " { onLine[i] = true }
            // The space between two words of a label is part of it.
            let x = i % window.width
            if c.ch == " ", c.lines == 0, x > 0, x + 1 < window.width,
               isText(painted.cells[i - 1]), isText(painted.cells[i + 1]) {
                wall[i] = true
            }
        }
        for (i, box) in scene.boxes.enumerated() where box.rect.insetBy(-2).intersects(window) {
            if open.contains(ids[i]) {
                // Text rows whole, spaces between words included (the replica strip's `1 2 3`),
                // and the kind tag in the top border with the spaces around it.
                box.forEachTextRow { _, text, origin, columns in
                    let shown = Rect(x: origin.x, y: origin.y, width: min(columns, DisplayWidth.of(text)), height: 1)
                    FreeSearch.mark(shown, window, &wall)
                }
                if !box.tag.isEmpty {
                    let tag = Rect(x: box.rect.x + 1, y: box.rect.y, width: DisplayWidth.of(box.tag) + 2, height: 1)
                    FreeSearch.mark(tag, window, &wall)
                }
            } else {
                let copies = min(box.stack, 2)
                FreeSearch.mark(box.rect.union(box.rect.offsetBy(dx: copies, dy: copies)), window, &wall)
            }
        }
        self.wall = wall
        self.onLine = onLine
    }

    /// Box-drawing characters drawn as plain cells (the copies behind a Pod): lines, not text.
    static func isLineGlyph(_ ch: Character) -> Bool {
        ch.unicodeScalars.first.map { (0x2500...0x257F).contains($0.value) } ?? false
    }

    private static func index(_ p: Point, _ window: Rect) -> Int? {
        guard window.contains(p) else { return nil }
        return (p.y - window.y) * window.width + (p.x - window.x)
    }

    private func index(_ p: Point) -> Int? { FreeSearch.index(p, window) }

    private static func mark(_ r: Rect, _ window: Rect, _ cells: inout [Bool]) {
        let c = r.clipped(to: window)
        guard !c.isEmpty else { return }
        for y in c.y...c.maxY { for x in c.x...c.maxX { cells[(y - window.y) * window.width + (x - window.x)] = true } }
    }

    /// The cells from `start` to the first cell of `target`'s border reached, both included.
    func path(from start: Point, to target: Rect) -> [Point]? {
        guard let s = index(start) else { return nil }
        // A side, not a corner: a packet on a corner would seem to sit on neither side.
        let onBorder = { (p: Point) in
            let side = p.x == target.x || p.x == target.maxX, edge = p.y == target.y || p.y == target.maxY
            return target.contains(p) && side != edge
        }
        if onBorder(start) { return [start] }
        let dirs = Direction.allCases
        var cost = Array(repeating: Int32.max, count: wall.count * 4)
        var prev = Array(repeating: Int32(-1), count: wall.count * 4)
        // Dial's buckets: a step costs at most 1 + lineCost + turnCost, so that many + 1 suffice.
        let span = 1 + FreeSearch.lineCost + FreeSearch.turnCost + 1
        var buckets = Array(repeating: [Int32](), count: span)
        for d in 0..<4 { cost[s * 4 + d] = 0; buckets[0].append(Int32(s * 4 + d)) }
        var current = 0, pending = 4
        while pending > 0 {
            let slot = current % span
            guard let state = buckets[slot].popLast() else { current += 1; continue }
            pending -= 1
            let st = Int(state), cell = st / 4, heading = st % 4
            guard cost[st] == Int32(current) else { continue }
            let p = Point(x: window.x + cell % window.width, y: window.y + cell / window.width)
            if cell != s, onBorder(p) { return trace(st, prev: prev) }
            for d in dirs {
                let q = Point(x: p.x + d.dx, y: p.y + d.dy)
                guard let n = index(q), !wall[n] else { continue }
                let turn = d.rawValue == heading || cell == s ? 0 : FreeSearch.turnCost
                let step = 1 + (onLine[n] ? FreeSearch.lineCost : 0) + turn
                let next = n * 4 + d.rawValue, c = Int32(current + step)
                guard c < cost[next] else { continue }
                cost[next] = c; prev[next] = state
                buckets[(current + step) % span].append(Int32(next)); pending += 1
            }
        }
        return nil
    }

    private func trace(_ end: Int, prev: [Int32]) -> [Point] {
        var out: [Point] = []
        var st = end
        while st >= 0 {
            let cell = st / 4
            out.append(Point(x: window.x + cell % window.width, y: window.y + cell / window.width))
            st = Int(prev[st])
        }
        return out.reversed()
    }
}
