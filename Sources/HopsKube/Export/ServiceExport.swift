import HopsDesign

/// Services, Ingresses and autoscalers written back from their properties.
enum ServiceExport {
    /// A drawn Service connected (`selects`) to Pods whose labels its selector misses gets
    /// those Pods' labels as selector, so that it selects what the drawing shows.
    static func fill(_ o: inout [String: JSONValue], service c: Component, context: inout ExportContext) {
        o.set(c.properties["type"], at: ["spec", "type"])
        o.set(c.properties["ports"], at: ["spec", "ports"])
        var selectorValue = c.properties["selector"]
        let selector = selectorValue?.stringMap ?? [:]
        let pods = context.outgoing(c.id).filter { $0.kind == .selects }.compactMap { context.component($0.to) }
            .filter { $0.kind == .pod }
        if let pod = pods.first {
            let labels = pod.properties["labels"]?.stringMap ?? [:]
            let matches = !selector.isEmpty && pods.contains { p in
                selector.allSatisfy { (p.properties["labels"]?.stringMap ?? [:])[$0.key] == $0.value }
            }
            if !matches, !labels.isEmpty {
                if !selector.isEmpty {
                    context.warn(c, "the selector \(formatLabels(selector)) matches none of the Pods it is drawn to "
                                 + "select; written as \(formatLabels(labels))")
                }
                selectorValue = .strings(labels)
            }
        }
        o.set(selectorValue, at: ["spec", "selector"])
    }

    /// Rules regrouped by host (consecutive paths of one host share a rule), unless the
    /// import kept the original rules because flattening them would lose something.
    static func fillIngress(_ o: inout [String: JSONValue], ingress c: Component, context: inout ExportContext) {
        if o.value(at: ["spec", "rules"]) == nil, let flat = c.properties["rules"]?.array {
            var rules: [[String: JSONValue]] = []
            var lastHost: JSONValue?? = .none
            for r in flat.compactMap(\.object) {
                let b = backend(r, in: context.design)
                var path: [String: JSONValue] = ["backend": b, "pathType": r["pathType"] ?? .string("Prefix")]
                path["path"] = r["path"] ?? (r["pathType"] == nil ? .string("/") : nil)
                if case .some(let h) = lastHost, h == r["host"], !rules.isEmpty {
                    var paths = rules[rules.count - 1].value(at: ["http", "paths"])?.array ?? []
                    paths.append(.object(path))
                    rules[rules.count - 1].set(.array(paths), at: ["http", "paths"])
                } else {
                    var rule: [String: JSONValue] = ["http": .object(["paths": .array([.object(path)])])]
                    rule["host"] = r["host"]
                    rules.append(rule)
                }
                lastHost = .some(r["host"])
            }
            o.set(.array(rules.map(JSONValue.object)), at: ["spec", "rules"])
        }
        if o.value(at: ["spec", "defaultBackend"]) == nil, let d = c.properties["defaultBackend"]?.object {
            o.set(backend(d, in: context.design), at: ["spec", "defaultBackend"])
        }
        // The API server refuses an Ingress with neither rules nor a default backend. Drawn with
        // only an arrow to a Service, it sends everything there (as the trace says): that is
        // a default backend.
        guard (o.value(at: ["spec", "rules"])?.array ?? []).isEmpty, o.value(at: ["spec", "defaultBackend"]) == nil
        else { return }
        let arrows = context.outgoing(c.id).filter { $0.kind == .traffic }
        if let svc = arrows.compactMap({ context.component($0.to) }).first(where: { $0.kind == .service }) {
            var b: [String: JSONValue] = ["service": .string(svc.name)]
            b["port"] = arrows.first { $0.to == svc.id }?.port.map { .integer($0) }
            o.set(backend(b, in: context.design), at: ["spec", "defaultBackend"])
        } else {
            context.warn(c, "has no rules and no default backend, so a cluster refuses it: add a rule (e on the Ingress) "
                         + "or draw an arrow to a Service")
        }
    }

    /// The API server requires a backend's port (a number or a name); a drawn rule that names
    /// none gets the port of the Service it names when that Service has exactly one, which is
    /// the port the trace assumed.
    private static func backend(_ r: [String: JSONValue], in design: Design) -> JSONValue {
        // The name the Service itself is written with (made valid the same way), or the rule
        // would name a Service that is not there, or another one.
        var svc: [String: JSONValue] = ["name": .string(Names.object(r["service"]?.string ?? "", kind: .service))]
        if let n = r["port"] { svc["port"] = .object(["number": n]) }
        if let s = r["portName"] { svc["port"] = .object(["name": s]) }
        // (Only when one Service has that name: in several namespaces it could be another's.)
        let named = design.components.filter { $0.kind == .service && $0.name == r["service"]?.string }
        if svc["port"] == nil, named.count == 1, let target = named.first, target.servicePorts.count == 1 {
            svc["port"] = .object(["number": .integer(target.servicePorts[0].port)])
        }
        return .object(["service": .object(svc)])
    }

    /// min and max replicas; a drawn autoscaler targets the workload it `manages`.
    static func fillScaler(_ o: inout [String: JSONValue], hpa c: Component, context: inout ExportContext) {
        o.set(c.properties["minReplicas"], at: ["spec", "minReplicas"])
        o.set(c.properties["maxReplicas"] ?? .integer(max(1, c.properties["minReplicas"]?.int ?? 1)),
              at: ["spec", "maxReplicas"])
        guard o.value(at: ["spec", "scaleTargetRef"]) == nil else { return }
        let target = context.outgoing(c.id).compactMap { context.component($0.to) }.first { $0.kind.managesPods }
        guard let t = target else {
            context.warn(c, "scales nothing: connect it to a Deployment or StatefulSet")
            return
        }
        o.set(.object(["apiVersion": .string(Names.apiVersion(t.kind.rawValue)), "kind": .string(t.kind.rawValue),
                       "name": .string(Names.dns(t.name))]), at: ["spec", "scaleTargetRef"])
    }
}
