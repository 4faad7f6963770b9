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
    private let queue = BucketQueue()
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
            // A search on a budget is lazy (see `run`): it claims a state only when it takes it
            // off the queue, so at most one per expansion (and the last pop past the budget).
            table.begin(states: budget + 8)
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
        queue.reset()

        guard let si = map.index(start), let gi = map.index(goal) else { return nil }
        if rule.cost(owner: map.owner[si], at: start, moving: startDir) == nil { return nil }
        if rule.cost(owner: map.owner[gi], at: goal, moving: headDir) == nil { return nil }

        let gx = goal.x - w.x, gy = goal.y - w.y
        // In a corridor the estimate follows the corridor and may be trusted more: lines that
        // share a channel cost 4 a cell, and a weight of 4 would make no progress through them.
        // A bend then costs as much as the weight, or weighted progress would make turning
        // free and the lines would stair-step (measured: 31,000 bends at 1000 components with
        // the plain bend cost, 11,500 with this, for the same time).
        // A search on a budget (a long line's first try, see Router) is weighted as in a corridor.
        let greedy = corridor != nil || budget != Int.max
        let weight = greedy ? PathSearch.corridorWeight : PathSearch.heuristicWeight
        let spec = SearchSpec(
            tiles: tiles, window: w, mapCorner: Point(x: w.x - map.bounds.x, y: w.y - map.bounds.y),
            tileColumns: map.tileColumns, goalCell: tiles.index(gx, gy), headDir: headDir.rawValue,
            bend: greedy ? PathSearch.corridorBendCost : PathSearch.bendCost,
            open: rule.openCanvas, boxesClosed: rule.openCanvas && rule.allowed.isEmpty, passPorts: passPorts,
            stamped: current << PathSearch.stampShift, budget: budget, lazy: budget != Int.max,
            startState: tiles.index(start.x - w.x, start.y - w.y) * 4 + startDir.rawValue)
        let straight = StraightGuide(gx: gx, gy: gy, weight: weight)
        let best = scratch.best, table = self.table, stamp = current
        let (found, expanded) = map.owner.withUnsafeBufferPointer { owner in
            map.flags.withUnsafeBufferPointer { flags in
                // The four loops: each store with each guide.
                func run<G: SearchGuide>(_ guide: G) -> (Int, Int) {
                    sparse ? PathSearch.run(spec, store: table.store(stamp: stamp), guide: guide, queue: queue,
                                            owner: owner, flags: flags, rule: rule)
                           : PathSearch.run(spec, store: DenseStore(best: best), guide: guide, queue: queue,
                                            owner: owner, flags: flags, rule: rule)
                }
                guard let corridor else { return run(straight) }
                return corridor.marks.withUnsafeBufferPointer { marks in
                    corridor.distance.withUnsafeBufferPointer { distance in
                        run(CorridorGuide(gx: gx, gy: gy, weight: weight, marks: marks, mark: corridor.stamp,
                                          distance: distance, blockColumns: corridor.columns,
                                          ox: spec.mapCorner.x, oy: spec.mapCorner.y))
                    }
                }
            }
        }
        expansions += expanded
        return found >= 0 ? path(to: found, from: spec.startState, window: w, tiles: tiles, sparse: sparse) : nil
    }

    /// What one search's loop needs besides its store and guide, fixed before it starts.
    struct SearchSpec {
        let tiles: TiledCells
        let window: Rect
        /// The window's corner in the obstacle map's coordinates.
        let mapCorner: Point
        let tileColumns: Int
        let goalCell: Int
        let headDir: Int
        let bend: Int32
        /// Free canvas is open; and no box is (a line between two top-level boxes).
        let open: Bool, boxesClosed: Bool
        let passPorts: Bool
        let stamped: UInt32
        let budget: Int
        /// States are looked up when taken off the queue, not when queued (see `run`).
        let lazy: Bool
        let startState: Int
    }

    /// The search's loop: expands states cheapest first from the start until it takes the goal
    /// off the queue. Returns the goal's state (-1 when not reached) and the states expanded.
    /// (Arithmetic wraps: the window's coordinates and costs are far from any bound.)
    ///
    /// A lazy search (one on a budget: a long line's first try) queues a neighbour with its cost
    /// and way back, without looking it up, and records it when it first comes off the queue:
    /// that entry is its cheapest (its estimate is the same for every entry of one state). A
    /// greedy search leaves most of the neighbours it queues unexpanded, so this looks up about
    /// one state per expansion rather than four (the lookups in the budgeted search's table
    /// were its dearest loads), and the table holds only what was expanded, so it stays small.
    /// The price is a queue entry for each way a state was reached.
    @inline(__always)
    private static func run<Store: StateStore, Guide: SearchGuide>(
        _ spec: SearchSpec, store: Store, guide: Guide, queue: BucketQueue,
        owner: UnsafeBufferPointer<Int32>, flags: UnsafeBufferPointer<UInt8>, rule: Passage
    ) -> (found: Int, expanded: Int) {
        let tiles = spec.tiles, ww = spec.window.width, wh = spec.window.height
        let ox = spec.mapCorner.x, oy = spec.mapCorner.y, tileColumns = spec.tileColumns
        let goalCell = spec.goalCell, bend = spec.bend, open = spec.open, boxesClosed = spec.boxesClosed
        let passPorts = spec.passPorts, stamped = spec.stamped, budget = spec.budget, headDir = spec.headDir
        let costMask = PathSearch.costMask, closedBit = PathSearch.closedBit
        let stampShift = PathSearch.stampShift, current = stamped >> stampShift, lazy = spec.lazy
        if !lazy { store.set(store.place(spec.startState), stamped) }
        let startCell = spec.startState >> 2
        queue.push(state: Int32(truncatingIfNeeded: spec.startState),
                   f: guide.estimate(tiles.x(startCell), tiles.y(startCell)))
        var expanded = 0
        while let (state, _, carried) = queue.pop() {
            let s = Int(state)
            let si = store.place(s)
            var word = store.word(at: si)
            // Expanded already (this entry was queued before a cheaper way to the state was
            // found, and that one came off the queue first: its priority is lower). States are
            // never reopened: the estimates along a corridor are not consistent, and reopening
            // let one search expand millions.
            // (A lazy search's dense words may be another search's: only this one's stamp counts.)
            guard word & closedBit == 0 || lazy && word >> stampShift != current else { continue }
            if lazy { word = stamped | carried }
            store.set(si, word | closedBit)
            expanded &+= 1
            if expanded > budget { break }
            let cell = s >> 2
            if cell == goalCell { return (s, expanded) }
            let lx = tiles.x(cell), ly = tiles.y(cell)
            let gs = Int32(truncatingIfNeeded: word & costMask)
            let arrived = s & 3
            // One step to the neighbour `dir` (0 up, 1 right, 2 down, 3 left) at (qx, qy); written
            // once and called with each direction as a constant, so each call is its own code.
            @inline(__always) func step(_ dir: Int, _ qx: Int, _ qy: Int) {
                guard qx >= 0, qy >= 0, qx < ww, qy < wh, guide.allows(qx, qy) else { return }
                let mi = ObstacleMap.cell(qx &+ ox, qy &+ oy, tileColumns: tileColumns)
                let fl = flags[mi]
                var cost: Int32 = 1
                if fl & ObstacleMap.Flag.boxed != 0 || !open {
                    // A line between two top-level boxes enters no box: no need to ask whose.
                    if boxesClosed { return }
                    guard let extra = rule.cost(owner: owner[mi],
                                                at: Point(x: qx &+ spec.window.x, y: qy &+ spec.window.y),
                                                moving: Direction(rawValue: dir)!) else { return }
                    cost &+= extra
                }
                let q = tiles.index(qx, qy)
                let isGoal = q == goalCell
                if fl & ObstacleMap.Flag.reserved != 0 && !isGoal && !passPorts { return }
                if dir != arrived { cost &+= bend }
                if fl & ObstacleMap.Flag.text != 0 { cost &+= PathSearch.textCost }
                let horizontal = dir & 1 == 1
                let along = fl & (horizontal ? ObstacleMap.Flag.horizontal : ObstacleMap.Flag.vertical)
                let across = fl & (horizontal ? ObstacleMap.Flag.vertical : ObstacleMap.Flag.horizontal)
                if along != 0 { cost &+= PathSearch.overlapCost }
                if across != 0 { cost &+= PathSearch.crossCost }
                if isGoal && dir != headDir { cost &+= bend }
                let ns = q &* 4 &+ dir
                let ng = gs &+ cost
                guard ng < Int32(costMask) else { return } // too dear to be worth a line
                let came = UInt32(arrived) << PathSearch.cameShift | UInt32(ng)
                if lazy {
                    queue.push(state: Int32(truncatingIfNeeded: ns), f: ng &+ guide.estimate(qx, qy), carried: came)
                    return
                }
                let ni = store.place(ns)
                let seen = store.word(at: ni)
                if seen >> stampShift == current && (seen & closedBit != 0 || Int32(seen & costMask) <= ng) {
                    return
                }
                store.set(ni, stamped | came)
                queue.push(state: Int32(truncatingIfNeeded: ns), f: ng &+ guide.estimate(qx, qy))
            }
            // Never straight back the way it came.
            if arrived != 2 { step(0, lx, ly &- 1) }
            if arrived != 3 { step(1, lx &+ 1, ly) }
            if arrived != 0 { step(2, lx, ly &+ 1) }
            if arrived != 1 { step(3, lx &- 1, ly) }
        }
        return (-1, expanded)
    }

    /// The path's vertices (its ends and where it turns) and its length in cells, read back
    /// from the goal: a cell is a vertex where the direction it was entered in differs from the
    /// direction of the step after it.
    private func path(to state: Int, from start: Int, window w: Rect, tiles: TiledCells,
                      sparse: Bool) -> FoundPath {
        var vertices: [Point] = []
        let table = self.table.store(stamp: current)
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
            let word = sparse ? table.word(at: table.place(s)) : scratch.best[s]
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
