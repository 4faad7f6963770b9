import HopsDesign

/// A Service is no box a packet passes through: its ClusterIP is a virtual address no process
/// owns. kube-proxy (or the CNI) has written rules on every node, and the node the connection
/// leaves rewrites its destination to one ready endpoint (a Pod IP and the targetPort), chosen
/// once per connection. This step finds the endpoints (selector within the namespace, the port
/// asked for, readiness), picks one and says how a cluster would.
extension StepRules {
    /// Pods a selector that matched nothing names with their labels (the rest are counted).
    static let podsListed = 5

    func service(_ svc: Component, _ a: Arrival, _ state: FlowState) -> Step {
        let name = Words.name(svc)
        let port: ServicePort
        switch servicePort(svc, asked: a.servicePort) {
        case .failure(let r): return .fail(stop(svc.id, r.why, kubectl: Kubectl.service(svc, design)))
        case .success(let p): port = p
        }
        let selector = svc.selector
        guard !selector.isEmpty else { return withoutSelector(svc, a, state) }
        let sel = SafeText.escape(formatLabels(selector))
        let ns = Namespaces.of(svc, in: design)
        let labelled = design.pods(selectedBy: selector)
        let matched = labelled.filter { Namespaces.of($0, in: design) == ns }
        guard !matched.isEmpty else {
            let pods = design.pods(selectedBy: [:])
            return .fail(
                stop(svc.id, noMatch(svc, sel, pods, elsewhere: labelled), kubectl: Kubectl.endpoints(svc, design)))
        }
        let target = port.targetPort
        // A Pod drawn without containers stands for its app as a whole and takes any port; a
        // named targetPort makes an endpoint only of Pods that declare that name.
        let reachable = matched.filter { p in
            guard !Containers.of(p.id, in: design).isEmpty else { return true }
            if Containers.listening(on: target, in: p.id, design: design) != nil { return true }
            guard case .number(let n) = target else { return false }
            return Containers.assumedListener(on: n, in: p.id, design: design) != nil
        }
        guard let t0 = reachable.first else { return .fail(targetMissing(svc, target, matched)) }

        let counts = reachable.map { Replicas.count(of: $0.id, in: design) }
        guard counts.contains(where: { $0.count > 0 }) else {
            let why =
                "\(name) selects Pod template \(SafeText.escape(t0.name)) with \(sel), but "
                + Replicas.zeroMessage(t0, owner: counts[0].owner)
            return .fail(
                failed(
                    svc.id, t0.id, arrow(.selects, from: svc.id, to: t0.id), why, count: 0,
                    kubectl: Kubectl.endpoints(svc, design)))
        }
        var slots: [Replica] = []
        var downs: [String: Set<Int>] = [:]
        for (p, c) in zip(reachable, counts) {
            // Named once chosen: naming every copy of 10,000 replicas on each request is waste.
            slots += (0..<c.count).map { Replica(pod: p.id, index: $0 + 1, count: c.count, name: "") }
            downs[p.id] = Replicas.down(p, count: c.count, state: state)
        }
        let ready = slots.indices.filter { !(downs[slots[$0].pod] ?? []).contains(slots[$0].index) }
        guard !ready.isEmpty else {
            let why =
                "\(name) selects Pods with \(sel), but "
                + Replicas.allDownMessage(reachable, counts: counts.map(\.count), in: design, state: state)
            return .fail(
                failed(
                    svc.id, t0.id, arrow(.selects, from: svc.id, to: t0.id), why, count: slots.count,
                    kubectl: Kubectl.endpoints(svc, design)))
        }
        let (pos, how, after, reused) = choose(svc, slots: slots, ready: ready, caller: a.caller, state: state)
        var r = slots[pos]
        let pod = reachable.first { $0.id == r.pod }!
        r.name = Replicas.name(pod, index: r.index, in: design, state: state)
        if let bad = databaseTrap(svc, pod, r, target, a) { return .fail(bad) }
        let chosen = Replicas.describe(pod, r, in: design, state: state)
        // On a connection kept open nothing is rewritten again: that happened when it opened.
        let sentence = reused
            ? "no process runs for \(name), and nothing is chosen again: the connection is still the one kube-proxy's "
                + "rules rewrote to \(chosen), \(landing(pod, target)), when it opened; the next request on it "
                + "(keep-alive) reaches the same Pod"
            : endpointSentence(
                svc, a, port: port, chosen: chosen,
                landing: landing(pod, target), ready: ready.count, slots: slots, sel: sel, how: how)
        var hop = request(svc.id, pod.id, arrow(.selects, from: svc.id, to: pod.id), sentence, r)
        if a.servicePort == nil {
            hop.narration += "; the connection names no port, so Hops assumes the Service's only one, \(port.port)"
        }
        if let ro = state.rollouts[pod.id] {
            let (new, old) = (ro.updated, r.count - ro.updated)
            hop.narration += new == 0 || old == 0
                ? "; a rolling update is under way (\(new) new, \(old) old Pods ready), so only the "
                    + "\(new == 0 ? "old" : "new") version answers for now"
                : "; a rolling update is under way, so the endpoints are Pods of both ReplicaSets (\(new) "
                    + "new, \(old) old) and either version may answer"
        }
        hop.kubectl = Kubectl.endpoints(svc, design)
        return .go(hop, Arrival(at: pod.id, caller: a.caller, targetPort: target, replica: r), after)
    }

    /// The Service port the connection dials. A port the Service does not list fails, as a
    /// cluster refuses it; with no port on the arrow Hops assumes the only one (and says so).
    private func servicePort(_ svc: Component, asked: Int?) -> Result<ServicePort, Refusal> {
        let ports = svc.servicePorts
        let name = Words.name(svc)
        let list = Words.list(ports.map { String($0.port) })
        guard !ports.isEmpty else {
            return .failure(
                Refusal("\(name) lists no ports, so no connection to it can be made: add a port (e on the Service)"))
        }
        if let asked {
            if let p = ports.first(where: { $0.port == asked }) { return .success(p) }
            return .failure(
                Refusal(
                    "\(name) has no port \(asked); it listens on \(list), so the connection is refused: "
                        + "dial \(ports.count == 1 ? "port \(list)" : "one of these") or add port \(asked) to the "
                        + "Service"
                ))
        }
        if ports.count == 1 { return .success(ports[0]) }
        return .failure(
            Refusal(
                "the connection to \(name) names no port and the Service has several (\(list)): "
                    + "set the arrow's port to the one it dials"))
    }

    /// A Service without a selector gets no EndpointSlices from Kubernetes: only hand-written
    /// ones give it endpoints. A traffic arrow from it stands for those.
    private func withoutSelector(_ svc: Component, _ a: Arrival, _ state: FlowState) -> Step {
        let name = Words.name(svc)
        if let (_, next) = firstTraffic(from: svc.id) {
            let lead =
                "\(name) has no selector, so Kubernetes makes no EndpointSlices for it; its arrow stands for "
                + "EndpointSlices written by hand that point at \(Words.name(next)): "
            return forward(svc, a, state, prefix: lead)
        }
        let example =
            design.pods(selectedBy: [:]).lazy.map(\.labels).first { !$0.isEmpty }.map(formatLabels)
            ?? "app=web"
        let why =
            "\(name) has no selector, so Kubernetes makes no EndpointSlices for it and it has no endpoints "
            + "(none are written by hand in this design); the connection is refused: give it a selector that matches "
            + "the Pods' labels, such as \(SafeText.escape(example))"
        return .fail(stop(svc.id, why, kubectl: Kubectl.endpoints(svc, design)))
    }

    /// Picks the endpoint: the Pod an open connection already goes to (keep-alive), else a new
    /// choice, in turn or at random as the state says. An Ingress controller balances per request.
    private func choose(
        _ svc: Component, slots: [Replica], ready: [Int], caller: String?,
        state: FlowState
    ) -> (Int, String, FlowState, reused: Bool) {
        var after = state
        let key = "\(caller ?? "")>\(svc.id)"
        let viaIngress = caller.flatMap { design.component($0) }?.kind == .ingress
        if sameConnection, !viaIngress, let open = state.open[key],
            let pos = ready.first(where: { slots[$0].pod == open.pod && slots[$0].index == open.index })
        {
            return (pos, "", after, true) // (the Service hop then says it: see `service`)
        }
        let pos: Int
        let how: String
        switch state.balance {
        case .roundRobin:
            let start = ((state.roundRobin[svc.id] ?? 0) % slots.count + slots.count) % slots.count
            pos = (0..<slots.count).map { (start + $0) % slots.count }.first { ready.contains($0) }!
            after.roundRobin[svc.id] = (pos + 1) % slots.count
            how =
                viaIngress
                ? "the controller takes the endpoints in turn, per request"
                : "Hops takes the endpoints in turn so each is seen (a simplification: kube-proxy in iptables or "
                    + "nftables "
                    + "mode picks a ready endpoint at random, IPVS round robin per node); the choice holds for the "
                    + "whole connection"
        case .random:
            pos = ready[after.random(below: ready.count)]
            how =
                viaIngress
                ? "the controller picks per request (seeded random here)"
                : "kube-proxy picks a ready endpoint at random (iptables or nftables mode; seeded here), once for "
                    + "the whole connection"
        }
        if !viaIngress { after.open[key] = Endpoint(pod: slots[pos].pod, index: slots[pos].index) }
        return (pos, how, after, false)
    }

    /// The Service hop's sentence: who rewrites the connection, to which Pod, and why that one.
    private func endpointSentence(
        _ svc: Component, _ a: Arrival, port: ServicePort, chosen: String, landing: String,
        ready: Int, slots: [Replica], sel: String, how: String
    ) -> String {
        let name = Words.name(svc)
        let pods = "\(name)'s EndpointSlices list \(Words.count(ready, "ready Pod")) with \(sel)"
        let notReady = slots.count - ready
        let skipped = notReady > 0 ? " (\(notReady) not ready or deleted, so left out)" : ""
        if let c = a.caller.flatMap({ design.component($0) }), c.kind == .ingress {
            return "\(Words.name(c))'s controller does not use the ClusterIP: it reads \(name)'s EndpointSlices "
                + "(\(Words.count(ready, "ready Pod")) with \(sel)\(skipped)) and proxies straight to a Pod IP, "
                + "\(chosen), "
                + "\(landing); \(how)"
        }
        // From outside, a NodePort or LoadBalancer Service is dialled at a node's nodePort: that
        // node's rules rewrite it (there is no sending node in the cluster).
        if let c = a.caller.flatMap({ design.component($0) }), c.kind == .user,
           ["NodePort", "LoadBalancer"].contains(svc.serviceType ?? "ClusterIP") {
            return
                "no process runs for \(name): kube-proxy's rules on the node that took the connection rewrite its "
                + "destination from that node's nodePort (for Service port \(port.port)) to a ready endpoint, "
                + "\(chosen), \(landing); \(pods)\(skipped); \(how)"
        }
        return
            "no process runs for \(name): kube-proxy's rules on the sending node rewrite the connection's destination "
            + "from the Service address (port \(port.port)) to a ready endpoint, \(chosen), \(landing); "
            + "\(pods)\(skipped); \(how)"
    }

    /// "port 8080, where container app listens", or what happens when the Pod has no container drawn.
    private func landing(_ pod: Component, _ target: PortRef) -> String {
        guard !Containers.of(pod.id, in: design).isEmpty else {
            return "port \(SafeText.escape(target.description)) (the Pod has no containers drawn)"
        }
        guard let (c, p) = Containers.listening(on: target, in: pod.id, design: design) else {
            if case .number(let n) = target, let c = Containers.assumedListener(on: n, in: pod.id, design: design) {
                return Containers.assumedText(n, c)
            }
            return "port \(target)"
        }
        return "\(Containers.portText(target, p)), where \(Words.name(c)) listens"
    }

    /// No container declares the targetPort: a number may still be listened on (containerPort is
    /// only declared), a name makes no endpoint at all.
    private func targetMissing(_ svc: Component, _ target: PortRef, _ matched: [Component]) -> Hop {
        let pod = matched[0]
        let exposed = Containers.exposed(in: matched.map(\.id), design: design)
        let why: String
        switch target {
        case .name(let s):
            let n = SafeText.escape(s)
            why =
                "\(Words.name(svc))'s targetPort \(n) names a port no container in Pod \(SafeText.escape(pod.name)) "
                    + "declares "
                + "(\(exposed)), so Kubernetes lists no endpoint for these Pods and the connection is refused: name "
                + "the "
                + "app's containerPort \(n), or set targetPort to its number"
        case .number(let n):
            why =
                "\(Words.name(svc)) forwards to targetPort \(n), but no container declares port \(n) in Pod "
                + "\(SafeText.escape(pod.name)) (\(exposed)): if nothing listens there the connection is refused; set "
                + "targetPort to the port the app listens on"
        }
        return failed(
            svc.id, pod.id, arrow(.selects, from: svc.id, to: pod.id), why, kubectl: Kubectl.endpoints(svc, design))
    }

    /// A targetPort that lands on the Pod's database container while the Pod also has an app, for
    /// a request from a User or through an Ingress (HTTP from outside): the connection reaches the
    /// database, which does not speak HTTP. A Service in front of a database for clients in the
    /// cluster (a mysql Service for its StatefulSet, with a backup sidecar beside it) is no trap.
    private func databaseTrap(_ svc: Component, _ pod: Component, _ r: Replica, _ target: PortRef, _ a: Arrival) -> Hop?
    {
        guard let caller = a.caller.flatMap({ design.component($0) }), [.user, .ingress].contains(caller.kind),
            let (c, p) = Containers.listening(on: target, in: pod.id, design: design), Containers.isDatabase(c),
            let app = Containers.of(pod.id, in: design).first(where: {
                !Containers.isDatabase($0) && !$0.containerPorts.isEmpty
            })
        else { return nil }
        let appPort = app.containerPorts[0].containerPort
        let why =
            "\(Words.name(svc))'s targetPort \(SafeText.escape(target.description)) is port \(p.containerPort) of Pod "
            + "\(r.name), where \(Words.name(c)) (\(SafeText.escape(c.image ?? "a database"))) listens: the "
            + "connection reaches "
            + "the database, not the app; it does not speak the caller's protocol and drops the request: set "
            + "targetPort "
            + "to \(appPort) (\(Words.name(app)))"
        var hop = failed(svc.id, pod.id, arrow(.selects, from: svc.id, to: pod.id), why, count: r.count)
        hop.instance = r.index
        hop.podName = r.name
        return hop
    }

    /// Why the selector matched nothing: the labels the Pods do have, and Pods with these labels in
    /// another namespace (a selector reaches only its own).
    private func noMatch(_ svc: Component, _ sel: String, _ pods: [Component], elsewhere: [Component]) -> String {
        let name = Words.name(svc)
        let ns = SafeText.escape(Namespaces.of(svc, in: design))
        if let other = elsewhere.first {
            let theirs = SafeText.escape(Namespaces.of(other, in: design))
            return
                "\(name) in namespace \(ns) looks for Pods with \(sel); Pod \(SafeText.escape(other.name)) has these "
                    + "labels "
                + "but lives in namespace \(theirs), and a selector matches only Pods in its own namespace, so the "
                + "Service "
                + "has no endpoints and the connection is refused: put the Service in namespace \(theirs) (callers "
                + "then dial "
                + "\(SafeText.escape(svc.name)).\(theirs))"
        }
        guard !pods.isEmpty else {
            return
                "\(name) looks for Pods with \(sel), but the design has no Pod: add a Pod labelled \(sel) (inside a "
                    + "Deployment for replicas)"
        }
        // A few Pods say what labels look like; a big design's thousands would make one hop's
        // line longer than any screen.
        var have = pods.prefix(StepRules.podsListed).map { p in
            "\(SafeText.escape(p.name)) (\(p.labels.isEmpty ? "no labels" : SafeText.escape(formatLabels(p.labels))))"
        }
        if pods.count > StepRules.podsListed { have.append(Words.count(pods.count - have.count, "other Pod")) }
        return
            "\(name) looks for Pods with \(sel), but no Pod has these labels (the Pods have: "
                + "\(have.joined(separator: ", "))), "
            + "so it has no endpoints and the connection is refused: change the Service's selector or a Pod's labels "
            + "so they match"
    }
}

/// Why a connection is refused, as a value a `Result` can carry.
struct Refusal: Error {
    let why: String
    init(_ why: String) { self.why = why }
}
