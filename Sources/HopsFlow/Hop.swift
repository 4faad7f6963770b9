/// Which way a hop travels: the request goes out, the response comes back the same way.
public enum HopDirection: String, Sendable {
    case request, response
}

/// Whether the request got through this hop. Only the last hop of a failed trace is `.failed`.
public enum HopStatus: String, Sendable {
    case ok, failed
}

/// One leg of a request or of its response, between two components. The editor animates hops in
/// order and highlights `to`, so every hop names real component ids; the narration is the one
/// sentence shown beside it, written for someone who is learning Kubernetes.
public struct Hop: Equatable, Sendable {
    /// The component the request (or response) leaves.
    public var from: String
    /// The component it reaches. On a failed hop whose target is unknown this is where it stopped.
    public var to: String
    /// The design connection it travels along, nil when the hop follows no drawn arrow
    /// (a Pod handing over to its container, an Ingress rule with no arrow drawn).
    public var connection: String?
    public var direction: HopDirection
    public var status: HopStatus
    /// One line in plain words: what happened here, or why the request cannot go on.
    public var narration: String
    /// Which Pod replica (1-based) the hop is inside, when it is inside one.
    public var instance: Int?
    /// How many replicas that Pod has, so the UI can say "web-2 of 3".
    public var instanceCount: Int?
    /// The Pod's name in the cluster ("web-5d78c9869d-x7k2p", "db-0") when the hop is inside one.
    public var podName: String?
    /// `kubectl` commands that show the same thing on a real cluster, with the design's names.
    public var kubectl: [String] = []
    /// During a rolling update, which version the container reached runs ("web-app:1.5, the new
    /// version"); nil otherwise.
    public var version: String?

    public init(from: String, to: String, connection: String? = nil, direction: HopDirection = .request,
                status: HopStatus = .ok, narration: String, instance: Int? = nil, instanceCount: Int? = nil,
                podName: String? = nil, kubectl: [String] = []) {
        self.from = from; self.to = to; self.connection = connection; self.direction = direction
        self.status = status; self.narration = narration; self.instance = instance; self.instanceCount = instanceCount
        self.podName = podName; self.kubectl = kubectl
    }
}
