/// A coarse view of the obstacle map, for long edges: blocks of 4x4 cells, each knowing which of
/// its rows and columns are open canvas all the way across, and which box covers its centre.
///
/// A long edge is first routed over blocks, then the cell search runs only in a corridor of
/// blocks around that route. Without it, the cell search floods the pocket in front of every
/// row of boxes the line has to pass (weighted A* heads straight for the goal and must back out
/// of each dead end), which made a few long edges cost as much as all the others together.
struct CoarseMap {
    static let shift = 2
    static let size = 1 << shift
    let cols: Int
    let rows: Int
    /// Per block: bit k set when row k (column k) of the block is open canvas all the way
    /// across. A line may pass from one block to the next sideways (downwards) where both have an
    /// open row (column) in common: counting open cells alone let the corridor run through a box
    /// whose edge falls between two blocks.
    private(set) var openRows: [UInt8]
    private(set) var openColumns: [UInt8]
    /// Per block: the box covering its centre cell, as ObstacleMap.owner without the sign.
    private(set) var cover: [Int32]

    init(map: ObstacleMap) {
        cols = (map.bounds.width + CoarseMap.size - 1) >> CoarseMap.shift
        rows = (map.bounds.height + CoarseMap.size - 1) >> CoarseMap.shift
        openRows = Array(repeating: 0, count: cols * rows)
        openColumns = Array(repeating: 0, count: cols * rows)
        cover = Array(repeating: 0, count: cols * rows)
        update(map: map, region: map.bounds)
    }

    /// Recounts the blocks that meet `region` (canvas coordinates), after boxes moved.
    mutating func update(map: ObstacleMap, region: Rect) {
        let r = region.clipped(to: map.bounds)
        guard !r.isEmpty else { return }
        let bx0 = (r.x - map.bounds.x) >> CoarseMap.shift, bx1 = (r.maxX - map.bounds.x) >> CoarseMap.shift
        let by0 = (r.y - map.bounds.y) >> CoarseMap.shift, by1 = (r.maxY - map.bounds.y) >> CoarseMap.shift
        let w = map.bounds.width, h = map.bounds.height
        for by in by0...by1 {
            for bx in bx0...bx1 {
                var rowBits: UInt8 = 0xF, columnBits: UInt8 = 0xF
                let x0 = bx << CoarseMap.shift, y0 = by << CoarseMap.shift
                for k in 0..<CoarseMap.size {
                    for j in 0..<CoarseMap.size {
                        // Cells beyond the map count as covered.
                        let x = x0 + j, y = y0 + k
                        if x >= w || y >= h || map.owner[map.cell(x, y)] != 0 {
                            rowBits &= ~(1 << UInt8(k)); columnBits &= ~(1 << UInt8(j))
                        }
                    }
                }
                let cy = min(h - 1, y0 + CoarseMap.size / 2), cx = min(w - 1, x0 + CoarseMap.size / 2)
                openRows[by * cols + bx] = rowBits
                openColumns[by * cols + bx] = columnBits
                cover[by * cols + bx] = abs(map.owner[map.cell(cx, cy)])
            }
        }
    }
}

/// The blocks a cell search may use, and the search over blocks that chooses them.
struct Corridor {
    /// Per block of the coarse map: equal to `stamp` when the block is in the corridor.
    private(set) var marks: [UInt32] = []
    private(set) var stamp: UInt32 = 0
    /// Blocks in a row of the coarse map the marks and distances are for (block y * this + x).
    private(set) var columns = 0
    /// Per corridor block: blocks from it to the goal's block, walking the corridor. The cell
    /// search uses it as its estimate: the straight-line distance misleads it wherever the
    /// corridor turns away from the goal.
    private(set) var distance: [Int32] = []
    /// Blocks the searches over blocks took off their queue (for tuning).
    private(set) var expansions = 0
    private var fifo: [Int32] = []
    private var best: [UInt64] = []
    private var parent: [Int32] = []
    private let queue = BucketQueue()
    private var searchStamp: UInt32 = 0

    /// Blocks on each side of the block route that the cell search may also use.
    static let radius = 1
    /// A step to the next block costs 2 (3 between boxes, 1 more to turn); the estimate counts
    /// double that, so the search over blocks heads for the goal instead of flooding the map.
    static let weight: Int32 = 4
    /// Blocks a plan may take off its queue: a plan that succeeds takes a few per block of
    /// distance; one that needs more is most likely failing.
    static let budgetBase = 1000
    static let budgetPerBlock = 16

    /// Finds a route over blocks from `start` to `goal` (canvas cells) and marks the corridor
    /// around it. False when the blocks give no route (the caller then searches cells freely).
    /// Only blocks wholly inside `window` are used, so the corridor stays inside the cell search's
    /// window.
    mutating func plan(coarse: CoarseMap, bounds: Rect, window: Rect, rule: Passage,
                       start: Point, goal: Point) -> Bool {
        let n = coarse.cols * coarse.rows
        if marks.count < n {
            marks = Array(repeating: 0, count: n)
            distance = Array(repeating: 0, count: n)
            best = Array(repeating: 0, count: n * 4)
            parent = Array(repeating: -1, count: n * 4)
            stamp = 0; searchStamp = 0
        }
        // The work arrays are taken out of self for the search, so that the loops below index
        // plain local arrays (no exclusivity checks on self), and put back when it ends.
        var best = self.best, parent = self.parent, marks = self.marks
        var distance = self.distance, fifo = self.fifo
        self.best = []; self.parent = []
        self.marks = []; self.distance = []; self.fifo = []
        var spent = 0
        defer {
            self.best = best; self.parent = parent; self.marks = marks
            self.distance = distance; self.fifo = fifo; expansions += spent
        }
        searchStamp &+= 1
        if searchStamp == 0 { for i in best.indices { best[i] = 0 }; searchStamp = 1 }
        let stamped = UInt64(searchStamp) << 32
        let cols = coarse.cols, rows = coarse.rows
        columns = cols
        func block(_ p: Point) -> Int {
            ((p.y - bounds.y) >> CoarseMap.shift) * cols + ((p.x - bounds.x) >> CoarseMap.shift)
        }
        let sb = block(start), gb = block(goal)
        // Blocks wholly inside the window (start and goal blocks are always allowed).
        let wx0 = (window.x - bounds.x + CoarseMap.size - 1) >> CoarseMap.shift
        let wy0 = (window.y - bounds.y + CoarseMap.size - 1) >> CoarseMap.shift
        let wx1 = ((window.maxX - bounds.x + 1) >> CoarseMap.shift) - 1
        let wy1 = ((window.maxY - bounds.y + 1) >> CoarseMap.shift) - 1
        let gx = gb % cols, gy = gb / cols
        let boxes = rule.allowed + rule.crossable.map(\.0)
        @inline(__always) func passable(_ b: Int) -> Bool { !boxes.isEmpty && boxes.contains(coarse.cover[b]) }
        let openRows = coarse.openRows, openColumns = coarse.openColumns
        queue.reset()
        let startState = sb * 4
        best[startState] = stamped
        parent[startState] = -1
        queue.push(state: Int32(startState), f: Corridor.weight * Int32(abs(gx - sb % cols) + abs(gy - sb / cols)))
        var found = -1
        // A plan that fails floods every block of the window, and re-expands many: give up
        // early and let the cell search (which also knows the exact rules) find its own way.
        let budget = Corridor.budgetBase + Corridor.budgetPerBlock * (abs(gx - sb % cols) + abs(gy - sb / cols))
        while spent < budget, let (state, f, _) = queue.pop() {
            let s = Int(state), b = s >> 2, bx = b % cols, by = b / cols
            let gs = Int32(truncatingIfNeeded: best[s])
            guard f == gs + Corridor.weight * Int32(abs(gx - bx) + abs(gy - by)) else { continue }
            spent += 1
            if b == gb { found = s; break }
            let arrived = s & 3
            for dir in 0..<4 where s == startState || dir != (arrived + 2) & 3 {
                let nx = bx + (dir == 1 ? 1 : (dir == 3 ? -1 : 0)), ny = by + (dir == 2 ? 1 : (dir == 0 ? -1 : 0))
                guard nx >= 0, ny >= 0, nx < cols, ny < rows else { continue }
                let nb = ny * cols + nx
                guard (nx >= wx0 && nx <= wx1 && ny >= wy0 && ny <= wy1) || nb == gb else { continue }
                // Blocks inside a box the edge may use, and its own end blocks, are open all over.
                let horizontal = dir & 1 == 1
                @inline(__always) func lanes(_ k: Int) -> UInt8 {
                    let bits = horizontal ? openRows[k] : openColumns[k]
                    return bits != 0 ? bits : (passable(k) ? 0xF : 0)
                }
                let common = (b == sb ? 0xF : lanes(b)) & (nb == gb ? 0xF : lanes(nb))
                guard common != 0 else { continue }
                var cost: Int32 = 2
                if common.nonzeroBitCount < 2 { cost += 1 } // tight: between boxes, prefer open channels
                if s != startState && dir != arrived { cost += 1 }
                let ns = nb * 4 + dir, ng = gs + cost
                let seen = best[ns]
                if seen & 0xFFFF_FFFF_0000_0000 == stamped && Int32(truncatingIfNeeded: seen) <= ng { continue }
                best[ns] = stamped | UInt64(UInt32(ng)); parent[ns] = state
                queue.push(state: Int32(ns), f: ng + Corridor.weight * Int32(abs(gx - nx) + abs(gy - ny)))
            }
        }
        guard found >= 0 else { return false }
        // Each plan uses two stamps (marked, then visited); start over well before they wrap.
        if stamp >= UInt32.max - 3 { for i in marks.indices { marks[i] = 0 }; stamp = 0 }
        stamp += 1
        var s = found
        let r = Corridor.radius
        while s >= 0 {
            let b = s >> 2, bx = b % cols, by = b / cols
            for y in max(0, by - r)...min(rows - 1, by + r) {
                for x in max(0, bx - r)...min(cols - 1, bx + r) { marks[y * cols + x] = stamp }
            }
            s = Int(parent[s])
        }
        // Distances to the goal over the corridor's blocks, breadth first.
        fifo.removeAll(keepingCapacity: true)
        distance[gb] = 0
        fifo.append(Int32(gb))
        marks[gb] = stamp &+ 1 // visited marks are stamp + 1; set back to stamp below
        var head = 0
        while head < fifo.count {
            let b = Int(fifo[head]); head += 1
            let bx = b % cols, by = b / cols
            for dir in 0..<4 {
                let nx = bx + (dir == 1 ? 1 : (dir == 3 ? -1 : 0)), ny = by + (dir == 2 ? 1 : (dir == 0 ? -1 : 0))
                guard nx >= 0, ny >= 0, nx < cols, ny < rows else { continue }
                let nb = ny * cols + nx
                guard marks[nb] == stamp else { continue }
                marks[nb] = stamp &+ 1
                distance[nb] = distance[b] + 1
                fifo.append(Int32(nb))
            }
        }
        stamp &+= 1 // every block of the corridor now holds the new stamp
        return true
    }
}
