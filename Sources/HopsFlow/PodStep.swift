import HopsDesign

/// A Pod hands the request to one of its containers: the one listening on the Service's
/// targetPort, or (when reached without a Service) the one whose port the arrow's label names,
/// else the first. A Pod drawn without containers behaves like any other box.
extension StepRules {
    func pod(_ pod: Component, _ a: Arrival, _ state: FlowState) -> Step {
        let containers = Containers.of(pod.id, in: design)
        guard let first = containers.first else { return forward(pod, a, state) }

        let replica: Replica
        var lead = ""
        if let r = a.replica, r.pod == pod.id {
            replica = r
        } else {
            // Reached directly, not through a Service: the first running copy takes it.
            let (count, owner) = Replicas.count(of: pod.id, in: design)
            guard count > 0 else { return .fail(stop(pod.id, Replicas.zeroMessage(pod, owner: owner))) }
            let down = Replicas.down(pod, count: count, state: state)
            guard let i = (0..<count).map({ $0 + 1 }).first(where: { !down.contains($0) }) else {
                return .fail(stop(pod.id, "Pod \(SafeText.escape(pod.name)): " + Replicas.allDownMessage([pod], counts: [count], in: design)))
            }
            replica = Replica(pod: pod.id, index: i, count: count)
            if a.isSource == false, count > 1 {
                lead = "the request reaches the Pod without a Service, so the first running copy, \(Replicas.describe(pod, replica, in: design)), takes it; "
            }
        }

        var container = first
        var port = first.containerPorts.first
        if let t = a.targetPort {
            guard let (c, p) = Containers.listening(on: t, in: pod.id, design: design) else {
                let why = "no container in Pod \(SafeText.escape(pod.name)) listens on port \(SafeText.escape(t.description)) (\(Containers.exposed(in: [pod.id], design: design))): change the port or add it to a container"
                return .fail(stop(pod.id, why))
            }
            (container, port) = (c, p)
        } else {
            for n in Words.ports(in: a.via?.label) {
                if let (c, p) = Containers.listening(on: .number(n), in: pod.id, design: design) { (container, port) = (c, p); break }
            }
        }
        let instance = Replicas.name(pod, index: replica.index, in: design)
        var sentence = "\(lead)Pod \(instance) hands the request to \(Words.name(container))"
        let portText = Containers.portText(a.targetPort, port)
        if !portText.isEmpty { sentence += " on \(portText)" }
        let hop = request(pod.id, container.id, arrow(.traffic, from: pod.id, to: container.id), sentence, replica)
        return .go(hop, Arrival(at: container.id, targetPort: a.targetPort, replica: replica), state)
    }
}
