import HopsDesign

/// An Ingress's rules, flattened to what the flow engine reads (`host`, `path`, `service`,
/// `port`), keeping `pathType` and a port given by name (`portName`) so export can rebuild
/// them. Rules Hops cannot flatten without loss (a resource backend, unknown keys) stay in
/// the manifest as written; the flattened copy is then only for tracing.
enum IngressImport {
    static func make(_ o: KubeObject, ids: inout ComponentIDs, prefix: String) -> Imported {
        var imported = ComponentImport.simple(o, .ingress, ids: &ids, prefix: prefix)
        var c = imported.components[0]
        var manifest = c.properties["manifest"]?.object ?? [:]
        if let rules = o.body.value(at: ["spec", "rules"])?.array {
            let (flat, lossless) = flatten(rules)
            c.properties["rules"] = .array(flat)
            if lossless { manifest.set(nil, at: ["spec", "rules"]) }
        }
        if let d = o.body.value(at: ["spec", "defaultBackend"])?.object {
            if let b = backend(d) {
                c.properties["defaultBackend"] = .object(b.fields)
                if b.lossless { manifest.set(nil, at: ["spec", "defaultBackend"]) }
            }
        }
        c.properties["manifest"] = .object(manifest)
        imported.components[0] = c
        return imported
    }

    /// The flattened rules, and whether they say everything the originals did.
    static func flatten(_ rules: [JSONValue]) -> ([JSONValue], Bool) {
        var out: [JSONValue] = []
        var lossless = true
        for rule in rules {
            guard let r = rule.object else {
                lossless = false
                continue
            }
            if !Set(r.keys).isSubset(of: ["host", "http"]) { lossless = false }
            guard let http = r["http"]?.object else {
                lossless = false
                continue
            }
            if !Set(http.keys).isSubset(of: ["paths"]) { lossless = false }
            for p in http["paths"]?.array ?? [] {
                guard let path = p.object, let b = path["backend"]?.object.flatMap(backend) else {
                    lossless = false
                    continue
                }
                if !Set(path.keys).isSubset(of: ["path", "pathType", "backend"]) { lossless = false }
                lossless = lossless && b.lossless
                var flat = b.fields
                flat["host"] = r["host"]
                flat["path"] = path["path"]
                flat["pathType"] = path["pathType"]
                out.append(.object(flat))
            }
        }
        return (out, lossless)
    }

    /// `service`, and `port` or `portName`, of a backend naming a Service; nil for any other.
    static func backend(_ b: [String: JSONValue]) -> (fields: [String: JSONValue], lossless: Bool)? {
        guard let svc = b["service"]?.object, let name = svc["name"]?.string else { return nil }
        var fields: [String: JSONValue] = ["service": .string(name)]
        var lossless = Set(b.keys) == ["service"] && Set(svc.keys).isSubset(of: ["name", "port"])
        if let port = svc["port"]?.object {
            if let n = port["number"], n.int != nil { fields["port"] = n }
            if let s = port["name"]?.string { fields["portName"] = .string(s) }
            lossless = lossless && port.count == 1 && (fields["port"] != nil || fields["portName"] != nil)
        }
        return (fields, lossless)
    }
}
