/// Orthogonal edge routing on the cell grid: A* over (cell, direction) states minimising length
/// plus a penalty per bend, never entering a box that is not an end of the edge or an ancestor of
/// one, and avoiding other edges' ports and arrowheads. Lines that would run along an earlier edge
/// pay extra, which nudges parallel edges into neighbouring channels.
///
/// Routes are cached: `move(boxes:to:)` re-routes only the edges a move can affect.
public final class Router {
    public private(set) var scene: Scene
    /// One route per scene edge (same index); nil for a self-loop.
    public internal(set) var routes: [Route?]

    var map: ObstacleMap
    /// The search memory, corridor and counts of the thread that owns the router.
    var worker = RouteWorker()
    private var coarse: CoarseMap
    /// Edges incident to each box.
    var incident: [[Int]]
    var ends: [(PortPlan.End, PortPlan.End)] = []
    /// Per edge: how many moves in a row re-routed only its end (see patch).
    private var patches: [UInt8] = []

    static let margin = 6
    /// Where every route of a scene stays: its boxes and a margin around them.
    public static func area(of scene: Scene) -> Rect { scene.bounds.insetBy(-margin) }
    /// How far from moved boxes an edge's old line is kept when only its end is re-routed.
    static let keepDistance = 8
    /// Patched re-routes of one edge before it is routed whole again.
    static let patchLimit = 8
    /// Cells between the ends above which an edge is first routed over blocks (see Corridor).
    static let corridorDistance = 48
    /// States per cell of distance a long edge's first search may expand before a corridor is planned.
    static let quickBudget = 3
    /// Cells above which the global (last) search is not tried.
    static let globalSearchLimit = 60_000

    /// What routing cost so far: searches in a corridor, near the line, over the whole canvas,
    /// and past other lines' ports; and states expanded (for benchmarks and tuning).
    public var searchesPerTier: [Int] { zip(worker.tiers, helper.tiers).map { $0 + $1 } }
    /// The second thread's, while it helps route a big design (see RouterBatches.swift).
    var helper = RouteWorker()
    /// The widest and the tallest box (not necessarily one box), for search windows.
    private var largest = Size.zero
    public var expansions: Int { worker.search.expansions + helper.search.expansions }
    /// Moves that re-routed only the end of an edge (see patch), over all moves.
    public private(set) var patchedRoutes = 0
    /// Blocks the searches over blocks expanded (see Corridor).
    public var coarseExpansions: Int { worker.corridor.expansions + helper.corridor.expansions }

    /// The lines by tile (see RouteTiles): made when first asked for (a frame, a move), then
    /// updated with every line routed again.
    var tileIndex: RouteTiles?
    public var tiles: RouteTiles {
        if let tileIndex { return tileIndex }
        let made = RouteTiles(routes: routes)
        tileIndex = made
        return made
    }

    /// The edges left to route later (see `init(scene:first:)` and DeferredEdges.swift).
    var deferred = DeferredEdges()
    /// True once every edge has its route.
    public var isComplete: Bool { deferred.left == 0 }
    /// Edges still to route.
    public var pendingCount: Int { deferred.left }

    /// Routes every edge of the scene; with `first`, only the edges that may show in that area
    /// (their ends' boxes, widened by a margin, meet it) and leaves the rest to
    /// `routePending(expansions:)`, so that a big design's first screen need not wait for lines
    /// far away. Either way edges are routed shortest first within each group.
    public init(scene: Scene, first area: Rect? = nil) {
        self.scene = scene
        map = ObstacleMap(scene: scene, bounds: Router.area(of: scene))
        coarse = CoarseMap(map: map)
        largest = Router.largest(scene)
        incident = Array(repeating: [], count: scene.boxes.count)
        for (i, e) in scene.edges.enumerated() {
            incident[e.from].append(i)
            if e.to != e.from { incident[e.to].append(i) }
        }
        routes = Array(repeating: nil, count: scene.edges.count)
        patches = Array(repeating: 0, count: scene.edges.count)
        ends = scene.edges.map { PortPlan.sides(scene, from: $0.from, to: $0.to) }
        let all = Array(scene.edges.indices)
        let ports = assignPorts(boxes: Array(scene.boxes.indices))
        // Short edges first: they have the fewest choices, long ones can go around them.
        let lengths = all.map(length)
        var order = all.sorted { lengths[$0] < lengths[$1] }
        if let area {
            let reach = area.insetBy(-Router.margin)
            let later = order.filter { !endsBox($0).intersects(reach) }
            order = order.filter { endsBox($0).intersects(reach) }
            deferred = DeferredEdges(later, ports: ports, edgeCount: scene.edges.count)
        }
        routeAll(order, ports: ports)
        // Routing a whole design searched long edges over much of the canvas; a move searches
        // near the moved box, so keep the memory for what moves need.
        if isComplete { releaseSearchMemory() }
    }

    /// Both threads' search memory, once every line is routed.
    func releaseSearchMemory() {
        worker.releaseMemory()
        helper.releaseMemory()
    }

    static func largest(_ scene: Scene) -> Size {
        Size(width: scene.boxes.map(\.rect.width).max() ?? 0, height: scene.boxes.map(\.rect.height).max() ?? 0)
    }

    private func length(_ e: Int) -> Int {
        let a = scene.boxes[scene.edges[e].from].rect.center, b = scene.boxes[scene.edges[e].to].rect.center
        return abs(a.x - b.x) + abs(a.y - b.y)
    }

    /// Moves boxes (children are not moved implicitly: pass every box whose rectangle changed)
    /// and re-routes the edges that touch them or whose lines now cross them.
    /// Returns the indices of the edges whose routes changed.
    @discardableResult
    public func move(_ newRects: [Int: Rect]) -> Set<Int> {
        var oldArea: Rect? = nil
        for (i, r) in newRects {
            let old = scene.boxes[i].rect
            oldArea = (oldArea ?? old).union(old).union(r)
            scene.boxes[i].rect = r
        }
        guard let dirty = oldArea else { return [] }
        if !map.bounds.contains(dirty.insetBy(-2)) {
            // Moved beyond the mapped area: rebuild everything around the new bounds (a router
            // that deferred lines defers them again, those near the move first).
            let fresh = Router(scene: scene, first: deferred.isOn ? dirty.insetBy(-Router.keepDistance) : nil)
            let changed = Set(scene.edges.indices)
            map = fresh.map; coarse = fresh.coarse; routes = fresh.routes; ends = fresh.ends; patches = fresh.patches
            largest = fresh.largest; deferred = fresh.deferred; worker = fresh.worker
            helper = fresh.helper
            tileIndex = nil
            return changed
        }
        map.repaint(scene: scene, region: dirty)
        coarse.update(map: map, region: dirty)
        for r in newRects.values {
            largest = Size(width: max(largest.width, r.width), height: max(largest.height, r.height))
        }

        let moved = Set(newRects.keys)
        var affected = Set<Int>()
        for b in moved { for e in incident[b] { affected.insert(e) } }
        // Edges whose lines now run through a moved box must go around it.
        // (Only lines listed in the tiles the moved boxes meet are looked at cell by cell.)
        let newRectsList = Array(newRects.values)
        let around = newRectsList.dropFirst().reduce(newRectsList[0]) { $0.union($1) }
        let candidates = tiles.near(around)
        // (Read through a buffer: indexing the router's own array copied every route it looked at.)
        routes.withUnsafeBufferPointer { routes in
            for i in candidates where i < routes.count {
                guard let b = routes[i]?.bounds, b.intersects(around), !affected.contains(i),
                      newRectsList.contains(where: { routes[i]!.crosses($0) }) else { continue }
                affected.insert(i)
            }
        }
        for e in affected {
            if let r = routes[e] { map.unmark(r) }
            ends[e] = PortPlan.sides(scene, from: scene.edges[e].from, to: scene.edges[e].to)
        }
        // Moved boxes get all their ports anew; at the other ends, the moved edges take the free
        // slot nearest their wish and every other edge keeps its port (and its route).
        var ports = assignPorts(boxes: Array(moved))
        for e in affected {
            let edge = scene.edges[e]
            var pair = ports[e] ?? (nil, nil)
            if !moved.contains(edge.from) {
                pair.0 = freePort(at: edge.from, side: ends[e].0.side, toward: edge.to, excluding: affected)
            }
            if !moved.contains(edge.to) {
                pair.1 = freePort(at: edge.to, side: ends[e].1.side, toward: edge.from, excluding: affected)
            }
            ports[e] = pair
        }
        // An edge with one end moved keeps most of its line (see patch); after a few patches it
        // is routed whole again, so that a box dragged far does not trail a line shaped by where
        // it used to be.
        let near = dirty.insetBy(-Router.keepDistance)
        // In a big design the lines routed whole go after the patched ones, in a batch on both
        // cores (a busy box's long lines were most of a key); a small one keeps its order.
        let batched = scene.edges.count > Router.batchAbove
        var whole: [Int] = []
        for e in affected.sorted(by: { length($0) < length($1) }) {
            // Not routed yet: it will be, from where its ends are now.
            if deferred.waits(e) { deferred.ports[e] = ports[e]; continue }
            let edge = scene.edges[e]
            let sourceMoved = moved.contains(edge.from), targetMoved = moved.contains(edge.to)
            if sourceMoved != targetMoved, patches[e] < Router.patchLimit,
               let r = patch(e, ports: ports, near: near, sourceMoved: sourceMoved) {
                patches[e] += 1
                patchedRoutes += 1
                routes[e] = r
            } else {
                patches[e] = 0
                if batched { whole.append(e) } else { routes[e] = route(e, ports: ports) }
            }
        }
        if whole.count > 1 {
            routeInBatches(whole, ports: ports)
        } else if let e = whole.first {
            routes[e] = route(e, ports: ports)
        }
        tileIndex?.update(affected, routes: routes)
        return affected
    }

    /// Where an edge's line must start and end, and what it may pass through.
    private struct Ends {
        var sourcePort: Point, targetPort: Point
        var start: Point, startDir: Direction
        var goal: Point, head: Direction
        var rule: Passage
    }

    private func geometry(_ e: Int, ports: [Int: (Point?, Point?)]) -> Ends? {
        let edge = scene.edges[e]
        guard edge.from != edge.to else { return nil }
        let (se, te) = ends[e]
        let old = currentPorts(e)
        guard let sp = ports[e]?.0 ?? old?.0, let tp = ports[e]?.1 ?? old?.1 else { return nil }
        let startDir = se.inner ? se.side.outward.opposite : se.side.outward
        let endOut = te.inner ? te.side.outward.opposite : te.side.outward
        return Ends(sourcePort: sp, targetPort: tp,
                    start: Point(x: sp.x + startDir.dx, y: sp.y + startDir.dy), startDir: startDir,
                    goal: Point(x: tp.x + endOut.dx, y: tp.y + endOut.dy), head: endOut.opposite,
                    rule: Passage(scene: scene, from: edge.from, to: edge.to))
    }

    /// The first window a search between two cells looks in: around the straight line, wide
    /// enough to get round the biggest box in the way.
    private func window(_ a: Point, _ b: Point) -> Rect {
        let span = Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x) + 1, height: abs(a.y - b.y) + 1)
        let dx = largest.width + Router.margin, dy = largest.height + Router.margin
        let wide = Rect(x: span.x - dx, y: span.y - dy, width: span.width + 2 * dx, height: span.height + 2 * dy)
        return wide.clipped(to: map.bounds)
    }

    /// Routes one edge and marks its line on the map.
    func route(_ e: Int, ports: [Int: (Point?, Point?)]) -> Route? {
        let route = plan(e, ports: ports, worker: &worker)
        if let route { map.mark(route) }
        return route
    }

    /// One edge's line against the map as it is, with `worker`'s search memory: reads the router
    /// and changes nothing of it, so two threads may plan at once (see RouterBatches.swift).
    func plan(_ e: Int, ports: [Int: (Point?, Point?)], worker: inout RouteWorker) -> Route? {
        guard let g = geometry(e, ports: ports) else { return nil }
        let (sp, tp, start, startDir) = (g.sourcePort, g.targetPort, g.start, g.startDir)
        let (goal, head, rule) = (g.goal, g.head, g.rule)

        // A long edge first searches on a budget, then plans a corridor over blocks and searches
        // cells only inside it. Then (short edges, or no corridor) search near the straight line,
        // wide enough to get round the biggest box in the way (a search that fails scans its
        // whole window, so this window must rarely fail); then the whole canvas when it is small
        // enough.
        let first = window(start, goal)
        // One edge's searches differ only in where they look and what they may do.
        func find(in w: Rect, corridor: Corridor? = nil, passPorts: Bool = false, budget: Int = .max) -> FoundPath? {
            worker.search.find(map: map, rule: rule, window: w, start: start, startDir: startDir, goal: goal,
                               headDir: head, corridor: corridor, passPorts: passPorts, budget: budget)
        }
        var cells: FoundPath? = nil
        // (Blocks know open canvas, not the inside of boxes: edges kept inside one box skip it.)
        let distance = abs(start.x - goal.x) + abs(start.y - goal.y)
        if rule.openCanvas, distance >= Router.corridorDistance {
            // Most long lines run down open channels: a search that may expand only a few states
            // per cell of distance finds them without planning a corridor (planning took a sixth
            // of routing 10,000 components; with 3 states a cell, 5% of long lines need one,
            // and the lines have fewer bends); one caught in a pocket gives up early.
            worker.tiers[0] += 1
            cells = find(in: first, budget: Router.quickBudget * distance)
            if cells == nil, worker.corridor.plan(coarse: coarse, bounds: map.bounds, window: first, rule: rule,
                                           start: start, goal: goal) {
                cells = find(in: first, corridor: worker.corridor)
            }
        }
        if cells == nil {
            worker.tiers[1] += 1
            cells = find(in: first)
        }
        if cells == nil, first != map.bounds, map.bounds.width * map.bounds.height <= Router.globalSearchLimit {
            worker.tiers[2] += 1
            cells = find(in: map.bounds)
        }
        if cells == nil {
            // Last resort before a straight line across boxes: pass next to other lines' ports
            // and arrowheads (in a one-cell gap crowded with arrowheads, that is the only way).
            worker.tiers[3] += 1
            cells = find(in: first, passPorts: true)
        }
        if let cells {
            return Route(vertices: cells.vertices, count: cells.count, sourcePort: sp, targetPort: tp,
                         startDirection: startDir, headDirection: head)
        }
        return Route(cells: Router.direct(from: start, to: goal), sourcePort: sp, targetPort: tp,
                     startDirection: startDir, headDirection: head, isDirect: true)
    }

    /// Re-routes only the end of an edge near moved boxes and keeps the rest of its line, in
    /// the spirit of Wybrow et al.'s incremental connector routing: nudging a box one cell should
    /// not send each of its long arrows through a new search across the canvas. The old line is
    /// kept up to the last cell more than `keepDistance` from the moved boxes (`near`); a new
    /// stretch joins it there, in the direction the line ran. Nil when the kept end's port changed
    /// or no such joint exists: the caller then routes the whole edge.
    private func patch(_ e: Int, ports: [Int: (Point?, Point?)], near: Rect, sourceMoved: Bool) -> Route? {
        guard let old = routes[e], !old.isDirect, let g = geometry(e, ports: ports) else { return nil }
        let cells = old.cells
        var path: [Point]
        if sourceMoved {
            guard g.targetPort == old.targetPort, g.head == old.headDirection,
                  let j = cells.lastIndex(where: { near.contains($0) }), j + 1 < cells.count else { return nil }
            let joint = cells[j + 1]
            let along = j + 2 < cells.count ? Router.direction(from: joint, to: cells[j + 2]) : old.headDirection
            guard let fresh = worker.search.find(map: map, rule: g.rule, window: window(g.start, joint), start: g.start,
                                          startDir: g.startDir, goal: joint, headDir: along)?.cells,
                  !Router.overlaps(fresh.dropLast(), cells[(j + 2)...], outside: near) else { return nil }
            path = fresh + cells[(j + 2)...]
        } else {
            guard g.sourcePort == old.sourcePort, g.startDir == old.startDirection,
                  let i = cells.firstIndex(where: { near.contains($0) }), i >= 1 else { return nil }
            let joint = cells[i - 1]
            let along = i >= 2 ? Router.direction(from: cells[i - 2], to: joint) : old.startDirection
            guard let fresh = worker.search.find(map: map, rule: g.rule, window: window(joint, g.goal), start: joint,
                                          startDir: along, goal: g.goal, headDir: g.head)?.cells,
                  !Router.overlaps(fresh.dropFirst(), cells[..<(i - 1)], outside: near) else { return nil }
            path = Array(cells[..<(i - 1)]) + fresh
        }
        let route = Route(cells: path, sourcePort: g.sourcePort, targetPort: g.targetPort, startDirection: g.startDir,
                          headDirection: g.head)
        map.mark(route)
        return route
    }

    /// True when the new stretch of a patched line runs over the part it keeps (the kept part
    /// lies outside `near`, so only new cells outside it need checking): the line would fold
    /// back on itself.
    static func overlaps(_ fresh: ArraySlice<Point>, _ kept: ArraySlice<Point>, outside near: Rect) -> Bool {
        let loose = fresh.filter { !near.contains($0) }
        guard let first = loose.first else { return false }
        // The new stretch is short and the kept line may cross the drawing: hash the stretch,
        // and of the kept cells only those inside its bounds.
        let looseCells = Set(loose)
        let bounds = loose.reduce(Rect(origin: first, size: Size(width: 1, height: 1))) {
            $0.union(Rect(origin: $1, size: Size(width: 1, height: 1)))
        }
        return kept.contains { bounds.contains($0) && looseCells.contains($0) }
    }

    static func direction(from a: Point, to b: Point) -> Direction {
        b.x > a.x ? .right : (b.x < a.x ? .left : (b.y > a.y ? .down : .up))
    }

    /// An L-shaped path, used only when no clean path exists.
    static func direct(from a: Point, to b: Point) -> [Point] {
        var out: [Point] = [a]
        var p = a
        while p.x != b.x { p.x += b.x > p.x ? 1 : -1; out.append(p) }
        while p.y != b.y { p.y += b.y > p.y ? 1 : -1; out.append(p) }
        return out
    }
}
