import HopsDesign

/// Kubernetes objects into a Hops design: components per object, folding of owned Pods,
/// inferred relationships, Namespace boxes and a reading order.
enum DesignBuilder {
    static func design(named name: String, from objects: [KubeObject]) -> (Design, [KubeIssue]) {
        let built = build(named: name, from: objects)
        return (built.design, built.issues)
    }

    /// The design, the warnings, and which components each object became (for importers that
    /// know more about the objects than the manifests say, such as a Meshery design).
    static func build(named name: String, from objects: [KubeObject])
        -> (design: Design, issues: [KubeIssue], entries: [Entry]) {
        let (folded, podCounts) = Folding.fold(objects)
        let kept = objects.filter { !folded.contains($0.order) }
        let namespaces = Set(kept.filter { !Arrangement.clusterScoped.contains($0.kind) }.map(\.namespaceOrDefault))
        let boxed = namespaces.count > 1

        var ids = ComponentIDs()
        var entries: [Entry] = []
        var components: [Component] = []
        for o in kept {
            var imported = ComponentImport.make(o, ids: &ids, namespaced: boxed)
            if let n = podCounts[o.order], WorkloadShape.hasReplicas(o.kind), imported.components[0].replicas == nil {
                imported.components[0].replicas = n
            }
            entries.append(imported.entry)
            components += imported.components
        }
        var inferrer = Inferrer(entries: entries, ids: ids)
        inferrer.run()
        components += inferrer.missing
        if boxed {
            var namespaceOf: [String: String] = inferrer.missingNamespace
            for e in entries where !Arrangement.clusterScoped.contains(e.object.kind) {
                namespaceOf[e.id] = e.object.namespaceOrDefault
                for claim in e.claims { namespaceOf[claim] = e.object.namespaceOrDefault }
            }
            components = box(components, namespaceOf: namespaceOf, names: namespaces.sorted(), ids: &inferrer.ids)
        }
        let all = Arrangement.ordered(inferrer.users + components)
        return (Design(name: name, components: all, connections: inferrer.connections), inferrer.issues, entries)
    }

    /// Puts every top-level namespaced component into its Namespace's box: the imported
    /// Namespace object when there is one, else a box marked `implied` that export leaves out.
    private static func box(_ components: [Component], namespaceOf: [String: String], names: [String],
                            ids: inout ComponentIDs) -> [Component] {
        var out = components
        var boxID: [String: String] = [:]
        for c in components where c.kind == .namespace && c.parent == nil { boxID[c.name] = boxID[c.name] ?? c.id }
        for name in names where boxID[name] == nil {
            let id = ids.make("ns", name)
            boxID[name] = id
            out.append(Component(id: id, kind: .namespace, name: name, properties: ["implied": .bool(true)]))
        }
        for i in out.indices where out[i].parent == nil {
            guard let ns = namespaceOf[out[i].id], let box = boxID[ns], box != out[i].id else { continue }
            out[i].parent = box
        }
        return out
    }
}
