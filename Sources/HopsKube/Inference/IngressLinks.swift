import HopsDesign

/// Ingress → Service for every rule and the default backend (the port by number or name), and
/// Ingress → Secret for `tls.secretName`.
extension Inferrer {
    mutating func linkIngresses() {
        for e in entries where e.kind == .ingress {
            let body = e.object.body
            let ns = e.object.namespaceOrDefault
            let rules = IngressImport.flatten(body.value(at: ["spec", "rules"])?.array ?? []).0
            var backends: [(fields: [String: JSONValue], path: [String], what: String)] = rules.map { r in
                (r.object ?? [:], ["spec", "rules"], "rule \(r.object?["path"]?.string ?? "/")")
            }
            if let d = body.value(at: ["spec", "defaultBackend"])?.object, let b = IngressImport.backend(d) {
                backends.append((b.fields, ["spec", "defaultBackend"], "defaultBackend"))
            }
            for b in backends {
                guard let svc = b.fields["service"]?.string else { continue }
                let port = b.fields["port"]?.int.map { ":\($0)" } ?? b.fields["portName"]?.string.map { ":\($0)" }
                let rule = "\(b.what) → \(svc)\(port ?? "")"
                guard
                    let to = target(
                        "Service", svc, namespace: ns, referencedBy: "Ingress \(e.object.name) \(rule)",
                        at: e.object.place(b.path))
                else { continue }
                connect(e.id, to, .traffic, label: port, rule: rule)
            }
            for (i, t) in (body.value(at: ["spec", "tls"])?.array ?? []).enumerated() {
                guard let secret = t.object?["secretName"]?.string else { continue }
                let place = e.object.place(steps: [.key("spec"), .key("tls"), .index(i), .key("secretName")])
                guard
                    let to = target(
                        "Secret", secret, namespace: ns,
                        referencedBy: "tls.secretName of Ingress \(e.object.name)", at: place)
                else { continue }
                connect(e.id, to, .mounts, label: "tls", rule: "tls.secretName \(secret)")
            }
        }
    }
}
