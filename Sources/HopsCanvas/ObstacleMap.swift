/// Per-cell facts the router reads: which box covers a cell (innermost, border or inside), and
/// how many routed lines already use it horizontally or vertically. Covers `bounds` only.
///
/// Cells sit in tiles of 8 by 8 (`cell`), not in rows: a line searched down the canvas then
/// reads a new cache line of flags every 8 cells, not every cell. In rows, the flags load of a
/// vertical step was the search's dearest instruction (a third of its time at 10,000 components).
struct ObstacleMap {
    let bounds: Rect
    /// Tiles in a row of tiles.
    let tileColumns: Int
    /// 0: no box; k+1: inside box k; -(k+1): on box k's border.
    var owner: [Int32]
    var hUse: [UInt8]
    var vUse: [UInt8]
    /// Cells next to ports and arrowheads: other edges keep out.
    var reserved: [UInt8]
    /// One byte per cell summing up the above (`Flag`), so that the search, which spends its
    /// time waiting on memory, reads one small array for most cells.
    var flags: [UInt8]

    enum Flag {
        static let boxed: UInt8 = 1, reserved: UInt8 = 2, horizontal: UInt8 = 4, vertical: UInt8 = 8
        /// A box's title or lines: lines may cross it only when there is no other way.
        static let text: UInt8 = 16
    }
    /// Box indices, parents before children, so children paint over their parents.
    private let paintOrder: [Int]

    init(scene: Scene, bounds: Rect) {
        self.bounds = bounds
        tileColumns = (max(0, bounds.width) + 7) >> 3
        let n = tileColumns * ((max(0, bounds.height) + 7) >> 3) << 6
        owner = Array(repeating: 0, count: n)
        hUse = Array(repeating: 0, count: n)
        vUse = Array(repeating: 0, count: n)
        reserved = Array(repeating: 0, count: n)
        flags = Array(repeating: 0, count: n)
        paintOrder = Painter.paintOrder(scene)
        // (The arrays are all zero: nothing to clear first.)
        repaint(scene: scene, region: bounds, clear: false)
    }

    @inline(__always) func index(_ p: Point) -> Int? {
        let lx = p.x - bounds.x, ly = p.y - bounds.y
        guard lx >= 0, ly >= 0, lx < bounds.width, ly < bounds.height else { return nil }
        return cell(lx, ly)
    }

    /// The index of the cell `lx` columns and `ly` rows from the map's corner (see the tiles above).
    @inline(__always) func cell(_ lx: Int, _ ly: Int) -> Int { ObstacleMap.cell(lx, ly, tileColumns: tileColumns) }

    /// The same, for loops that keep the map's numbers in locals.
    @inline(__always) static func cell(_ lx: Int, _ ly: Int, tileColumns: Int) -> Int {
        ((ly &>> 3) &* tileColumns &+ (lx &>> 3)) &<< 6 | (ly & 7) &<< 3 | (lx & 7)
    }

    /// Recomputes box ownership inside `region` (after boxes moved).
    mutating func repaint(scene: Scene, region: Rect, clear: Bool = true) {
        let x0 = max(region.x, bounds.x), y0 = max(region.y, bounds.y)
        let x1 = min(region.maxX, bounds.maxX), y1 = min(region.maxY, bounds.maxY)
        guard x0 <= x1, y0 <= y1 else { return }
        for y in y0...y1 where clear {
            for x in x0...x1 {
                let i = cell(x - bounds.x, y - bounds.y)
                owner[i] = 0
                flags[i] &= ~(Flag.boxed | Flag.text)
            }
        }
        let clip = Rect(x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1)
        for b in paintOrder {
            let r = scene.boxes[b].rect
            guard r.intersects(clip) else { continue }
            let bx0 = max(r.x, x0), by0 = max(r.y, y0), bx1 = min(r.maxX, x1), by1 = min(r.maxY, y1)
            for y in by0...by1 {
                let edgeRow = y == r.y || y == r.maxY
                for x in bx0...bx1 {
                    let border = edgeRow || x == r.x || x == r.maxX
                    let i = cell(x - bounds.x, y - bounds.y)
                    owner[i] = border ? -Int32(b + 1) : Int32(b + 1)
                    flags[i] |= Flag.boxed
                }
            }
            // The box's title and lines: lines inside it (to its children) pass beside the
            // text, and cross it only where nothing else is open (forbidding it outright left
            // some Pods in Deployments unreachable).
            scene.boxes[b].forEachTextRow { _, text, origin, columns in
                guard origin.y >= by0, origin.y <= by1 else { return }
                let tx0 = max(origin.x, bx0), tx1 = min(origin.x + min(DisplayWidth.of(text), columns) - 1, bx1)
                guard tx0 <= tx1 else { return }
                for x in tx0...tx1 { flags[cell(x - bounds.x, origin.y - bounds.y)] |= Flag.text }
            }
        }
    }

}

/// Which boxes one edge may pass through: inside the nearest box that holds both ends, and
/// across the borders of boxes that hold one end (a Service outside a Deployment reaching a Pod
/// inside it crosses the Deployment's border, once, head on).
struct Passage {
    /// Boxes whose inside the edge may use (encoded as in ObstacleMap.owner, positive).
    let allowed: [Int32]
    /// Boxes whose border the edge may cross, with their rectangles.
    let crossable: [(Int32, Rect)]
    /// True when both ends are at top level, so free canvas is open.
    let openCanvas: Bool

    init(scene: Scene, from s: Int, to t: Int) {
        let chainS = scene.ancestors(of: s), chainT = scene.ancestors(of: t)
        var lca: Int?
        if chainT.contains(s) { lca = s }
        else if chainS.contains(t) { lca = t }
        else { lca = chainT.first { chainS.contains($0) } }
        var allowed: [Int] = []
        for chain in [chainS, chainT] {
            for a in chain { if a == lca { break }; if !allowed.contains(a) { allowed.append(a) } }
        }
        crossable = allowed.map { (Int32($0 + 1), scene.boxes[$0].rect) }
        if let lca { allowed.append(lca) }
        self.allowed = allowed.map { Int32($0 + 1) }
        openCanvas = lca == nil
    }

    /// Extra cost to enter a cell owned as `owner` moving in `dir` at `p`; nil when forbidden.
    @inline(__always) func cost(owner: Int32, at p: Point, moving dir: Direction) -> Int32? {
        if owner == 0 { return openCanvas ? 0 : nil }
        if owner > 0 { return allowed.contains(owner) ? 0 : nil }
        for (box, r) in crossable where box == -owner {
            // Cross a border head on, never along it and never at a corner.
            let onVertical = p.x == r.x || p.x == r.maxX
            let onHorizontal = p.y == r.y || p.y == r.maxY
            if onVertical && onHorizontal { return nil }
            if onVertical && dir.isHorizontal { return 8 }
            if onHorizontal && !dir.isHorizontal { return 8 }
            return nil
        }
        return nil
    }
}
