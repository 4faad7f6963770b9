/// The path of one edge, in canvas cells.
public struct Route: Sendable, Equatable {
    /// From the cell just outside the source box to the arrowhead cell just outside the target.
    public let cells: [Point]
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
    /// Where the path turns: the start of each straight stretch after the first (indices into
    /// `cells`). Drawing a window and testing a box against a route visit stretches, not cells:
    /// a long route crosses the screen in a few stretches of hundreds of cells.
    let turns: [Int32]

    public init(cells: [Point], sourcePort: Point, targetPort: Point, startDirection: Direction,
                headDirection: Direction, isDirect: Bool = false) {
        self.cells = cells; self.sourcePort = sourcePort; self.targetPort = targetPort
        self.startDirection = startDirection; self.headDirection = headDirection; self.isDirect = isDirect
        var x0 = min(sourcePort.x, targetPort.x), y0 = min(sourcePort.y, targetPort.y)
        var x1 = max(sourcePort.x, targetPort.x), y1 = max(sourcePort.y, targetPort.y)
        var turns: [Int32] = []
        for (i, p) in cells.enumerated() {
            x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y)
            // A turn, or (never made by the router, but cheap to be safe) a reversal.
            if i > 0 && i + 1 < cells.count && ((cells[i - 1].x == p.x) != (p.x == cells[i + 1].x) || cells[i - 1] == cells[i + 1]) {
                turns.append(Int32(i))
            }
        }
        bounds = Rect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
        self.turns = turns
    }

    /// Calls `body` with the index range of each straight stretch of `cells` (half open: a
    /// turning cell starts the next stretch), up to `end`.
    @inline(__always) private func forEachStretch(end: Int, _ body: (Range<Int>) -> Void) {
        var a = 0
        for t in turns where Int(t) < end {
            body(a..<Int(t)); a = Int(t)
        }
        if a < end { body(a..<end) }
    }

    /// The indices in a straight stretch whose cells lie inside `area`. Path cells are one
    /// step apart, so along a stretch a coordinate is a linear function of the index.
    @inline(__always) private func clip(_ r: Range<Int>, to area: Rect) -> Range<Int> {
        let lo = r.lowerBound, a = cells[lo], empty = lo..<lo
        guard lo + 1 < cells.count else { return area.contains(a) ? r : empty }
        let next = cells[lo + 1]
        let horizontal = next.y == a.y
        let across = horizontal ? a.y : a.x
        guard across >= (horizontal ? area.y : area.x), across <= (horizontal ? area.maxY : area.maxX) else { return empty }
        let along = horizontal ? a.x : a.y
        let step = horizontal ? next.x - a.x : next.y - a.y
        let first = horizontal ? area.x : area.y, last = horizontal ? area.maxX : area.maxY
        // Coordinate at index i: along + step * (i - lo); keep the i that land in [first, last].
        let (k0, k1) = step > 0 ? (first - along, last - along) : (along - last, along - first)
        let from = max(lo, lo + k0), to = min(r.upperBound, lo + k1 + 1)
        return from < to ? from..<to : empty
    }

    /// True when a cell of the path (the arrowhead's included) lies in `area`.
    public func crosses(_ area: Rect) -> Bool {
        guard bounds.intersects(area) else { return false }
        var hit = false
        forEachStretch(end: cells.count) { r in if !hit && !clip(r, to: area).isEmpty { hit = true } }
        return hit
    }

    /// Line masks per path cell: each cell joins its neighbours on the path; the first also joins
    /// the source port; the arrowhead cell (last) carries no line.
    public func lineMasks() -> [(Point, UInt8)] {
        var out: [(Point, UInt8)] = []
        out.reserveCapacity(cells.count)
        forEachMask(within: nil) { out.append(($0, $1)) }
        return out
    }

    /// Calls `body` with each line cell and its mask, only for cells inside `area` (all when nil),
    /// without building an array: drawing a frame visits many routes that barely show.
    public func forEachMask(within area: Rect?, _ body: (Point, UInt8) -> Void) {
        guard cells.count > 1 else { return }
        @inline(__always) func visit(_ i: Int) {
            let p = cells[i]
            let prev = i == 0 ? sourcePort : cells[i - 1]
            body(p, Route.bit(from: p, toward: prev) | Route.bit(from: p, toward: cells[i + 1]))
        }
        guard let area, !area.contains(bounds) else {
            for i in 0..<(cells.count - 1) { visit(i) }
            return
        }
        forEachStretch(end: cells.count - 1) { r in for i in clip(r, to: area) { visit(i) } }
    }

    static func bit(from p: Point, toward q: Point) -> UInt8 {
        if q.x > p.x { return Direction.right.bit }
        if q.x < p.x { return Direction.left.bit }
        if q.y > p.y { return Direction.down.bit }
        if q.y < p.y { return Direction.up.bit }
        return 0
    }

    /// The source port, every cell where the path turns, the arrowhead cell and the target
    /// port, in order: the path as straight stretches between these, to draw it at another
    /// scale (Overview).
    var corners: [Point] {
        [sourcePort] + turns.map { cells[Int($0)] } + (cells.last.map { [$0] } ?? []) + [targetPort]
    }

    /// The cells a packet visits from the source's border to the target's border: port, path, port.
    public var travel: [Point] { [sourcePort] + cells + [targetPort] }
}
