import HopsDesign

/// A Pod is no hop that hands requests on: it is one network namespace with one IP, shared by
/// its containers, and the process listening on the port receives the connection. The step
/// into a container is kept so the drawing shows where the request lands. A Pod drawn without
/// containers behaves like any other box.
extension StepRules {
    func pod(_ pod: Component, _ a: Arrival, _ state: FlowState) -> Step {
        let containers = Containers.of(pod.id, in: design)
        guard let first = containers.first else { return forward(pod, a, state) }
        let replica: Replica
        var lead = ""
        if let r = a.replica, r.pod == pod.id {
            replica = r
        } else {
            switch direct(pod, a, state) {
            case .failure(let r): return .fail(stop(pod.id, r.why, kubectl: Kubectl.pods(pod, design)))
            case .success(let (r, why)):
                replica = r
                lead = why
            }
        }
        var container = first
        var port = first.containerPorts.first
        if let t = a.targetPort, case .number(let n) = t, Containers.listening(on: t, in: pod.id, design: design) == nil,
           let c = Containers.assumedListener(on: n, in: pod.id, design: design) {
            (container, port) = (c, ContainerPort(containerPort: n))
        } else if let t = a.targetPort {
            guard let (c, p) = Containers.listening(on: t, in: pod.id, design: design) else {
                let why: String
                if case .number(let n) = t {
                    why = Containers.notDeclared(n, in: containers, design: design)
                } else {
                    why = "no container in Pod \(replica.name) declares a port named \(SafeText.escape(t.description))"
                }
                return .fail(stop(pod.id, why))
            }
            (container, port) = (c, p)
        } else if let n = a.servicePort {
            guard let c = containers.first(where: { Containers.declares(n, $0) }) else {
                let why = "\(lead)\(Containers.notDeclared(n, in: containers, design: design))"
                return .fail(stop(pod.id, why))
            }
            container = c
            port = c.containerPorts.first { $0.containerPort == n }
        } else if !a.isSource {
            lead += "the arrow names no port, so Hops assumes \(Words.name(first))'s first declared port; "
        }
        let portText = port.map { "port \($0.containerPort)" } ?? "its port"
        let sentence =
            "\(lead)Pod \(replica.name) is one network namespace with one IP, shared by its containers: the "
            + "process listening on \(portText) there, \(Words.name(container)), receives the connection"
        var hop = request(pod.id, container.id, arrow(.traffic, from: pod.id, to: container.id), sentence, replica)
        if let r = state.rollouts[pod.id], r.container == container.name {
            let fresh = replica.index <= r.updated
            hop.version = "\(SafeText.escape(r.image(of: replica.index))), the \(fresh ? "new" : "old") version"
            hop.narration += " (a rolling update is under way: this Pod runs \(hop.version!))"
        }
        hop.kubectl = Kubectl.container(container, pod: pod, port: port?.containerPort, design: design)
        return .go(hop, Arrival(at: container.id, caller: a.caller, targetPort: a.targetPort, replica: replica), state)
    }

    /// An arrow straight to a Pod dials one specific Pod IP: Hops takes the template's first
    /// copy and says so; nothing picks among copies, and readiness does not apply.
    private func direct(_ pod: Component, _ a: Arrival, _ state: FlowState) -> Result<(Replica, String), Refusal> {
        let (count, owner) = Replicas.count(of: pod.id, in: design)
        guard count > 0 else { return .failure(Refusal(Replicas.zeroMessage(pod, owner: owner))) }
        let r = Replica(
            pod: pod.id, index: 1, count: count, name: Replicas.name(pod, index: 1, in: design, state: state))
        if state.isDown(pod.id, instance: 1) {
            return .failure(
                Refusal(
                    "the arrow dials the IP of Pod \(r.name), which was deleted: that IP belongs to no Pod "
                        + "now and the connection fails; its replacement has a new IP: dial a Service, whose "
                        + "endpoints follow the Pods"
                ))
        }
        var why = ""
        if count > 1 && !a.isSource {
            why =
                "the arrow dials one specific Pod IP, \(r.name) (Hops takes the first of \(count)); nothing picks "
                    + "among "
                + "the copies, and a Pod's IP changes when it is replaced (a Service gives one stable address); "
        }
        if !pod.isReady && !a.isSource {
            why +=
                "readiness only decides a Service's endpoints, so this direct connection still reaches the unready "
                    + "Pod; "
        }
        return .success((r, why))
    }
}
