/// What the engine remembers between requests: where each Service's round robin stands, which
/// Pod replicas were deleted (and how many times each slot was replaced, which names the new
/// Pod), the open connections keep-alive reuses and the random generator of `--balance random`.
/// It is a plain value so that the editor owns it (undo, reset) and the engine stays a pure
/// function of design + state.
public struct FlowState: Equatable, Sendable {
    /// Per Service id: the position in its list of Pod replicas where the next pick starts.
    public var roundRobin: [String: Int]
    /// Per Pod id: the replica numbers (1-based) that are down (deleted, not yet replaced).
    public var down: [String: Set<Int>]
    /// Per Pod id and replica number: how many times that copy was replaced. A Deployment's
    /// replacement Pod gets a new name (and IP); a StatefulSet's keeps its name.
    public var generation: [String: [Int: Int]] = [:]
    /// How a Service picks among ready endpoints.
    public var balance: Balance = .roundRobin
    /// The state of the seeded generator used by `.random` (SplitMix64).
    public var seed: UInt64 = 0
    /// Open connections: per "source>Service" key, the endpoint the connection was set up to.
    /// A request sent on the same connection (keep-alive) goes to the same Pod.
    public var open: [String: Endpoint] = [:]
    /// Per Pod id: a rolling update in progress (`:image`), or nil.
    public var rollouts: [String: Rollout] = [:]

    public init() {
        roundRobin = [:]
        down = [:]
    }

    public init(roundRobin: [String: Int], down: [String: Set<Int>]) {
        self.roundRobin = roundRobin
        self.down = down
    }

    /// True when replica `instance` of the Pod has been killed.
    public func isDown(_ pod: String, instance: Int) -> Bool { down[pod]?.contains(instance) ?? false }

    /// Deletes replica `instance` of the Pod, so no new connection goes to it.
    public mutating func kill(_ pod: String, instance: Int) { down[pod, default: []].insert(instance) }

    /// The controller's replacement for replica `instance` is ready: a new Pod in that slot
    /// (its generation goes up, which gives a Deployment's Pod a new name). An empty set is
    /// dropped so states compare equal.
    public mutating func revive(_ pod: String, instance: Int) {
        guard down[pod]?.remove(instance) != nil else { return }
        if down[pod]?.isEmpty == true { down[pod] = nil }
        generation[pod, default: [:]][instance, default: 0] += 1
        open = open.filter { $0.value.pod != pod || $0.value.index != instance }
    }

    /// How many times replica `instance` of the Pod has been replaced.
    public func generation(of pod: String, instance: Int) -> Int { generation[pod]?[instance] ?? 0 }

    /// The next number from the seeded generator (SplitMix64), in 0..<bound.
    mutating func random(below bound: Int) -> Int {
        seed &+= 0x9E37_79B9_7F4A_7C15
        var z = seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(1, bound)))
    }
}

/// How a Service's endpoint is chosen for a new connection.
public enum Balance: String, Sendable, CaseIterable {
    /// Hops' simplification: each endpoint in turn, so every Pod is seen.
    case roundRobin = "round-robin"
    /// What kube-proxy in iptables or nftables mode does: a ready endpoint at random (seeded here).
    case random
}

/// One endpoint a connection was set up to: a replica of a Pod.
public struct Endpoint: Equatable, Sendable {
    public var pod: String
    public var index: Int
}

/// A rolling update of a Pod template (`:image` on a Deployment's container): a new ReplicaSet
/// comes up while the old one scales down. `updated` replicas (the lowest-numbered) already run
/// the new template; the others still run the old one.
public struct Rollout: Equatable, Sendable {
    /// The container whose image changes, and its image before and after.
    public var container: String
    public var oldImage: String
    public var newImage: String
    /// How many replicas run the new template so far.
    public var updated: Int
    /// Milliseconds of app time until the next step of the rollout (a new Pod ready, an old one gone).
    public var nextStepMs: Int

    public init(container: String, oldImage: String, newImage: String, updated: Int, nextStepMs: Int) {
        self.container = container
        self.oldImage = oldImage
        self.newImage = newImage
        self.updated = updated
        self.nextStepMs = nextStepMs
    }

    /// The image replica `index` (1-based) runs for the rollout's container.
    public func image(of index: Int) -> String { index <= updated ? newImage : oldImage }

    /// Kubernetes' defaults for a Deployment's RollingUpdate: maxSurge 25% rounded up (extra Pods
    /// allowed above `replicas`), maxUnavailable 25% rounded down. Hops replaces the Pods in steps
    /// of the surge: each step a new Pod becomes ready and an old one is removed.
    public static func surge(replicas: Int) -> Int { max(1, (replicas + 3) / 4) }
    public static func maxUnavailable(replicas: Int) -> Int { replicas / 4 }
}
