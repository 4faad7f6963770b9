import HopsDesign

/// The rules for one step of a request: given where it is, where it goes next. Each kind with
/// special behaviour (Service, Ingress, Pod) has its own file; every other kind simply sends
/// along its first outgoing traffic connection, and answers when it has none.
struct StepRules {
    let design: any DesignLookup
    /// The request's Host header; nil for a request by IP, which matches only rules without a host.
    let host: String?
    /// The request's path, matched against Ingress rule prefixes.
    let path: String
    /// The port the source dials instead of its arrow's (`hops trace --port`).
    var sourcePort: Int? = nil
    /// The traffic arrow the source sends along instead of its first (the check follows each one).
    var sourceArrow: String? = nil
    /// True when the request goes on connections already open (keep-alive): a Service's
    /// endpoint is the one chosen when the connection opened.
    var sameConnection = false

    func step(_ a: Arrival, _ state: FlowState) -> Step {
        guard let here = design.component(a.at) else {
            return .fail(stop(a.at, "there is no component with the id \"\(SafeText.escape(a.at))\""))
        }
        if !a.isSource, let why = Self.answersNothing(here) {
            return .fail(stop(here.id, "\(Words.name(here)) \(why)"))
        }
        switch here.kind {
        case .service: return service(here, a, state)
        case .ingress: return ingress(here, a, state)
        case .pod: return pod(here, a, state)
        default: return forward(here, a, state)
        }
    }

    /// Why a request that arrives at `c` goes no further and gets no answer, when it cannot: a
    /// component imported as missing, or one that is not a server at all.
    static func answersNothing(_ c: Component) -> String? {
        if c.properties["missing"]?.bool == true {
            return "is not in the input (drawn dashed as missing), so the request has nowhere to go: import the "
                + "manifest that defines it, or add it"
        }
        if c.kind.managesPods {
            return "is a workload that creates Pods; it has no address of its own, so nothing answers a "
                + "request sent to it: send to the Service in front of its Pods"
        }
        guard let what = nature(c) else { return nil }
        return "\(what), not a server: nothing answers a request there; connect to the Service of the app that "
            + "answers instead"
    }

    /// What a kind that neither sends nor answers requests is, said after its name.
    static func nature(_ c: Component) -> String? {
        switch c.kind {
        case .configMap, .secret: "is data that Pods read (mounted as files or as variables)"
        case .pvc: "is a claim on storage (a PersistentVolume) that Pods mount"
        case .namespace: "is a part of the cluster that holds objects"
        case .hpa: "is an object the HPA controller reads to change a workload's replicas"
        case Kind("ServiceAccount"): "is an identity that Pods run as"
        case .note: "is a note on the drawing"
        default: nil
        }
    }

    /// Sends along the first outgoing traffic connection (design order). With none, a source
    /// is a mistake (it never sends anything) and any other component is the end: it answers.
    func forward(_ here: Component, _ a: Arrival, _ state: FlowState, prefix: String = "") -> Step {
        let chosen = a.isSource ? sourceArrow.flatMap { id in
            design.connections(from: here.id).first { $0.id == id && $0.kind == .traffic }
        }.flatMap { c in design.component(c.to).map { (c, $0) } } : nil
        guard let (conn, next) = chosen ?? firstTraffic(from: here.id) else {
            if a.isSource {
                if let what = Self.nature(here) {
                    return .fail(stop(here.id, "\(Words.name(here)) sends no requests: it \(what), not a client; "
                        + "trace from a User, an Ingress or a Service"))
                }
                return .fail(
                    stop(
                        here.id,
                        "\(Words.name(here)) has no outgoing connection: connect it to a Service or Ingress with `c`"))
            }
            return .answer
        }
        // Containers reach each other by localhost only inside one Pod; across Pods a call needs
        // an address, and a Pod's IP changes when it is replaced: that is what a Service is for.
        if here.kind == .container, next.kind == .container, here.parent != next.parent {
            let pod = { (c: Component) in c.parent.flatMap { self.design.component($0) }.map(Words.name) ?? "no Pod" }
            return .fail(failed(here.id, next.id, conn.id,
                "\(Words.name(here)) (in \(pod(here))) cannot call \(Words.name(next)) (in \(pod(next))) directly: "
                + "localhost reaches only the containers of its own Pod, and another Pod's IP changes when it is "
                + "replaced; call it through a Service that selects \(pod(next))"))
        }
        // A Service passes on the caller's connection; anything else opens its own.
        let opens = here.kind != .service
        let port = (a.isSource ? sourcePort : nil) ?? conn.port ?? (opens ? nil : a.servicePort)
        let caller = opens ? here.id : a.caller
        // Containers of one Pod share its network: a call between them stays in the same replica.
        let replica = a.replica.flatMap { r in next.parent == r.pod ? r : nil }
        var sentence = prefix + Calls.sentence(here, next, conn: conn, port: port, replica: replica, design: design)
        if sameConnection, a.isSource, next.kind == .service {
            // Keep-alive: the source opens nothing; it sends again on the connection it has.
            sentence = prefix + "\(Words.name(here)) sends another request on the connection it already has open to "
                + "\(Words.name(next)) (keep-alive): no new connection, so no new choice of Pod"
        }
        if next.kind == .container, let port, !Containers.declares(port, next) {
            sentence += ", but \(Containers.notDeclared(port, in: [next], design: design))"
            return .fail(failed(here.id, next.id, conn.id, sentence))
        }
        var hop = request(here.id, next.id, conn.id, sentence, replica)
        hop.kubectl = Kubectl.call(from: here, to: next, port: port, replica: replica, design: design)
        let arrival = Arrival(at: next.id, via: conn, servicePort: port, caller: caller, replica: replica)
        return .go(hop, arrival, state)
    }

    /// The first traffic connection leaving `id` whose far end exists.
    func firstTraffic(from id: String) -> (Connection, Component)? {
        for c in design.connections(from: id) where c.kind == .traffic {
            if let to = design.component(c.to) { return (c, to) }
        }
        return nil
    }

    /// The first connection of `kind` from one component to another, reported as the hop's arrow.
    func arrow(_ kind: ConnectionKind, from: String, to: String) -> String? {
        design.connections(from: from).first { $0.kind == kind && $0.to == to }?.id
    }

    /// A request hop that went well.
    func request(_ from: String, _ to: String, _ connection: String?, _ narration: String, _ replica: Replica?) -> Hop {
        Hop(
            from: from, to: to, connection: connection, direction: .request, status: .ok, narration: narration,
            instance: replica?.index, instanceCount: replica?.count, podName: replica?.name)
    }

    /// A failed hop that stays on the component where the request stopped.
    func stop(_ id: String, _ why: String, kubectl: [String] = []) -> Hop {
        Hop(from: id, to: id, connection: nil, direction: .request, status: .failed, narration: why, kubectl: kubectl)
    }

    /// A failed hop towards a known target (the Pod that cannot take the request).
    func failed(
        _ from: String, _ to: String, _ connection: String?, _ why: String, count: Int? = nil,
        kubectl: [String] = []
    ) -> Hop {
        Hop(
            from: from, to: to, connection: connection, direction: .request, status: .failed, narration: why,
            instance: nil, instanceCount: count, kubectl: kubectl)
    }
}
