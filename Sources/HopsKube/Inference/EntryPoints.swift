import HopsDesign

/// A User in front of every Ingress and every LoadBalancer or NodePort Service: where requests
/// come from outside, so `hops trace` and `t` have a source at once.
extension Inferrer {
    mutating func addEntryPoints() {
        for e in entries where e.kind == .ingress {
            let tls = !(e.object.body.value(at: ["spec", "tls"])?.array ?? []).isEmpty
            addUser(for: e, label: tls ? "HTTPS" : "HTTP", rule: "entry point: Ingress \(e.object.name)")
        }
        for e in entries where e.kind == .service {
            let type = e.object.body.string(at: ["spec", "type"]) ?? "ClusterIP"
            guard type == "LoadBalancer" || type == "NodePort" else { continue }
            let port = e.object.body.value(at: ["spec", "ports"])?.array?.first?.object?["port"]?.int
            addUser(
                for: e, label: port.map { ":\($0)" }, rule: "entry point: Service \(e.object.name) has type \(type)")
        }
    }

    private mutating func addUser(for e: Entry, label: String?, rule: String) {
        let id = ids.make("user", e.object.name)
        addUser(Component(id: id, kind: .user, name: "User"))
        connect(id, e.id, .traffic, label: label, rule: rule)
    }
}
