/// The path of one edge, in canvas cells, kept as the cells where it turns: a route across a
/// big design runs hundreds of cells in a few straight stretches, and storing every cell took
/// most of a 10,000-component render's memory (62 MB of 200 flat, 313 MB nested).
public struct Route: Sendable, Equatable {
    /// The first cell (just outside the source box), each cell where the path turns (or, never
    /// made by the router, doubles back), and the arrowhead cell just outside the target; each
    /// straight stretch runs between two of these. One cell when the path is one cell long.
    public let vertices: [Point]
    /// How many cells the path has, from the first to the arrowhead.
    public let count: Int
    /// The cell on the source's border where the line leaves (drawn as a tee).
    public var sourcePort: Point
    /// The cell on the target's border that the arrowhead points at.
    public var targetPort: Point
    /// Which way the first cell lies from the source port.
    public var startDirection: Direction
    /// Which way the arrowhead points (into the target).
    public var headDirection: Direction
    /// True when no clean path existed (boxes overlap or touch) and the line was drawn straight,
    /// possibly across boxes. Never true for layouts that Hops made itself.
    public var isDirect: Bool
    /// The rectangle holding the ports and every cell, to skip routes far from a window cheaply.
    public let bounds: Rect
    /// Which bands of 64 rows (numbered modulo 64) the path's cells are in: most of a big
    /// design's long lines span a window's rectangle, and this tells most of those that they do
    /// not cross it without walking their stretches (a frame and a move ask thousands).
    let rowBands: UInt64

    /// From every cell of the path, each one step from the last.
    public init(cells: [Point], sourcePort: Point, targetPort: Point, startDirection: Direction,
                headDirection: Direction, isDirect: Bool = false) {
        var vertices: [Point] = []
        for (i, p) in cells.enumerated() {
            // The ends, a turn, or a reversal.
            if i == 0 || i + 1 == cells.count
                || (cells[i - 1].x == p.x) != (p.x == cells[i + 1].x) || cells[i - 1] == cells[i + 1] {
                vertices.append(p)
            }
        }
        self.init(vertices: vertices, count: cells.count, sourcePort: sourcePort, targetPort: targetPort,
                  startDirection: startDirection, headDirection: headDirection, isDirect: isDirect)
    }

    /// From the path's vertices (see `vertices`), `count` cells in all.
    init(vertices: [Point], count: Int, sourcePort: Point, targetPort: Point, startDirection: Direction,
         headDirection: Direction, isDirect: Bool = false) {
        self.vertices = vertices; self.count = count
        self.sourcePort = sourcePort; self.targetPort = targetPort
        self.startDirection = startDirection; self.headDirection = headDirection; self.isDirect = isDirect
        var x0 = min(sourcePort.x, targetPort.x), y0 = min(sourcePort.y, targetPort.y)
        var x1 = max(sourcePort.x, targetPort.x), y1 = max(sourcePort.y, targetPort.y)
        for p in vertices { x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y) }
        bounds = Rect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
        var bands = vertices.first.map { Route.rowBands($0.y, $0.y) } ?? 0
        for k in vertices.indices.dropFirst() {
            bands |= Route.rowBands(min(vertices[k - 1].y, vertices[k].y), max(vertices[k - 1].y, vertices[k].y))
        }
        rowBands = bands
    }

    /// The bands of `rowBands` that rows `y0...y1` are in.
    static func rowBands(_ y0: Int, _ y1: Int) -> UInt64 {
        let b0 = y0 >> 6, b1 = y1 >> 6
        guard b1 >= b0 else { return 0 }
        guard b1 - b0 < 63 else { return ~0 }
        var m: UInt64 = 0
        for b in b0...b1 { m |= 1 << UInt64(b & 63) }
        return m
    }

    /// Every cell, from the first to the arrowhead (built on each call: for one route at a time).
    public var cells: [Point] { Route.cells(along: vertices, count: count) }

    /// The cells of a path given by its vertices, `count` of them.
    static func cells(along vertices: [Point], count: Int) -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(count)
        forEachCell(along: vertices) { out.append($0) }
        return out
    }

    /// The arrowhead cell, just outside the target.
    public var arrowhead: Point? { vertices.last }

    /// Calls `body` with every cell in order.
    public func forEachCell(_ body: (Point) -> Void) { Route.forEachCell(along: vertices, body) }

    /// Every cell of the path through `vertices`, each one step from the last.
    static func forEachCell(along vertices: [Point], _ body: (Point) -> Void) {
        guard let first = vertices.first else { return }
        body(first)
        var p = first
        for v in vertices.dropFirst() {
            while p != v {
                if p.x != v.x { p.x += v.x > p.x ? 1 : -1 } else { p.y += v.y > p.y ? 1 : -1 }
                body(p)
            }
        }
    }

    /// True when the path (the arrowhead's cell included) passes through `p`.
    public func passes(through p: Point) -> Bool {
        crosses(Rect(x: p.x, y: p.y, width: 1, height: 1))
    }

    /// True when a cell of the path (the arrowhead's included) lies in `area`.
    public func crosses(_ area: Rect) -> Bool {
        guard bounds.intersects(area), Route.rowBands(area.y, area.maxY) & rowBands != 0,
              let first = vertices.first else { return false }
        if area.contains(first) { return true }
        // Stretch by stretch, as intervals (a frame and a move of a big design ask this of
        // thousands of long lines).
        let x0 = area.x, x1 = area.maxX, y0 = area.y, y1 = area.maxY
        return vertices.withUnsafeBufferPointer { v in
            var a = v[0]
            for k in 1..<v.count {
                let b = v[k]
                if a.y == b.y {
                    if a.y >= y0, a.y <= y1, max(a.x, b.x) >= x0, min(a.x, b.x) <= x1 { return true }
                } else if a.x == b.x {
                    if a.x >= x0, a.x <= x1, max(a.y, b.y) >= y0, min(a.y, b.y) <= y1 { return true }
                } else if Route.stretch(from: a, to: b).intersects(area) {
                    return true
                }
                a = b
            }
            return false
        }
    }

    /// The rectangle one straight stretch covers, both ends included.
    @inline(__always) static func stretch(from a: Point, to b: Point) -> Rect {
        Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x) + 1, height: abs(a.y - b.y) + 1)
    }

    /// Line masks per path cell: each cell joins its neighbours on the path; the first also joins
    /// the source port; the arrowhead cell (last) carries no line.
    public func lineMasks() -> [(Point, UInt8)] {
        var out: [(Point, UInt8)] = []
        out.reserveCapacity(count)
        forEachMask(within: nil) { out.append(($0, $1)) }
        return out
    }

    /// Calls `body` with each line cell and its mask, in path order, only for cells inside `area`
    /// (all when nil), stretch by stretch: drawing a frame visits many routes that barely show.
    public func forEachMask(within area: Rect?, _ body: (Point, UInt8) -> Void) {
        let area = area.flatMap { $0.contains(bounds) ? nil : $0 }
        forEachRun { run in
            for i in area.map(run.indices(within:)) ?? 0..<run.count {
                body(run.cell(i), i == 0 ? run.firstMask : run.mask)
            }
        }
    }

    /// One straight stretch of line cells, as `forEachRun` gives it.
    struct Run {
        /// The first cell (a vertex of the path), then `count - 1` more, each (`dx`, `dy`) on.
        let start: Point
        let dx: Int, dy: Int
        let count: Int
        /// The first cell's mask joins the way the path came and the way it goes on; every
        /// other cell's joins both ways along the run.
        let firstMask: UInt8, mask: UInt8

        /// The cell `i` steps from the start.
        @inline(__always) func cell(_ i: Int) -> Point { Point(x: start.x &+ dx &* i, y: start.y &+ dy &* i) }

        /// Which of the run's cells (as steps from its start) lie inside `area`.
        @inline(__always) func indices(within area: Rect) -> Range<Int> {
            var lo = 0, hi = count
            if dx != 0 {
                guard start.y >= area.y, start.y <= area.maxY else { return 0..<0 }
                let (k0, k1) = dx > 0 ? (area.x - start.x, area.maxX - start.x)
                                      : (start.x - area.maxX, start.x - area.x)
                lo = max(lo, k0); hi = min(hi, k1 + 1)
            } else {
                guard start.x >= area.x, start.x <= area.maxX else { return 0..<0 }
                let (k0, k1) = dy > 0 ? (area.y - start.y, area.maxY - start.y)
                                      : (start.y - area.maxY, start.y - area.y)
                lo = max(lo, k0); hi = min(hi, k1 + 1)
            }
            return lo < hi ? lo..<hi : 0..<0
        }
    }

    /// The line cells as straight runs, in path order: a stretch's cells from its start (the
    /// vertex, joining the way the path came) up to, not including, the next vertex, where the
    /// next stretch starts. The arrowhead cell (the last vertex) carries no line. Marking and
    /// painting millions of cells go run by run, not through a call per cell.
    func forEachRun(_ body: (Run) -> Void) {
        guard vertices.count > 1 else { return }
        var previous = sourcePort
        for k in 1..<vertices.count {
            let a = vertices[k - 1], b = vertices[k]
            let step = Route.bit(from: a, toward: b)
            let dx = b.x > a.x ? 1 : (b.x < a.x ? -1 : 0), dy = b.y > a.y ? 1 : (b.y < a.y ? -1 : 0)
            let length = abs(b.x - a.x) + abs(b.y - a.y)
            if length > 0 {
                let first = Route.bit(from: a, toward: previous) | step, rest = step | Route.bit(from: b, toward: a)
                body(Run(start: a, dx: dx, dy: dy, count: length, firstMask: first, mask: rest))
            }
            previous = Point(x: b.x - dx, y: b.y - dy)
        }
    }

    static func bit(from p: Point, toward q: Point) -> UInt8 {
        if q.x > p.x { return Direction.right.bit }
        if q.x < p.x { return Direction.left.bit }
        if q.y > p.y { return Direction.down.bit }
        if q.y < p.y { return Direction.up.bit }
        return 0
    }

    /// The source port, every vertex and the target port, in order: the path as straight
    /// stretches between these, to draw it at another scale (Overview).
    var corners: [Point] { [sourcePort] + vertices + [targetPort] }

    /// The cells a packet visits from the source's border to the target's border: port, path, port.
    public var travel: [Point] { [sourcePort] + cells + [targetPort] }
}
