import HopsDesign

/// One component as one Kubernetes object: the kept manifest, the component's name, kind and
/// namespace, and each modelled field written back from its property.
enum ManifestBuilder {
    static func object(for c: Component, context: inout ExportContext) -> [String: JSONValue]? {
        guard !c.isMissing else { return nil }
        switch c.kind {
        case .user, .note, .container:
            return nil
        case .namespace where c.properties["implied"]?.bool == true:
            return nil
        case .pod where context.isTemplate(c):
            return nil
        case .pvc where c.properties["volumeClaimTemplate"]?.bool == true:
            return nil
        case .box:
            // A box is Kubernetes only when it came from an object Hops does not model.
            guard c.manifest["kind"]?.string != nil, c.manifest["apiVersion"]?.string != nil else { return nil }
            return base(c, kind: c.manifest["kind"]!.string!, context: &context)
        default:
            break
        }
        var o = base(c, kind: c.kind.rawValue, context: &context)
        switch c.kind {
        case .deployment, .statefulSet, .daemonSet, .replicaSet, .job, .cronJob:
            WorkloadExport.fill(&o, workload: c, context: &context)
        case .pod:
            WorkloadExport.fillBarePod(&o, pod: c, context: &context)
        case .service:
            ServiceExport.fill(&o, service: c, context: &context)
        case .ingress:
            ServiceExport.fillIngress(&o, ingress: c, context: &context)
        case .hpa:
            ServiceExport.fillScaler(&o, hpa: c, context: &context)
        case .pvc:
            o.set(c.properties["storage"] ?? (c.manifest.isEmpty ? .string("1Gi") : nil),
                  at: ["spec", "resources", "requests", "storage"])
            if c.manifest.isEmpty { o.set(.array([.string("ReadWriteOnce")]), at: ["spec", "accessModes"]) }
        default:
            break
        }
        return o
    }

    /// apiVersion, kind, metadata.name and the namespace of the box around the component.
    static func base(_ c: Component, kind: String, context: inout ExportContext) -> [String: JSONValue] {
        var o = c.manifest
        o["apiVersion"] = o["apiVersion"] ?? .string(Names.apiVersion(kind))
        o["kind"] = .string(kind)
        let name = Names.object(c.name, kind: c.kind)
        if name != c.name { context.warnRenamed(c, as: name) }
        o.set(.string(name), at: ["metadata", "name"])
        if let box = context.namespaceBox(of: c) {
            let written = o.string(at: ["metadata", "namespace"]) ?? "default"
            // An implied `default` box stands for objects that named no namespace: keep it so.
            if written != box.name { o.set(.string(Names.object(box.name, kind: .namespace)), at: ["metadata", "namespace"]) }
        }
        return o
    }
}
