import HopsDesign

/// Container → Service from environment values that name a Service's address: how a
/// microservice call graph shows without a service mesh, and what lets a trace go past the
/// first hop. A container naming the Service in front of its own Pod is not a call.
extension Inferrer {
    mutating func linkEnvironmentCalls() {
        for e in entries {
            let ns = e.object.namespaceOrDefault
            let selfServices = e.podID.flatMap { selectedBy[$0] } ?? []
            for c in e.containers {
                for (i, env) in (c.body["env"]?.array ?? []).enumerated() {
                    guard let o = env.object, let value = o["value"]?.string else { continue }
                    let name = o["name"]?.string ?? "?"
                    let steps =
                        e.podSpecSteps + [
                            .key(c.list.rawValue), .index(c.index), .key("env"), .index(i), .key("value"),
                        ]
                    for address in EnvAddress.all(in: value) {
                        let space = address.namespace ?? ns
                        let existing = index.id("Service", address.name, namespace: space)
                        guard existing != nil || address.certain, !selfServices.contains(existing ?? "") else {
                            continue
                        }
                        let container = c.body["name"]?.string ?? ""
                        let rule = "env \(name)=\(value) names Service \(address.name)"
                        let by = "named by env \(name) of container \(container) in \(e.object.kind) \(e.object.name)"
                        guard
                            let to = target(
                                "Service", address.name, namespace: space, referencedBy: by,
                                at: e.object.place(steps: steps))
                        else { continue }
                        connect(c.id, to, .traffic, label: address.port.map { ":\($0)" }, rule: rule)
                    }
                }
            }
        }
    }
}
