import HopsDesign

/// Workload → ConfigMap / Secret / PersistentVolumeClaim through volumes (projected ones too),
/// `envFrom`, `env.valueFrom` and `imagePullSecrets`, across containers, initContainers and
/// ephemeralContainers; workload → ServiceAccount. An absent reference marked `optional: true`
/// is not missing: Kubernetes starts the Pod without it.
extension Inferrer {
    /// One reference found in a Pod spec.
    struct Reference {
        var kind: String
        var name: String
        var optional: Bool
        var why: String
        var steps: [YamlDocument.Step]
    }

    mutating func linkConfiguration() {
        for e in entries where e.podID != nil {
            let ns = e.object.namespaceOrDefault
            for r in references(in: e) {
                let place = e.object.place(steps: e.podSpecSteps + r.steps)
                let by = "\(r.why) of \(e.object.kind) \(e.object.name)"
                guard let to = target(r.kind, r.name, namespace: ns, optional: r.optional, referencedBy: by, at: place)
                else {
                    continue
                }
                let label =
                    r.kind == "ServiceAccount" ? "serviceAccount" : r.why.split(separator: " ").first.map(String.init)
                connect(
                    e.id, to, r.kind == "ServiceAccount" ? .annotation : .mounts, label: label,
                    rule: "\(r.why) names \(r.kind) \(r.name)")
            }
        }
    }

    func references(in e: Entry) -> [Reference] {
        let spec = e.podSpec
        var out: [Reference] = []
        for (i, v) in (spec["volumes"]?.array ?? []).enumerated() {
            guard let vol = v.object else { continue }
            out += volumeReferences(vol, steps: [.key("volumes"), .index(i)])
        }
        for c in e.containers {
            let at: [YamlDocument.Step] = [.key(c.list.rawValue), .index(c.index)]
            for (i, f) in (c.body["envFrom"]?.array ?? []).enumerated() {
                for (key, kind) in [("configMapRef", "ConfigMap"), ("secretRef", "Secret")] {
                    guard let ref = f.object?[key]?.object, let name = ref["name"]?.string else { continue }
                    out.append(
                        Reference(
                            kind: kind, name: name, optional: ref["optional"]?.bool ?? false, why: "envFrom",
                            steps: at + [.key("envFrom"), .index(i)]))
                }
            }
            for (i, env) in (c.body["env"]?.array ?? []).enumerated() {
                for (key, kind) in [("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret")] {
                    guard let ref = env.object?["valueFrom"]?.object?[key]?.object, let name = ref["name"]?.string
                    else { continue }
                    let variable = env.object?["name"]?.string ?? "?"
                    out.append(
                        Reference(
                            kind: kind, name: name, optional: ref["optional"]?.bool ?? false,
                            why: "env \(variable)", steps: at + [.key("env"), .index(i)]))
                }
            }
        }
        for (i, s) in (spec["imagePullSecrets"]?.array ?? []).enumerated() {
            guard let name = s.object?["name"]?.string else { continue }
            out.append(
                Reference(
                    kind: "Secret", name: name, optional: false, why: "imagePullSecrets",
                    steps: [.key("imagePullSecrets"), .index(i)]))
        }
        let saKey = spec["serviceAccountName"] != nil ? "serviceAccountName" : "serviceAccount"
        // Every namespace has a `default` ServiceAccount that manifests never define.
        if let sa = spec[saKey]?.string, sa != "default" {
            out.append(Reference(kind: "ServiceAccount", name: sa, optional: false, why: saKey, steps: [.key(saKey)]))
        }
        return out
    }

    private func volumeReferences(_ vol: [String: JSONValue], steps: [YamlDocument.Step]) -> [Reference] {
        let volume = "volume \(vol["name"]?.string ?? "?")"
        var out: [Reference] = []
        if let cm = vol["configMap"]?.object, let name = cm["name"]?.string {
            out.append(
                Reference(
                    kind: "ConfigMap", name: name, optional: cm["optional"]?.bool ?? false, why: volume, steps: steps))
        }
        if let s = vol["secret"]?.object, let name = s["secretName"]?.string {
            out.append(
                Reference(kind: "Secret", name: name, optional: s["optional"]?.bool ?? false, why: volume, steps: steps)
            )
        }
        if let claim = vol["persistentVolumeClaim"]?.object?["claimName"]?.string {
            out.append(
                Reference(kind: "PersistentVolumeClaim", name: claim, optional: false, why: volume, steps: steps))
        }
        for source in vol["projected"]?.object?["sources"]?.array ?? [] {
            for (key, kind) in [("configMap", "ConfigMap"), ("secret", "Secret")] {
                guard let ref = source.object?[key]?.object, let name = ref["name"]?.string else { continue }
                out.append(
                    Reference(
                        kind: kind, name: name, optional: ref["optional"]?.bool ?? false,
                        why: "projected \(volume)", steps: steps))
            }
        }
        return out
    }
}
