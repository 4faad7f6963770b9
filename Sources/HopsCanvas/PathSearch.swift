/// A* over (cell, direction of arrival) states inside a window of the obstacle map.
/// Scratch arrays are kept between searches and invalidated by a stamp, so a search costs
/// what it explores, not the window's size.
struct PathSearch {
    private var g: [Int32] = []
    private var parent: [Int32] = []
    private var stamp: [UInt32] = []
    private var current: UInt32 = 0
    private var heap: [UInt64] = []
    /// States taken off the heap over all searches: what routing costs.
    private(set) var expansions = 0

    static let bendCost: Int32 = 3
    static let overlapCost: Int32 = 3
    static let crossCost: Int32 = 0
    /// The heuristic counts double (weighted A*): a path at most a little longer than the
    /// shortest, found with a fraction of the expansions in open canvas.
    static let heuristicWeight: Int32 = 4

    mutating func find(map: ObstacleMap, rule: Passage, window w: Rect, start: Point, startDir: Direction,
                       goal: Point, headDir: Direction) -> [Point]? {
        guard w.contains(start), w.contains(goal), !w.isEmpty else { return nil }
        let states = w.width * w.height * 4
        guard states < (1 << 24) else { return nil }
        if stamp.count < states {
            g = Array(repeating: 0, count: states)
            parent = Array(repeating: -1, count: states)
            stamp = Array(repeating: 0, count: states)
            current = 0
        }
        current &+= 1
        if current == 0 { for i in stamp.indices { stamp[i] = 0 }; current = 1 }
        heap.removeAll(keepingCapacity: true)

        guard let si = map.index(start), let gi = map.index(goal) else { return nil }
        if rule.cost(owner: map.owner[si], at: start, moving: startDir) == nil { return nil }
        if rule.cost(owner: map.owner[gi], at: goal, moving: headDir) == nil { return nil }

        @inline(__always) func local(_ p: Point) -> Int { (p.y - w.y) * w.width + (p.x - w.x) }
        let startState = local(start) * 4 + startDir.rawValue
        stamp[startState] = current; g[startState] = 0; parent[startState] = -1
        push(f: PathSearch.heuristicWeight * Int32(abs(goal.x - start.x) + abs(goal.y - start.y)), g: 0, state: startState)

        while let (state, gs) = pop() {
            guard stamp[state] == current, g[state] == gs else { continue } // stale entry
            expansions += 1
            let cellIndex = state >> 2
            let p = Point(x: w.x + cellIndex % w.width, y: w.y + cellIndex / w.width)
            if p == goal { return path(to: state, window: w) }
            let arrived = Direction(rawValue: state & 3)!
            for dir in Direction.allCases where dir != arrived.opposite {
                let q = Point(x: p.x + dir.dx, y: p.y + dir.dy)
                guard w.contains(q), let mi = map.index(q) else { continue }
                guard let extra = rule.cost(owner: map.owner[mi], at: q, moving: dir) else { continue }
                let isGoal = q == goal
                if map.reserved[mi] > 0 && !isGoal { continue }
                var cost: Int32 = 1 + extra
                if dir != arrived { cost += PathSearch.bendCost }
                if dir.isHorizontal {
                    if map.hUse[mi] > 0 { cost += PathSearch.overlapCost }
                    if map.vUse[mi] > 0 { cost += PathSearch.crossCost }
                } else {
                    if map.vUse[mi] > 0 { cost += PathSearch.overlapCost }
                    if map.hUse[mi] > 0 { cost += PathSearch.crossCost }
                }
                if isGoal && dir != headDir { cost += PathSearch.bendCost }
                let ns = local(q) * 4 + dir.rawValue
                let ng = gs + cost
                if stamp[ns] == current && g[ns] <= ng { continue }
                stamp[ns] = current; g[ns] = ng; parent[ns] = Int32(state)
                push(f: ng + PathSearch.heuristicWeight * Int32(abs(goal.x - q.x) + abs(goal.y - q.y)), g: ng, state: ns)
            }
        }
        return nil
    }

    private func path(to state: Int, window w: Rect) -> [Point] {
        var out: [Point] = []
        var s = state
        while s >= 0 {
            let c = s >> 2
            out.append(Point(x: w.x + c % w.width, y: w.y + c / w.width))
            s = Int(parent[s])
        }
        return out.reversed()
    }

    // A binary min-heap of packed keys: f, then larger g first (goes deeper on ties), then state.
    private mutating func push(f: Int32, g: Int32, state: Int) {
        let key = (UInt64(min(Int(f), 0xFFFFF)) << 44) | (UInt64(0xFFFFF - min(Int(g), 0xFFFFF)) << 24) | UInt64(state)
        heap.append(key)
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if heap[p] <= heap[i] { break }
            heap.swapAt(p, i); i = p
        }
    }

    private mutating func pop() -> (Int, Int32)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            let n = heap.count
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < n && heap[l] < heap[m] { m = l }
                if r < n && heap[r] < heap[m] { m = r }
                if m == i { break }
                heap.swapAt(i, m); i = m
            }
        }
        let state = Int(top & 0xFFFFFF)
        let g = Int32(0xFFFFF - Int((top >> 24) & 0xFFFFF))
        return (state, g)
    }
}
