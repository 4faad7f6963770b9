import Dispatch
import Synchronization

/// What one thread routing lines needs of its own: search memory, a corridor, and what it counted.
struct RouteWorker {
    var search = PathSearch()
    var corridor = Corridor()
    /// Searches per tier (see `Router.searchesPerTier`).
    var tiers = [0, 0, 0, 0]

    mutating func releaseMemory() { search.releaseMemory() }
}

/// A big design's lines are routed on two cores, in batches: each line of a batch is planned
/// against the map as the batches before it left it, and the batch's lines are then marked (on
/// both threads, each in its own rows of the map). A line does not see the others of its own
/// batch (it may share a little more of their channel than it would have), and nothing depends
/// on which thread planned or marked what, so the drawing is the same on every run and machine.
extension Router {
    /// Lines above which a design is routed in batches; below it, one line after another (a
    /// small design routes in milliseconds either way, and keeps the lines it always had).
    static let batchAbove = 1_000
    /// Lines per batch: enough that both threads stay busy, few enough that a line rarely
    /// misses a neighbour it would have avoided.
    static let batchSize = 64

    func routeAll(_ order: [Int], ports: [Int: (Point?, Point?)]) {
        guard order.count > Router.batchAbove else {
            for e in order { routes[e] = route(e, ports: ports) }
            return
        }
        routeInBatches(order, ports: ports)
    }

    /// Routes `order` in batches of `batchSize`, one after another.
    func routeInBatches(_ order: [Int], ports: [Int: (Point?, Point?)]) {
        var start = 0
        while start < order.count {
            let end = min(order.count, start + Router.batchSize)
            routeBatch(Array(order[start..<end]), ports: ports)
            start = end
        }
    }

    /// Plans `batch` on both threads and marks its lines (see above).
    func routeBatch(_ batch: [Int], ports: [Int: (Point?, Point?)]) {
        let shared = BatchWork(router: self, ports: ports, workers: [worker, helper])
        // The workers are moved out while the batch is planned, so that their memory has one owner.
        worker = RouteWorker(); helper = RouteWorker()
        shared.plan(batch)
        worker = shared.workers[0]; helper = shared.workers[1]
        for (e, r) in zip(batch, shared.planned) { routes[e] = r }
        map.mark(shared.planned.compactMap { $0 }, threads: 2)
    }
}

/// One batch's work, shared by the two threads: each takes the next line from `next` and plans
/// it with its own worker into its own slot of `planned`. Unchecked: the router is only read
/// while a batch is planned, and each slot and worker is written by one thread.
private final class BatchWork: @unchecked Sendable {
    let router: Router
    let ports: [Int: (Point?, Point?)]
    var workers: [RouteWorker]
    var planned: [Route?] = []
    private var batch: [Int] = []

    init(router: Router, ports: [Int: (Point?, Point?)], workers: [RouteWorker]) {
        self.router = router
        self.ports = ports
        self.workers = workers
    }

    func plan(_ edges: [Int]) {
        batch = edges
        planned = Array(repeating: nil, count: edges.count)
        let next = Atomic<Int>(0)
        workers.withUnsafeMutableBufferPointer { workers in
            planned.withUnsafeMutableBufferPointer { planned in
                nonisolated(unsafe) let workers = workers, planned = planned
                DispatchQueue.concurrentPerform(iterations: 2) { t in
                    while true {
                        let k = next.add(1, ordering: .relaxed).oldValue
                        guard k < batch.count else { return }
                        planned[k] = router.plan(batch[k], ports: ports, worker: &workers[t])
                    }
                }
            }
        }
    }
}
