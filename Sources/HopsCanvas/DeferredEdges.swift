/// The lines a router leaves for later (`Router.init(scene:first:)`): a big design's first
/// screen is drawn with the lines that may show in it, and the rest are routed a part at a time.
struct DeferredEdges {
    /// Waiting edges in the order they will be routed, the next one last. An edge routed out of
    /// turn (near the view) leaves its place behind: `next()` skips it.
    private var order: [Int] = []
    private var isWaiting: [Bool] = []
    /// The ports each waiting edge was given; a move changes them (Router.move).
    var ports: [Int: (Point?, Point?)] = [:]
    /// How many edges wait.
    private(set) var left = 0
    /// True for a router made to defer lines, even once none wait: it defers again when rebuilt.
    private(set) var isOn = false

    init() {}

    /// `edges` in the order they are to be routed, with the ports the router gave them.
    init(_ edges: [Int], ports all: [Int: (Point?, Point?)], edgeCount: Int) {
        order = edges.reversed()
        isWaiting = Array(repeating: false, count: edgeCount)
        for e in edges { isWaiting[e] = true; ports[e] = all[e] }
        left = edges.count
        isOn = true
    }

    func waits(_ e: Int) -> Bool { isWaiting.indices.contains(e) && isWaiting[e] }

    /// The waiting edges, next first.
    var waiting: [Int] { order.reversed().filter { isWaiting[$0] } }

    /// Takes an edge out of the wait and gives its ports.
    mutating func take(_ e: Int) -> (Point?, Point?)? {
        guard waits(e) else { return nil }
        isWaiting[e] = false
        left -= 1
        if left == 0 { order = [] }
        return ports.removeValue(forKey: e)
    }

    /// The next edge in order, still waiting (it stays waiting until `take`).
    mutating func next() -> Int? {
        while let e = order.last, !isWaiting[e] { order.removeLast() }
        return order.last
    }
}

extension Router {
    /// The rectangle holding both ends' boxes of an edge.
    func endsBox(_ e: Int) -> Rect {
        scene.boxes[scene.edges[e].from].rect.union(scene.boxes[scene.edges[e].to].rect)
    }

    /// Routes edges left pending by `init(scene:first:)`, shortest first, until the searches have
    /// expanded about `budget` states (at least one edge); returns the edges routed. A budget of
    /// work rather than of time, so that what a step does never depends on the machine's speed.
    /// With `near` (the view), the edges that may show there go first.
    ///
    /// The first edge of a call is routed alone (a budget of one routes exactly one), the rest
    /// in batches on both cores (RouterBatches.swift): a call may go past its budget by a batch.
    @discardableResult
    public func routePending(expansions budget: Int, near area: Rect? = nil) -> [Int] {
        let start = expansions
        var done: [Int] = []
        let spent = { !done.isEmpty && self.expansions - start >= budget }
        var near: [Int] = []
        if let area {
            let reach = area.insetBy(-Router.margin)
            near = deferred.waiting.filter { endsBox($0).intersects(reach) }
        }
        var nearNext = 0
        func next() -> Int? {
            while nearNext < near.count {
                let e = near[nearNext]
                nearNext += 1
                if deferred.waits(e) { return e }
            }
            return deferred.next()
        }
        while !spent() {
            var batch: [Int] = [], ports: [Int: (Point?, Point?)] = [:]
            while batch.count < (done.isEmpty ? 1 : Router.batchSize), let e = next() {
                ports[e] = deferred.take(e) ?? (nil, nil)
                batch.append(e)
            }
            if batch.isEmpty { break }
            if batch.count == 1 {
                routes[batch[0]] = route(batch[0], ports: ports)
            } else {
                routeBatch(batch, ports: ports)
            }
            done += batch
        }
        tileIndex?.update(done, routes: routes)
        if isComplete { releaseSearchMemory() }
        return done
    }
}
