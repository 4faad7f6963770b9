import HopsDesign

/// The way back. A response travels only between the parties that hold a connection: the
/// source, real proxies (an Ingress controller) and the processes that answer (containers, or a
/// Pod drawn without any). A Service is no process and a Pod hands nothing on, so the response
/// goes from the Pod straight back to whoever opened the connection; conntrack on the node that
/// rewrote the request restores the Service address as the reply's source.
enum Responses {
    static func back(along request: [Hop], source: String, in design: any DesignLookup) -> [Hop] {
        // The parties in request order, each with the hop that reached it.
        var parties: [(id: String, reached: Hop?)] = [(source, nil)]
        for h in request where isParty(h.to, design) { parties.append((h.to, h)) }
        var out: [Hop] = []
        for i in stride(from: parties.count - 1, to: 0, by: -1) {
            let (from, to) = (parties[i], parties[i - 1])
            let between = request.firstIndex { $0 == parties[i - 1].reached }.map { $0 + 1 } ?? 0
            let end = request.firstIndex { $0 == from.reached } ?? request.count - 1
            let skipped = Array(request[min(between, end)...end])
            let direct = skipped.count == 1 ? skipped[0].connection : nil
            var hop = Hop(
                from: from.id, to: to.id, connection: direct, direction: .response, status: .ok,
                narration: narration(
                    from.id, to.id, skipped, first: i == parties.count - 1, toReached: to.reached,
                    source: source, design: design),
                instance: from.reached?.instance, instanceCount: from.reached?.instanceCount,
                podName: from.reached?.podName,
                kubectl: design.component(from.id).map { Kubectl.logs($0, design) } ?? [])
            if to.id == source { hop.narration += "; the request is complete" }
            out.append(hop)
        }
        return out
    }

    /// True for a component that holds a connection of its own rather than passing packets on.
    static func isParty(_ id: String, _ design: any DesignLookup) -> Bool {
        guard let c = design.component(id) else { return false }
        if c.kind == .service { return false }
        if c.kind == .pod { return Containers.of(id, in: design).isEmpty }
        return true
    }

    /// One sentence: who answers whom, and what the cluster does to the reply on the way.
    private static func narration(
        _ fromID: String, _ toID: String, _ skipped: [Hop], first: Bool, toReached: Hop?, source: String,
        design: any DesignLookup
    ) -> String {
        var from = name(fromID, skipped.last, design)
        var to = Words.name(toID, in: design)
        // Two containers of the same name in different Pods ("server" answers "server"): say whose.
        if from == to, let a = skipped.last?.podName, let b = toReached?.podName, a != b {
            from += " of Pod \(a)"; to += " of Pod \(b)"
        }
        if let v = skipped.last?.version { from += " (\(v))" }
        let verb = first ? "answers" : "now has what it needed and answers"
        if toID == source, let c = design.component(source), c.kind == .service || c.kind == .pod {
            // A trace from a Service or Pod stands for a client the design does not draw.
            let pod = skipped.last?.podName.map { " from Pod \($0)" } ?? ""
            guard c.kind == .service else {
                return "\(from) \(verb) the client in the cluster that called \(Words.name(c)), on the connection it "
                    + "opened to the Pod's IP"
            }
            return "\(from) \(verb) the client in the cluster that called \(Words.name(c)): the reply goes\(pod) "
                + "straight back to that client, not through \(Words.name(c)); on the client's node conntrack restores "
                + "\(Words.name(c))'s address as the reply's source, so the client sees an answer from the address it "
                + "dialled"
        }
        let services = skipped.map(\.to).compactMap { design.component($0) }.filter { $0.kind == .service }
        guard let svc = services.last else {
            if skipped.count == 1, let r = skipped[0].podName, design.component(toID)?.kind == .container {
                return "\(from) \(verb) \(to) on their localhost connection inside Pod \(r)"
            }
            return "\(from) \(verb) \(to) on the connection \(to) opened"
        }
        let via = Words.name(svc)
        let pod = skipped.last?.podName.map { " from Pod \($0)" } ?? ""
        var s = "\(from) \(verb) \(to): the reply goes\(pod) straight back to \(to), not through \(via)"
        if design.component(toID)?.kind == .ingress {
            return s + " (the controller proxied to the Pod IP, so no Service address is involved)"
        }
        switch svc.serviceType ?? "ClusterIP" {
        case "NodePort" where Calls.localTraffic(svc), "LoadBalancer" where Calls.localTraffic(svc):
            s +=
                "; the Pod runs on the node that took the connection, where conntrack undoes the destination rewrite, "
                + "so \(to) sees the reply come from the address it dialled"
        case "NodePort", "LoadBalancer":
            // The request's source was rewritten to that node, so the reply is not straight back.
            return "\(from) \(verb) \(to): the reply goes\(pod) to the node that took the connection (the request's "
                + "source was rewritten to it), not through \(via); there conntrack undoes the source NAT and the "
                + "destination rewrite and sends it on to \(to), which sees the reply come from the address it dialled"
        default:
            s +=
                "; on the node that rewrote the request, conntrack recognises the connection and restores \(via)'s "
                + "address as the reply's source, so \(to) sees an answer from the address it dialled"
        }
        return s
    }

    /// Who a trace from a Service or a Pod stands for: neither opens connections, so the request
    /// comes from a client in the cluster that the design does not draw.
    static func sourceName(_ source: String, _ design: any DesignLookup) -> String {
        guard let c = design.component(source), c.kind == .service || c.kind == .pod else {
            return Words.name(source, in: design)
        }
        return "the client in the cluster that called \(Words.name(c))"
    }

    /// "container app in Pod web-…": a container is named with its Pod copy when known.
    private static func name(_ id: String, _ reached: Hop?, _ design: any DesignLookup) -> String {
        guard let c = design.component(id) else { return Words.name(id, in: design) }
        if c.kind == .pod, let n = reached?.podName { return "Pod \(n)" }
        return Words.name(c)
    }
}
