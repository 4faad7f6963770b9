/// What the engine remembers between requests: where each Service's round robin stands and which
/// Pod replicas were killed. It is a plain value so that the editor owns it (undo, reset) and the
/// engine stays a pure function of design + state.
public struct FlowState: Equatable, Sendable {
    /// Per Service id: the position in its list of Pod replicas where the next pick starts.
    public var roundRobin: [String: Int]
    /// Per Pod id: the replica numbers (1-based) that are down.
    public var down: [String: Set<Int>]

    public init() { roundRobin = [:]; down = [:] }

    public init(roundRobin: [String: Int], down: [String: Set<Int>]) {
        self.roundRobin = roundRobin; self.down = down
    }

    /// True when replica `instance` of the Pod has been killed.
    public func isDown(_ pod: String, instance: Int) -> Bool { down[pod]?.contains(instance) ?? false }

    /// Kills replica `instance` of the Pod, so round robin skips it.
    public mutating func kill(_ pod: String, instance: Int) { down[pod, default: []].insert(instance) }

    /// Brings replica `instance` of the Pod back; an empty set is dropped so states compare equal.
    public mutating func revive(_ pod: String, instance: Int) {
        down[pod]?.remove(instance)
        if down[pod]?.isEmpty == true { down[pod] = nil }
    }
}
