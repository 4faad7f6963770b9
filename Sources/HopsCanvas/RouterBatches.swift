import Dispatch
import Synchronization

/// What one thread routing lines needs of its own: search memory, a corridor, and what it counted.
struct RouteWorker {
    var search = PathSearch()
    var corridor = Corridor()
    /// Searches per tier (see `Router.searchesPerTier`).
    var tiers = [0, 0, 0, 0]

    /// What a worker counted, kept after its memory is let go.
    struct Counts {
        var expansions = 0, coarseExpansions = 0
        var tiers = [0, 0, 0, 0]
    }
    var counts: Counts { Counts(expansions: search.expansions, coarseExpansions: corridor.expansions, tiers: tiers) }
}

/// A big design's lines are routed on two cores, in batches: each line of a batch is planned
/// against the map as the batches before it left it, and the batch's lines are then marked in
/// order. A line does not see the others of its own batch (it may share a little more of their
/// channel than it would have), and nothing depends on which thread planned what, so the drawing
/// is the same on every run and every machine.
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
        let shared = BatchWork(router: self, ports: ports, mine: worker)
        var start = 0
        while start < order.count {
            let batch = order[start..<min(order.count, start + Router.batchSize)]
            shared.plan(Array(batch))
            for (e, r) in zip(batch, shared.planned) {
                routes[e] = r
                if let r { map.mark(r) }
            }
            start = batch.endIndex
        }
        worker = shared.workers[0]
        helped.expansions += shared.workers[1].counts.expansions
        helped.coarseExpansions += shared.workers[1].counts.coarseExpansions
        helped.tiers = zip(helped.tiers, shared.workers[1].tiers).map { $0 + $1 }
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

    init(router: Router, ports: [Int: (Point?, Point?)], mine: RouteWorker) {
        self.router = router
        self.ports = ports
        workers = [mine, RouteWorker()]
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
