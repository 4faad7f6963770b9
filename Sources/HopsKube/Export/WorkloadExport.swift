import HopsDesign

/// Workloads with their Pod template and containers put back together. A design drawn from
/// nothing comes out valid: the selector always matches the template's labels (the labels win
/// when the two disagree, with a warning), and every container has a name.
enum WorkloadExport {
    static func fill(_ o: inout [String: JSONValue], workload c: Component, context: inout ExportContext) {
        let kind = c.kind.rawValue
        guard let paths = WorkloadShape.podPaths(kind) else { return }
        if WorkloadShape.hasReplicas(kind) {
            // An HPA owns the replicas of what it scales: written here too, every `kubectl apply`
            // would set them back to the design's number (the Kubernetes docs say to leave them out).
            let scaler = context.incoming(c.id).first { $0.kind == .manages && context.component($0.from)?.kind == .hpa }
                .flatMap { context.component($0.from) }
            if let hpa = scaler {
                o.set(nil, at: ["spec", "replicas"])
                if c.properties["replicas"] != nil { context.warn(c, "replicas left out: \(hpa.kind.rawValue) "
                             + "\(SafeText.escape(hpa.name)) sets them, and an apply that wrote them would reset what it "
                             + "chose (if it was applied with replicas before, the first apply without them sets 1 once: "
                             + "the Kubernetes docs on migrating to an HPA say how to avoid that)",
                             alike: "replicas-left-to-hpa", says: "have their replicas left to an HPA") }
            } else {
                o.set(c.properties["replicas"], at: ["spec", "replicas"])
            }
        }
        let pod = context.podTemplate(of: c.id)
        var labels = pod?.properties["labels"]?.stringMap ?? [:]
        if WorkloadShape.hasSelector(kind) {
            var selector = c.properties["selector"]?.stringMap ?? [:]
            if labels.isEmpty { labels = selector.isEmpty ? ["app": Names.dns(c.name, max: 63)] : selector }
            if selector.isEmpty || !selector.allSatisfy({ labels[$0.key] == $0.value }) {
                if !selector.isEmpty {
                    context.warn(c, "the selector \(formatLabels(selector)) does not match the Pod labels "
                                 + "\(formatLabels(labels)); written with the Pod labels as selector")
                }
                selector = labels
            }
            o.set(.strings(selector), at: ["spec", "selector", "matchLabels"])
        }
        if let podLabels = pod?.properties["labels"], podLabels.stringMap == labels {
            o.set(podLabels, at: paths.labels)
        } else {
            o.set(labels.isEmpty ? nil : .strings(labels), at: paths.labels)
        }
        if let pod { setContainers(&o, spec: paths.spec, pod: pod, context: &context) } else {
            context.warn(c, "has no Pod inside, so no containers are written")
        }
        if c.manifest.isEmpty, c.kind == .job || c.kind == .cronJob {
            // A Job's Pods must not restart forever, which is the Pod default.
            o.set(.string("OnFailure"), at: paths.spec + ["restartPolicy"])
        }
        if c.kind == .statefulSet { fillStatefulSet(&o, c, context: context) }
        VolumeExport.fill(&o, spec: paths.spec, owners: [c] + (pod.map { [$0] } ?? []), pod: pod, context: &context)
    }

    static func fillBarePod(_ o: inout [String: JSONValue], pod: Component, context: inout ExportContext) {
        o.set(pod.properties["labels"], at: ["metadata", "labels"])
        setContainers(&o, spec: ["spec"], pod: pod, context: &context)
        VolumeExport.fill(&o, spec: ["spec"], owners: [pod], pod: pod, context: &context)
    }

    /// The Pod's Container children, by `containerType`, in design order.
    static func setContainers(_ o: inout [String: JSONValue], spec: [String], pod: Component,
                              context: inout ExportContext) {
        var lists: [WorkloadShape.ContainerList: [JSONValue]] = [:]
        for c in context.children(of: pod.id) where c.kind == .container && !c.isMissing {
            let list = WorkloadShape.ContainerList(propertyValue: c.properties["containerType"]?.string)
            var body = c.manifest
            let name = Names.dns(c.name, dots: false)
            body["name"] = .string(name)
            body["image"] = c.properties["image"]
            body["ports"] = c.properties["ports"]
            if c.image == nil { context.warn(c, "has no image; a cluster will refuse the Pod until it has one") }
            lists[list, default: []].append(.object(body))
        }
        for list in WorkloadShape.containerLists { o.set(lists[list].map(JSONValue.array), at: spec + [list.rawValue]) }
        if lists[.containers] == nil { context.warn(pod, "has no containers; a cluster will refuse it") }
    }

    /// Claim templates back inside their StatefulSet; a drawn one gets a `serviceName`.
    private static func fillStatefulSet(_ o: inout [String: JSONValue], _ c: Component, context: ExportContext) {
        let claims = context.outgoing(c.id).filter { $0.kind == .mounts }.compactMap { context.component($0.to) }
            .filter { $0.kind == .pvc && $0.properties["volumeClaimTemplate"]?.bool == true }
        if !claims.isEmpty {
            o.set(.array(claims.map { claim in
                var t = claim.manifest
                t.set(.string(Names.dns(claim.name)), at: ["metadata", "name"])
                t.set(claim.properties["storage"], at: ["spec", "resources", "requests", "storage"])
                return .object(t)
            }), at: ["spec", "volumeClaimTemplates"])
        }
        if o.string(at: ["spec", "serviceName"]) == nil, c.manifest.isEmpty {
            let svc = context.outgoing(c.id).compactMap { context.component($0.to) }.first { $0.kind == .service }
            o.set(.string(Names.object(svc?.name ?? c.name, kind: .service)), at: ["spec", "serviceName"])
        }
    }
}
