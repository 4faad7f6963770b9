import HopsDesign

/// The flow engine: what a request does in a design, hop by hop, and the response's way back.
/// Pure and deterministic: the only memory between requests is the `FlowState` passed in and
/// handed back, so the editor can replay, undo and test it without a clock or globals.
public enum FlowEngine {
    /// Traces one request from `source` and returns the trace and the state after it (round robin
    /// advanced, the connection it opened remembered). `host` is the Host header (nil: a request by
    /// IP), `port` replaces the port of the source's arrow, and `sameConnection` sends the request
    /// on the connections the previous one opened (keep-alive), so it reaches the same Pods.
    public static func trace(
        _ design: Design, from source: String, state: FlowState, host: String? = nil,
        path: String = "/", port: Int? = nil, sameConnection: Bool = false
    ) -> (Trace, FlowState) {
        trace(DesignIndex(design), from: source, state: state, host: host, path: path, port: port,
              sameConnection: sameConnection)
    }

    /// The same, in a design indexed once for many requests (`hops check` traces from every
    /// Service, `hops trace --requests` sends one after another).
    public static func trace(
        _ design: DesignIndex, from source: String, state: FlowState, host: String? = nil,
        path: String = "/", port: Int? = nil, sameConnection: Bool = false, arrow: String? = nil
    ) -> (Trace, FlowState) {
        let path = path.isEmpty ? "/" : path
        var rules = StepRules(design: design, host: host, path: path)
        rules.sourcePort = port
        rules.sourceArrow = arrow
        rules.sameConnection = sameConnection
        var walker = Walker(rules: rules, state: state)
        let (answered, failure) = walker.run(from: source)
        guard answered else {
            return (Trace(source: source, hops: walker.hops, succeeded: false, failure: failure, loop: walker.loop),
                    walker.state)
        }
        let back = Responses.back(along: walker.hops, source: source, in: design)
        return (Trace(source: source, hops: walker.hops + back, succeeded: true, failure: nil), walker.state)
    }

    /// The default source: the first User component, else the first component with no incoming traffic connection.
    /// Notes are skipped: they annotate the drawing and never send anything.
    public static func defaultSource(in design: Design) -> String? {
        if let user = design.components.first(where: { $0.kind == .user }) { return user.id }
        let targets = Set(design.connections.filter { $0.kind == .traffic }.map(\.to))
        return design.components.first { $0.kind != .note && !targets.contains($0.id) }?.id
    }

    /// Who a trace from `source` stands for, as narration names it: the component, or "a client
    /// in the cluster that called Service web" for a Service or Pod, which open no connections.
    public static func sourceName(_ source: String, in design: any DesignLookup) -> String {
        Responses.sourceName(source, design)
    }

    /// The container a trace takes to listen on port `n` of a Pod although none declares it (see
    /// `Containers.assumedListener`): what the check warns about.
    public static func assumedListener(on n: Int, in pod: String, design: any DesignLookup) -> Component? {
        Containers.assumedListener(on: n, in: pod, design: design)
    }

    /// Kinds a request can start at without an arrow of their own: a User sends it, an Ingress
    /// routes by its rules, a Service by its selector (as a client in the cluster calls it). A
    /// Pod is reached through its Service, so a request "from" it starts at the User.
    static let entryKinds: [Kind] = [.user, .ingress, .service]

    /// Whether a request can start at a component: one of `entryKinds`, or anything with a
    /// traffic arrow leaving it.
    public static func canSend(from id: String, in design: Design) -> Bool {
        guard let kind = design.component(id)?.kind else { return false }
        return entryKinds.contains(kind) || design.connections.contains { $0.from == id && $0.kind == .traffic }
    }

    /// Where a request into a grouping (a Namespace, a Box) starts: the first User inside it,
    /// else the first Ingress, then Service (the way in from outside comes first), else the
    /// first component with a traffic arrow leaving it. A Pod or a controller is no grouping
    /// here: a request reaches their containers through their Service, from the User.
    public static func entry(inside group: String, in design: Design) -> String? {
        guard let kind = design.component(group)?.kind, kind == .namespace || kind == .box else { return nil }
        let inside = design.descendants(of: group).compactMap { design.component($0) }
        for kind in entryKinds { if let c = inside.first(where: { $0.kind == kind }) { return c.id } }
        let senders = Set(design.connections.lazy.filter { $0.kind == .traffic }.map(\.from))
        return inside.first { senders.contains($0.id) }?.id
    }

    /// Pod instances for a Pod component: count and which are up (for drawing stacked replicas).
    /// `down` holds the 1-based numbers of the replicas that are down; a Pod marked not ready
    /// has all of them down. A component that is not a Pod counts as one instance.
    public static func instances(of podID: String, in design: Design, state: FlowState) -> (count: Int, down: Set<Int>)
    {
        guard let pod = design.component(podID) else { return (0, []) }
        guard pod.kind == .pod else { return (1, []) }
        let count = Replicas.count(of: podID, in: design).count
        return (count, Replicas.down(pod, count: count, state: state))
    }

    /// `instances(of:in:state:)` for every Pod a controller manages (bare Pods are left out),
    /// answered together: what drawing a whole design needs.
    public static func managedInstances(in design: Design, state: FlowState) -> [String: (count: Int, down: Set<Int>)] {
        let lookup = Replicas.Lookup(indexing: design)
        var out: [String: (count: Int, down: Set<Int>)] = [:]
        for pod in design.components where pod.kind == .pod && out[pod.id] == nil {
            let (count, owner) = Replicas.count(of: pod.id, lookup: lookup)
            guard owner != nil else { continue }
            out[pod.id] = (count, Replicas.down(pod, count: count, state: state))
        }
        return out
    }

    /// `instances(of:in:state:)` when a controller manages the Pod, nil for a bare Pod or
    /// another kind: what a Pod's replica strip shows.
    public static func managedInstances(
        of podID: String, in design: Design, state: FlowState
    ) -> (count: Int, down: Set<Int>)? {
        guard let pod = design.component(podID), pod.kind == .pod else { return nil }
        let (count, owner) = Replicas.count(of: podID, in: design)
        guard owner != nil else { return nil }
        return (count, Replicas.down(pod, count: count, state: state))
    }

    /// The name of one running copy of a Pod ("web-5d78c9869d-x7k2p" under a Deployment, "db-0"
    /// under a StatefulSet, "web" when bare), so the editor and CLI speak of Pods the way the
    /// narration does. The state says how often the copy was replaced and whether a rollout runs.
    public static func instanceName(
        of podID: String, index: Int, in design: Design, state: FlowState = FlowState()
    ) -> String? {
        design.component(podID).map { Replicas.name($0, index: index, in: design, state: state) }
    }

    /// True when the container's image is a database (postgres, mysql, redis, ...): what the
    /// narration and the check engine say about state that lives in a Pod.
    public static func looksLikeDatabase(_ container: Component) -> Bool { Containers.isDatabase(container) }

    /// The namespace a component lives in (its Namespace box, else its `namespace`, else default):
    /// a Service selects Pods only in its own.
    public static func namespace(of c: Component, in design: Design) -> String { Namespaces.of(c, in: design) }
}
