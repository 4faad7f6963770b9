/// The path of one edge, in canvas cells.
public struct Route: Sendable, Equatable {
    /// From the cell just outside the source box to the arrowhead cell just outside the target.
    public var cells: [Point]
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

    public init(cells: [Point], sourcePort: Point, targetPort: Point, startDirection: Direction,
                headDirection: Direction, isDirect: Bool = false) {
        self.cells = cells; self.sourcePort = sourcePort; self.targetPort = targetPort
        self.startDirection = startDirection; self.headDirection = headDirection; self.isDirect = isDirect
        var x0 = min(sourcePort.x, targetPort.x), y0 = min(sourcePort.y, targetPort.y)
        var x1 = max(sourcePort.x, targetPort.x), y1 = max(sourcePort.y, targetPort.y)
        for p in cells { x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y) }
        bounds = Rect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
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
        for i in 0..<(cells.count - 1) {
            let p = cells[i]
            if let area, !area.contains(p) { continue }
            let prev = i == 0 ? sourcePort : cells[i - 1]
            body(p, Route.bit(from: p, toward: prev) | Route.bit(from: p, toward: cells[i + 1]))
        }
    }

    static func bit(from p: Point, toward q: Point) -> UInt8 {
        if q.x > p.x { return Direction.right.bit }
        if q.x < p.x { return Direction.left.bit }
        if q.y > p.y { return Direction.down.bit }
        if q.y < p.y { return Direction.up.bit }
        return 0
    }

    /// The cells a packet visits from the source's border to the target's border: port, path, port.
    public var travel: [Point] { [sourcePort] + cells + [targetPort] }
}
