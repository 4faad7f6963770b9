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
    @discardableResult
    public func routePending(expansions budget: Int, near area: Rect? = nil) -> [Int] {
        let start = worker.search.expansions
        var done: [Int] = []
        let spent = { !done.isEmpty && self.worker.search.expansions - start >= budget }
        func take(_ e: Int) {
            routes[e] = route(e, ports: [e: deferred.take(e) ?? (nil, nil)])
            done.append(e)
        }
        if let area {
            let reach = area.insetBy(-Router.margin)
            for e in deferred.waiting where endsBox(e).intersects(reach) {
                if spent() { break }
                take(e)
            }
        }
        while !spent(), let e = deferred.next() { take(e) }
        if isComplete { worker.search.releaseMemory() }
        return done
    }
}
