import HopsDesign

/// A Service finds its Pods by label selector, skips replicas that are down, takes the next one
/// in round robin (the counter lives in `FlowState`, so it advances across requests) and forwards
/// to the container listening on its targetPort.
extension StepRules {
    func service(_ svc: Component, _ a: Arrival, _ state: FlowState) -> Step {
        let name = Words.name(svc)
        let selector = svc.selector
        let pods = design.components.filter { $0.kind == .pod }
        guard !selector.isEmpty else {
            if firstTraffic(from: svc.id) != nil {
                return forward(svc, a, state, prefix: "\(name) has no selector, so it follows its arrow: ")
            }
            let example = pods.map(\.labels).first { !$0.isEmpty }.map(formatLabels) ?? "app=web"
            return .fail(stop(svc.id, "\(name) has no selector, so it finds no Pods: give it a selector that matches the Pods' labels, such as \(example)"))
        }
        let sel = SafeText.escape(formatLabels(selector))
        let matched = pods.filter { p in selector.allSatisfy { p.labels[$0.key] == $0.value } }
        guard !matched.isEmpty else { return .fail(stop(svc.id, noMatch(name, sel, pods))) }

        let port = servicePort(svc, asked: a.servicePort)
        let target = port?.targetPort
        // A Pod drawn without containers stands for its app as a whole and takes any port.
        let reachable = matched.filter { p in
            guard let t = target, !Containers.of(p.id, in: design).isEmpty else { return true }
            return Containers.listening(on: t, in: p.id, design: design) != nil
        }
        guard let t0 = reachable.first else {
            let pod = matched[0]
            let tp = target.map { "targetPort \(SafeText.escape($0.description))" } ?? "its targetPort"
            let fix: String
            if case .name(let s)? = target { fix = "name a container port \(SafeText.escape(s))" } else { fix = "add containerPort \(target?.description ?? "") to the right container" }
            let why = "\(name) forwards to \(tp), but no container in Pod \(SafeText.escape(pod.name)) listens on it (\(Containers.exposed(in: matched.map(\.id), design: design))): set the Service's targetPort to one of these, or \(fix)"
            return .fail(failed(svc.id, pod.id, arrow(.selects, from: svc.id, to: pod.id), why))
        }

        let counts = reachable.map { Replicas.count(of: $0.id, in: design) }
        guard counts.contains(where: { $0.count > 0 }) else {
            let why = "\(name) matched Pod \(SafeText.escape(t0.name)) with \(sel), but " + Replicas.zeroMessage(t0, owner: counts[0].owner)
            return .fail(failed(svc.id, t0.id, arrow(.selects, from: svc.id, to: t0.id), why, count: 0))
        }
        var slots: [Replica] = []
        var downs: [String: Set<Int>] = [:]
        for (p, c) in zip(reachable, counts) {
            slots += (0..<c.count).map { Replica(pod: p.id, index: $0 + 1, count: c.count) }
            downs[p.id] = Replicas.down(p, count: c.count, state: state)
        }
        let start = ((state.roundRobin[svc.id] ?? 0) % slots.count + slots.count) % slots.count
        let order = (0..<slots.count).map { (start + $0) % slots.count }
        guard let pos = order.first(where: { !(downs[slots[$0].pod] ?? []).contains(slots[$0].index) }) else {
            let why = "\(name) matched Pods with \(sel), but " + Replicas.allDownMessage(reachable, counts: counts.map(\.count), in: design)
            return .fail(failed(svc.id, t0.id, arrow(.selects, from: svc.id, to: t0.id), why, count: slots.count))
        }
        var after = state
        after.roundRobin[svc.id] = (pos + 1) % slots.count

        let r = slots[pos]
        let pod = reachable.first { $0.id == r.pod }!
        var sentence = "\(name) matched \(Words.count(slots.count, "Pod")) with \(sel)"
        let skipped = slots.filter { downs[$0.pod]?.contains($0.index) ?? false }
            .compactMap { s in reachable.first { $0.id == s.pod }.map { Replicas.name($0, index: s.index, in: design) } }
        if !skipped.isEmpty { sentence += "; \(Words.list(skipped)) \(skipped.count == 1 ? "is" : "are") down and skipped" }
        let chosen = Replicas.describe(pod, r, in: design)
        sentence += slots.count > 1 ? "; round robin chose \(chosen)" : "; it goes to \(chosen)"
        sentence += "; " + landing(pod, target)
        let hop = request(svc.id, pod.id, arrow(.selects, from: svc.id, to: pod.id), sentence, r)
        return .go(hop, Arrival(at: pod.id, targetPort: target, replica: r), after)
    }

    /// "forwarding to port 8080 (container app)", or what happens when the Pod has no container
    /// drawn or the Service lists no port.
    private func landing(_ pod: Component, _ target: PortRef?) -> String {
        let containers = Containers.of(pod.id, in: design)
        guard let first = containers.first else { return "the Pod has no containers drawn, so it takes the request itself" }
        guard let t = target else { return "the Service lists no port, so it goes to the first container, \(SafeText.escape(first.name))" }
        guard let (c, p) = Containers.listening(on: t, in: pod.id, design: design) else { return "forwarding to port \(t)" }
        return "forwarding to \(Containers.portText(t, p)) (\(Words.name(c)))"
    }

    /// The Service port the caller asked for (a number in the arrow's label, or the Ingress
    /// rule's port), else the first one; nil when the Service lists no ports.
    private func servicePort(_ svc: Component, asked: Int?) -> ServicePort? {
        let ports = svc.servicePorts
        if let asked, let p = ports.first(where: { $0.port == asked }) { return p }
        return ports.first
    }

    /// Why the selector matched nothing, listing the labels the Pods do have.
    private func noMatch(_ name: String, _ sel: String, _ pods: [Component]) -> String {
        guard !pods.isEmpty else {
            return "\(name) looks for Pods with \(sel), but the design has no Pod: add a Pod labelled \(sel) (inside a Deployment for replicas)"
        }
        let have = pods.map { p in
            "\(SafeText.escape(p.name)) (\(p.labels.isEmpty ? "no labels" : SafeText.escape(formatLabels(p.labels))))"
        }
        return "\(name) looks for Pods with \(sel), but no Pod has these labels (the Pods have: \(have.joined(separator: ", "))): change the Service's selector or a Pod's labels so they match"
    }
}
