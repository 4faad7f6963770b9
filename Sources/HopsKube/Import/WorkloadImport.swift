import HopsDesign

/// A workload becomes three levels, as Hops draws them: the controller (replicas, selector),
/// its Pod template inside it (labels), and the containers inside the Pod (image, ports). A bare
/// Pod is the last two. A StatefulSet's volumeClaimTemplates become claims beside it.
enum WorkloadImport {
    static func make(_ o: KubeObject, ids: inout ComponentIDs, prefix: String) -> Imported {
        let kind = Kind(o.kind)
        let paths = WorkloadShape.podPaths(o.kind)!
        var modelled: [(String, [String])] = [("labels", paths.labels)]
        if WorkloadShape.hasReplicas(o.kind) { modelled.append(("replicas", ["spec", "replicas"])) }
        if WorkloadShape.hasSelector(o.kind) { modelled.append(("selector", ["spec", "selector", "matchLabels"])) }
        var (props, manifest) = ComponentImport.split(o.body, modelled: modelled)
        manifest["kind"] = nil
        for list in WorkloadShape.containerLists { manifest.set(nil, at: paths.spec + [list.rawValue]) }
        let claimTemplates =
            o.kind == "StatefulSet" ? (o.body.value(at: ["spec", "volumeClaimTemplates"])?.array ?? []) : []
        if !claimTemplates.isEmpty { manifest.set(nil, at: ["spec", "volumeClaimTemplates"]) }

        var components: [Component] = []
        let podLabels = props.removeValue(forKey: "labels")
        let ownID: String
        let podID: String
        if o.kind == "Pod" {
            podID = ids.make("pod", prefix, o.name)
            ownID = podID
            var podProps = props
            podProps["labels"] = podLabels
            podProps["manifest"] = .object(manifest)
            components.append(Component(id: podID, kind: .pod, name: o.name, properties: podProps))
        } else {
            ownID = ids.make(ComponentIDs.tag(kind), prefix, o.name)
            props["manifest"] = .object(manifest)
            components.append(Component(id: ownID, kind: kind, name: o.name, properties: props))
            podID = ids.make("pod", prefix, o.name)
            let podProps: [String: JSONValue] = podLabels.map { ["labels": $0] } ?? [:]
            components.append(Component(id: podID, kind: .pod, name: o.name, parent: ownID, properties: podProps))
        }
        var entry = Entry(object: o, id: ownID, kind: o.kind == "Pod" ? .pod : kind, podID: podID)
        for list in WorkloadShape.containerLists {
            for (i, value) in (o.body.value(at: paths.spec + [list.rawValue])?.array ?? []).enumerated() {
                guard let body = value.object else { continue }
                let name = body["name"]?.string ?? ""
                let id = ids.make("ctr", prefix, o.name, name)
                components.append(container(body, id: id, name: name, pod: podID, list: list))
                entry.containers.append(Entry.ContainerRef(list: list, index: i, id: id, body: body))
            }
        }
        for template in claimTemplates {
            guard let t = template.object else { continue }
            let c = claim(t, owner: o, ids: &ids, prefix: prefix)
            components.append(c)
            entry.claims.append(c.id)
        }
        return Imported(entry: entry, components: components)
    }

    static func container(
        _ body: [String: JSONValue], id: String, name: String, pod: String,
        list: WorkloadShape.ContainerList
    ) -> Component {
        var props: [String: JSONValue] = [:]
        var rest = body
        for key in ["name", "image", "ports"] { rest[key] = nil }
        props["image"] = body["image"]
        props["ports"] = body["ports"]
        props["containerType"] = list.propertyValue.map { .string($0) }
        if !rest.isEmpty { props["manifest"] = .object(rest) }
        return Component(id: id, kind: .container, name: name, parent: pod, properties: props)
    }

    /// A claim template as a PVC component marked `volumeClaimTemplate`; export puts it back
    /// into its StatefulSet (the one it is connected from) instead of writing it alone.
    static func claim(_ t: [String: JSONValue], owner: KubeObject, ids: inout ComponentIDs, prefix: String) -> Component
    {
        let name = t.string(at: ["metadata", "name"]) ?? "data"
        var (props, manifest) = ComponentImport.split(t, modelled: ComponentImport.storage)
        props["volumeClaimTemplate"] = .bool(true)
        if !manifest.isEmpty { props["manifest"] = .object(manifest) }
        let id = ids.make("pvc", prefix, name, owner.name)
        return Component(id: id, kind: .pvc, name: name, properties: props)
    }
}
