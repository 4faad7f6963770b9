import HopsDesign

/// Drawn `mounts` arrows written as the Pod spec says them, so what the drawing shows is what the
/// cluster does: a ConfigMap, Secret or PersistentVolumeClaim becomes a volume of the Pod and a
/// volumeMount of its containers (all of them for an arrow from the workload or the Pod, one for
/// an arrow from a container); a StatefulSet's claim template is mounted by the template's name.
/// The arrow's label says how: a path (`/etc/app`) is where it is mounted; `envFrom` or `env`
/// reads a ConfigMap's or Secret's keys as environment variables instead. Without either, Hops
/// picks a path and warns, since the app must read it there. What the kept manifest already says
/// (an imported Pod spec) is left as it is.
enum VolumeExport {
    private struct Mount {
        let target: Component
        /// The container's written name; nil for every container of the Pod.
        let container: String?
        let label: String?
    }

    static func fill(_ o: inout [String: JSONValue], spec: [String], owners: [Component], pod: Component?,
                     context: inout ExportContext) {
        // An arrow to a ServiceAccount (as import draws serviceAccountName) is the identity the Pods run as.
        if o.value(at: spec + ["serviceAccountName"]) == nil, o.value(at: spec + ["serviceAccount"]) == nil,
           let sa = owners.flatMap({ context.outgoing($0.id) }).compactMap({ context.component($0.to) })
               .first(where: { $0.kind == Kind("ServiceAccount") && !$0.isMissing }) {
            o.set(.string(Names.dns(sa.name)), at: spec + ["serviceAccountName"])
        }
        var wanted: [Mount] = []
        for owner in owners {
            for k in context.outgoing(owner.id) where k.kind == .mounts {
                if let t = context.component(k.to) { wanted.append(Mount(target: t, container: nil, label: k.label)) }
            }
        }
        for c in pod.map({ context.children(of: $0.id) }) ?? [] where c.kind == .container && !c.isMissing {
            for k in context.outgoing(c.id) where k.kind == .mounts {
                guard let t = context.component(k.to) else { continue }
                wanted.append(Mount(target: t, container: Names.dns(c.name, dots: false), label: k.label))
            }
        }
        guard !wanted.isEmpty else { return }
        var volumes = o.value(at: spec + ["volumes"])?.array ?? []
        var containers = o.value(at: spec + ["containers"])?.array ?? []
        let templates = Set((o.value(at: ["spec", "volumeClaimTemplates"])?.array ?? []).compactMap {
            $0.object?["metadata"]?.object?["name"]?.string
        })
        let said = o.value(at: spec) ?? .object([:])
        for m in wanted where !m.target.isMissing {
            let ref = Names.dns(m.target.name)
            if m.target.kind != .pvc || !templates.contains(ref), names(said, m.target.kind, ref) { continue }
            let label = m.label?.trimmingCharacters(in: .whitespaces)
            let asEnv = label == "envFrom" || label == "env"
            if asEnv, [.configMap, .secret].contains(m.target.kind) {
                let key = m.target.kind == .configMap ? "configMapRef" : "secretRef"
                for i in containers.indices where m.container == nil || name(containers[i]) == m.container {
                    guard var body = containers[i].object, !reads(body, key: key, ref) else { continue }
                    let from: JSONValue = .object([key: .object(["name": .string(ref)])])
                    body["envFrom"] = .array((body["envFrom"]?.array ?? []) + [from])
                    containers[i] = .object(body)
                }
                continue
            }
            let volumeName: String
            if m.target.kind == .pvc, templates.contains(ref) {
                volumeName = ref // a claim template is mounted by its own name, with no volume entry
            } else {
                guard let source = source(of: m.target, ref) else { continue }
                if let existing = volumes.first(where: { $0.object?[source.key] == source.value }) {
                    volumeName = existing.object?["name"]?.string ?? ref // two arrows to one object
                } else {
                    volumeName = fresh(Names.dns(m.target.name, dots: false), taken: Set(volumes.compactMap(name)))
                    volumes.append(.object(["name": .string(volumeName), source.key: source.value]))
                }
            }
            let chosen = !(label ?? "").hasPrefix("/")
            let path = chosen ? defaultPath(m.target) : label!
            var added = false
            for i in containers.indices where m.container == nil || name(containers[i]) == m.container {
                guard var body = containers[i].object else { continue }
                let mounts = body["volumeMounts"]?.array ?? []
                guard !mounts.contains(where: { $0.object?["name"]?.string == volumeName }) else { continue }
                // A cluster refuses two mounts at one path in a container.
                if let taken = mounts.first(where: { $0.object?["mountPath"]?.string == path }) {
                    context.warn(m.target, "is not mounted in container \(name(containers[i]) ?? "?"): \(path) is "
                                 + "where volume \(taken.object?["name"]?.string ?? "?") is mounted already, and a path "
                                 + "takes one volume; label the arrow with another path")
                    continue
                }
                body["volumeMounts"] = .array(mounts + [.object(["name": .string(volumeName), "mountPath": .string(path)])])
                containers[i] = .object(body)
                added = true
            }
            if added && chosen {
                // Say why the label was not used, when there is one.
                let why = asEnv ? "a PersistentVolumeClaim holds files, not variables, so it "
                    : label.map { !$0.isEmpty ? "the arrow's label \"\(SafeText.escape($0))\" is not a path (one starts "
                        + "with /), so it " : "" } ?? ""
                context.warn(m.target, "\(why)is mounted at \(path), a path Hops chose: label the mounts arrow with "
                             + "the path the app reads (r on the arrow, for example /etc/app)"
                             + (m.target.kind == .pvc ? "" : ", or envFrom for variables"),
                             alike: "chosen-mount-path", says: "are mounted at a path Hops chose")
            }
        }
        o.set(volumes.isEmpty ? nil : .array(volumes), at: spec + ["volumes"])
        o.set(containers.isEmpty ? nil : .array(containers), at: spec + ["containers"])
    }

    /// The volume source that names the object, as the Pod spec writes it.
    private static func source(of c: Component, _ ref: String) -> (key: String, value: JSONValue)? {
        switch c.kind {
        case .configMap: ("configMap", .object(["name": .string(ref)]))
        case .secret: ("secret", .object(["secretName": .string(ref)]))
        case .pvc: ("persistentVolumeClaim", .object(["claimName": .string(ref)]))
        default: nil
        }
    }

    /// Where Hops mounts what an arrow's label does not place: the usual places for each.
    static func defaultPath(_ c: Component) -> String {
        let n = Names.dns(c.name, dots: false)
        switch c.kind {
        case .secret: return "/etc/secrets/\(n)"
        case .pvc: return "/data/\(n)"
        default: return "/etc/\(n)"
        }
    }

    private static func name(_ v: JSONValue) -> String? { v.object?["name"]?.string }

    /// True when the Pod spec already names the object somewhere a Pod uses one (a volume, a
    /// projected source, envFrom, env's valueFrom, imagePullSecrets), as an imported spec does.
    private static func names(_ v: JSONValue, _ kind: Kind, _ ref: String) -> Bool {
        let keys: [(String, String)] = switch kind {
        case .configMap: [("configMap", "name"), ("configMapRef", "name"), ("configMapKeyRef", "name")]
        case .secret: [("secret", "secretName"), ("secret", "name"), ("secretRef", "name"), ("secretKeyRef", "name")]
        case .pvc: [("persistentVolumeClaim", "claimName")]
        default: []
        }
        var stack = [v], seen = 0
        while let x = stack.popLast(), seen < 100_000 {
            seen += 1
            if let o = x.object {
                for (key, field) in keys where o[key]?.object?[field]?.string == ref { return true }
                if kind == .secret, let pulls = o["imagePullSecrets"]?.array,
                   pulls.contains(where: { name($0) == ref }) { return true }
                stack += o.values
            } else if let a = x.array {
                stack += a
            }
        }
        return false
    }

    private static func reads(_ body: [String: JSONValue], key: String, _ ref: String) -> Bool {
        (body["envFrom"]?.array ?? []).contains { $0.object?[key]?.object?["name"]?.string == ref }
    }

    private static func fresh(_ base: String, taken: Set<String>) -> String {
        var n = base, k = 2
        while taken.contains(n) { n = "\(base.prefix(60))-\(k)"; k += 1 }
        return n
    }
}
