import HopsDesign

/// Objects into components. Each kind puts the fields Hops models (and the editor edits) in
/// typed properties and everything else in `manifest`: the object without its name, its kind
/// and those modelled fields, so that export can put the object back together unchanged.
enum ComponentImport {
    static func make(_ o: KubeObject, ids: inout ComponentIDs, namespaced: Bool) -> Imported {
        let prefix = namespaced ? o.namespaceOrDefault : ""
        switch o.kind {
        case _ where WorkloadShape.templatePath(o.kind) != nil:
            return WorkloadImport.make(o, ids: &ids, prefix: prefix)
        case "Service":
            return simple(
                o, .service, ids: &ids, prefix: prefix,
                modelled: [
                    ("type", ["spec", "type"]), ("selector", ["spec", "selector"]), ("ports", ["spec", "ports"]),
                ])
        case "Ingress":
            return IngressImport.make(o, ids: &ids, prefix: prefix)
        case "HorizontalPodAutoscaler":
            return simple(
                o, .hpa, ids: &ids, prefix: prefix,
                modelled: [
                    ("minReplicas", ["spec", "minReplicas"]), ("maxReplicas", ["spec", "maxReplicas"]),
                ])
        case "PersistentVolumeClaim":
            return simple(o, .pvc, ids: &ids, prefix: prefix, modelled: storage)
        case "ConfigMap": return simple(o, .configMap, ids: &ids, prefix: prefix)
        case "Secret": return simple(o, .secret, ids: &ids, prefix: prefix)
        case "ServiceAccount": return simple(o, .serviceAccount, ids: &ids, prefix: prefix)
        case "Namespace": return simple(o, .namespace, ids: &ids, prefix: "")
        default: return generic(o, ids: &ids, prefix: prefix)
        }
    }

    /// Where a PVC (or a claim template) asks for its size.
    static let storage: [(String, [String])] = [("storage", ["spec", "resources", "requests", "storage"])]

    /// Property name and object path of each modelled field; the rest goes to `manifest`.
    static func simple(
        _ o: KubeObject, _ kind: Kind, ids: inout ComponentIDs, prefix: String,
        modelled: [(String, [String])] = []
    ) -> Imported {
        let id = ids.make(ComponentIDs.tag(kind), prefix, o.name)
        var (props, manifest) = split(o.body, modelled: modelled)
        manifest["kind"] = nil
        props["manifest"] = .object(manifest)
        let c = Component(id: id, kind: kind, name: o.name, properties: props)
        return Imported(entry: Entry(object: o, id: id, kind: kind), components: [c])
    }

    /// Any kind Hops does not model (a CRD, a NetworkPolicy...): a box keeping its whole
    /// object, kind and apiVersion included, so nothing is dropped.
    static func generic(_ o: KubeObject, ids: inout ComponentIDs, prefix: String) -> Imported {
        let id = ids.make(o.kind.lowercased(), prefix, o.name)
        var manifest = o.body
        manifest.set(nil, at: ["metadata", "name"])
        let c = Component(id: id, kind: .box, name: o.name, properties: ["manifest": .object(manifest)])
        return Imported(entry: Entry(object: o, id: id, kind: .box), components: [c])
    }

    /// The modelled fields as properties, and the object without them (and without its name).
    static func split(
        _ body: [String: JSONValue], modelled: [(String, [String])]
    ) -> ([String: JSONValue], [String: JSONValue]) {
        var props: [String: JSONValue] = [:]
        var rest = body
        rest.set(nil, at: ["metadata", "name"])
        for (key, path) in modelled {
            guard let v = body.value(at: path) else { continue }
            props[key] = v
            rest.set(nil, at: path)
        }
        return (props, rest)
    }
}
