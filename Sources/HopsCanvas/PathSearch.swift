/// A* over (cell, direction of arrival) states inside a window of the obstacle map.
/// Scratch arrays are kept between searches and invalidated by a stamp, so a search costs
/// what it explores, not the window's size.
///
/// Costs are small integers, so the open list is a bucket queue (one LIFO list per f value)
/// rather than a binary heap: push and pop are O(1), and LIFO within a bucket goes deeper first
/// on ties, as a heap ordered by larger g would. Routing a big design spends most of its time
/// here, which is why the loop works on flat indices instead of points.
struct PathSearch {
    private var scratch = SearchScratch(capacity: 0)
    private let table = SparseStates()
    /// Budgets below this many expansions search in `table` (see SparseStates).
    static let sparseBudget = 1 << 20
    /// A state's word: the stamp in the high 12 bits, a closed bit, the direction the state it
    /// was reached from had been entered in (2 bits), then its cost in 17 bits. The direction is
    /// all it takes to step back along the path (the cell before is one step against the state's
    /// own direction), so no word per state says where it came from: that was half the search's
    /// memory, and a second cache line written for every state it queued.
    static let costBits: UInt32 = 17
    static let costMask: UInt32 = (1 << costBits) - 1
    static let cameShift: UInt32 = costBits
    static let closedBit: UInt32 = 1 << (costBits + 2)
    static let stampShift: UInt32 = costBits + 3
    static let stampLimit: UInt32 = 1 << (32 - stampShift)
    private var current: UInt32 = 0
    private var queue = BucketQueue()
    /// States taken off the queue over all searches: what routing costs.
    private(set) var expansions = 0

    static let bendCost: Int32 = 3
    static let overlapCost: Int32 = 3
    static let crossCost: Int32 = 0
    /// Per cell of a box's title or lines that a line crosses.
    static let textCost: Int32 = 64
    /// The heuristic counts four times (weighted A*): a path at most a little longer than the
    /// shortest, found with a fraction of the expansions in open canvas.
    static let heuristicWeight: Int32 = 4
    static let corridorWeight: Int32 = 6
    static let corridorBendCost: Int32 = 6

    /// log2 of the row stride for a window `width` cells wide (the smallest power of two at least that).
    static func rowShift(_ width: Int) -> Int { width <= 1 ? 0 : Int.bitWidth - (width - 1).leadingZeroBitCount }

    /// Gives the per-state memory back (a search after this allocates what it needs).
    mutating func releaseMemory() {
        scratch = SearchScratch(capacity: 0)
    }

    mutating func find(map: ObstacleMap, rule: Passage, window: Rect, start: Point, startDir: Direction,
                       goal: Point, headDir: Direction, corridor: Corridor? = nil, passPorts: Bool = false,
                       budget: Int = Int.max) -> FoundPath? {
        let w = window.clipped(to: map.bounds)
        guard !w.isEmpty, w.contains(start), w.contains(goal) else { return nil }
        // Cells sit in tiles whose rows are a power of two tiles apart, so that a state's column
        // and row are masks and shifts away: two divisions per expansion were a sixth of its time.
        let tiles = TiledCells(w.size)
        let states = tiles.count * 4
        // Up to 16 million states of padded rows, so 4 million cells of a window a power of two
        // wide and fewer of one just wider (the scratch is zeroed lazily: only what is searched costs).
        guard states < (1 << 26) else { return nil }
        current += 1
        // A search on a budget keeps its few states in a small table that stays in the cache;
        // one that may flood its window, in memory with a word for every state of it.
        let sparse = budget < PathSearch.sparseBudget
        if sparse {
            // At most four states claimed per expansion, and the start.
            table.begin(states: 4 * budget + 8)
        }
        if !sparse && scratch.capacity < states {
            // Fresh zeroed memory, enough for any window of this map (pages the searches never
            // touch cost nothing); the stamps start again.
            scratch = SearchScratch(capacity: max(states, scratch.capacity,
                                                    min(TiledCells(map.bounds.size).count * 4, 1 << 26)))
            current = 1
            table.clear()
        } else if current == PathSearch.stampLimit {
            // The stamps wrapped (sparse searches count too: the stamp is one counter): zero
            // what searches used, in place. (Fresh memory instead made
            // every page of it fault in again: two thirds of the page faults of routing 10,000
            // components with random links, whose windows span the canvas.)
            scratch.clear()
            table.clear()
            current = 1
        }
        if !sparse { scratch.use(tiles) }
        // A state's word is read and written through these three: in the table for a sparse
        // search, at the state's own index otherwise.
        let best = scratch.best, table = self.table, entries = table.entries, stamp = current
        @inline(__always) func slot(_ s: Int) -> Int { sparse ? table.slot(s, stamp: stamp) : s }
        @inline(__always) func read(_ i: Int) -> UInt32 { sparse ? entries[i].word : best[i] }
        @inline(__always) func write(_ i: Int, _ word: UInt32) {
            if sparse { entries[i].word = word } else { best[i] = word }
        }
        // Taken out of self for the search: the loop below mutates it without exclusivity checks.
        var queue = self.queue
        self.queue = BucketQueue()
        defer { self.queue = queue }
        queue.reset()

        guard let si = map.index(start), let gi = map.index(goal) else { return nil }
        if rule.cost(owner: map.owner[si], at: start, moving: startDir) == nil { return nil }
        if rule.cost(owner: map.owner[gi], at: goal, moving: headDir) == nil { return nil }

        let ww = w.width, wh = w.height, mw = map.bounds.width, tileColumns = map.tileColumns
        let ox = w.x - map.bounds.x, oy = w.y - map.bounds.y
        let gx = goal.x - w.x, gy = goal.y - w.y
        let goalCell = tiles.index(gx, gy)
        // In a corridor the estimate follows the corridor and may be trusted more: lines that
        // share a channel cost 4 a cell, and a weight of 4 would make no progress through them.
        // A bend then costs as much as the weight, or weighted progress would make turning
        // free and the lines would stair-step (measured: 31,000 bends at 1000 components with
        // the plain bend cost, 11,500 with this, for the same time).
        // A search on a budget (a long line's first try, see Router) is weighted as in a corridor.
        let greedy = corridor != nil || budget != Int.max
        let weight = greedy ? PathSearch.corridorWeight : PathSearch.heuristicWeight
        let bend = greedy ? PathSearch.corridorBendCost : PathSearch.bendCost
        let open = rule.openCanvas
        let boxesClosed = open && rule.allowed.isEmpty
        let stamped = current << PathSearch.stampShift
        let costMask = PathSearch.costMask, closedBit = PathSearch.closedBit
        @inline(__always) func isCurrent(_ word: UInt32) -> Bool { word >> PathSearch.stampShift == current }
        let startState = tiles.index(start.x - w.x, start.y - w.y) * 4 + startDir.rawValue
        write(slot(startState), stamped)

        var found = -1, expanded = 0
        // Only the corridor's blocks when there is one (marks are per block of the coarse map),
        // and then the distance along the corridor is the better estimate of what is left.
        let marks = corridor?.marks ?? [], mark = corridor?.stamp ?? 0
        let blockDistance = corridor?.distance ?? []
        let useCorridor = corridor != nil
        let blockCols = (mw + CoarseMap.size - 1) >> CoarseMap.shift
        /// The coarse map's block holding a cell of the window.
        @inline(__always) func block(_ x: Int, _ y: Int) -> Int {
            ((y + oy) >> CoarseMap.shift) * blockCols + ((x + ox) >> CoarseMap.shift)
        }
        map.owner.withUnsafeBufferPointer { owner in
        map.flags.withUnsafeBufferPointer { flags in
        marks.withUnsafeBufferPointer { marks in
        blockDistance.withUnsafeBufferPointer { blockDistance in
            @inline(__always) func estimate(_ x: Int, _ y: Int) -> Int32 {
                let straight = Int32(abs(gx - x) + abs(gy - y))
                guard useCorridor else { return weight * straight }
                let along = (blockDistance[block(x, y)] - 1) * Int32(CoarseMap.size)
                return weight * max(straight, along)
            }
            queue.push(state: Int32(startState), f: estimate(start.x - w.x, start.y - w.y))
            while let (state, f) = queue.pop() {
                let s = Int(state)
                let cell = s >> 2
                let lx = tiles.x(cell), ly = tiles.y(cell)
                let si = slot(s)
                let word = read(si)
                let gs = Int32(word & costMask)
                // A stale entry (the state was reached more cheaply after this was queued), or
                // one expanded already. States are never reopened: the estimates along a
                // corridor are not consistent, and reopening let one search expand millions.
                guard word & closedBit == 0, f == gs + estimate(lx, ly) else { continue }
                write(si, word | closedBit)
                expanded += 1
                if expanded > budget { return }
                if cell == goalCell { found = s; return }
                let arrived = s & 3
                for dir in 0..<4 where dir != (arrived + 2) & 3 {
                    let dx = dir == 1 ? 1 : (dir == 3 ? -1 : 0), dy = dir == 2 ? 1 : (dir == 0 ? -1 : 0)
                    let qx = lx + dx, qy = ly + dy
                    guard qx >= 0, qy >= 0, qx < ww, qy < wh else { continue }
                    let mi = ObstacleMap.cell(qx + ox, qy + oy, tileColumns: tileColumns)
                    if useCorridor && marks[block(qx, qy)] != mark { continue }
                    let fl = flags[mi]
                    var cost: Int32 = 1
                    if fl & ObstacleMap.Flag.boxed != 0 || !open {
                        // A line between two top-level boxes enters no box: no need to ask whose.
                        if boxesClosed { continue }
                        guard let extra = rule.cost(owner: owner[mi], at: Point(x: qx + w.x, y: qy + w.y),
                                                    moving: Direction(rawValue: dir)!) else { continue }
                        cost += extra
                    }
                    let q = tiles.index(qx, qy)
                    let isGoal = q == goalCell
                    if fl & ObstacleMap.Flag.reserved != 0 && !isGoal && !passPorts { continue }
                    if dir != arrived { cost += bend }
                    if fl & ObstacleMap.Flag.text != 0 { cost += PathSearch.textCost }
                    let horizontal = dir & 1 == 1
                    let along = fl & (horizontal ? ObstacleMap.Flag.horizontal : ObstacleMap.Flag.vertical)
                    let across = fl & (horizontal ? ObstacleMap.Flag.vertical : ObstacleMap.Flag.horizontal)
                    if along != 0 { cost += PathSearch.overlapCost }
                    if across != 0 { cost += PathSearch.crossCost }
                    if isGoal && dir != headDir.rawValue { cost += bend }
                    let ns = q * 4 + dir
                    let ng = gs + cost
                    guard ng < Int32(costMask) else { continue } // too dear to be worth a line
                    let ni = slot(ns)
                    let seen = read(ni)
                    if isCurrent(seen) && (seen & closedBit != 0 || Int32(seen & costMask) <= ng) { continue }
                    write(ni, stamped | UInt32(arrived) << PathSearch.cameShift | UInt32(ng))
                    queue.push(state: Int32(ns), f: ng + estimate(qx, qy))
                }
            }
        }}}}
        expansions += expanded
        return found >= 0 ? path(to: found, from: startState, window: w, tiles: tiles, sparse: sparse) : nil
    }

    /// The path's vertices (its ends and where it turns) and its length in cells, read back
    /// from the goal: a cell is a vertex where the direction it was entered in differs from the
    /// direction of the step after it.
    private func path(to state: Int, from start: Int, window w: Rect, tiles: TiledCells,
                      sparse: Bool) -> FoundPath {
        var vertices: [Point] = []
        var s = state, count = 0, after = -1
        while true {
            let c = s >> 2, dir = s & 3
            if after < 0 || s == start || dir != after {
                vertices.append(Point(x: w.x + tiles.x(c), y: w.y + tiles.y(c)))
            }
            count += 1
            // (A path visits a state at most once: the bound only guards against a bug looping.)
            guard s != start, count <= tiles.count * 4 else { break }
            after = dir
            // One step back against the direction this state was entered in.
            let d = Direction(rawValue: dir)!
            let back = tiles.index(tiles.x(c) - d.dx, tiles.y(c) - d.dy)
            let word = sparse ? table.entries[table.slot(s, stamp: current)].word : scratch.best[s]
            s = back * 4 + Int((word >> PathSearch.cameShift) & 3)
        }
        vertices.reverse()
        return FoundPath(vertices: vertices, count: count)
    }
}

/// A path the search found: see `Route.vertices`.
struct FoundPath {
    var vertices: [Point]
    var count: Int
    /// Every cell, for the few callers that splice paths (a move's patched line).
    var cells: [Point] { Route.cells(along: vertices, count: count) }
}
