import HopsDesign

/// Where the request is now and what earlier hops decided for it. It is the walk's only memory
/// between hops, so each step is a pure function of the design, this and the `FlowState`.
struct Arrival: Equatable {
    /// The component the request has reached.
    var at: String
    /// The connection it came along, nil at the source or after a hand-over without an arrow.
    var via: Connection?
    /// The port the connection dials (the arrow's `port`, the Ingress backend's, or `--port`).
    var servicePort: Int?
    /// The component that opened the connection the request travels on (User, a container,
    /// the Ingress controller): a Service is no process, so the caller stays the same through it.
    var caller: String?
    /// The port a Service forwards to on the Pod: a number or a container port's name.
    var targetPort: PortRef?
    /// The Pod replica the request is inside, so containers of one Pod talk within one replica.
    var replica: Replica?
    /// True at the start: a source with nowhere to send is a mistake, not an answer.
    var isSource = false

    /// What, besides the component pair, decides the next step; used to tell a loop.
    var key: String { "\(servicePort.map(String.init) ?? "")#\(targetPort?.description ?? "")" }
}

/// One running copy of a Pod: which Pod component, which number, out of how many.
struct Replica: Equatable {
    var pod: String
    var index: Int
    var count: Int
    /// The Pod's name in the cluster (see `PodNames`).
    var name: String
}

/// The outcome of one step of the walk.
enum Step {
    /// The request moves on: the hop taken, where it arrives, the state after (round robin).
    case go(Hop, Arrival, FlowState)
    /// The component at hand has nowhere to send: it answers and the response goes back.
    case answer
    /// The request cannot go on; the hop says why.
    case fail(Hop)
}
