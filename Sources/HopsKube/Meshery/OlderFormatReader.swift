import HopsDesign

/// Meshery's older format: a `services:` map whose entries carry the object body in `settings`
/// and Kanvas' drawing in `traits.meshmap` (id, parent, position, edges). Each edge is listed
/// under both of its ends; one link is kept per edge id.
struct OlderFormatReader {
    let document: YamlDocument
    private(set) var issues: [KubeIssue] = []

    init(_ document: YamlDocument) { self.document = document }

    mutating func read(_ top: [String: JSONValue], name fallback: String) -> MesheryDocument {
        var out = MesheryDocument(id: nil, name: top["name"]?.string ?? fallback)
        for (k, v) in top where !["name", "services"].contains(k) { out.kept[k] = v }
        var edgeIDs: Set<String> = []
        // A YAML mapping has no order Hops can rely on here: by key, so imports are stable.
        for (key, v) in (top["services"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            let steps: [YamlDocument.Step] = [.key("services"), .key(key)]
            guard let s = v.object else {
                issues.append(KubeIssue(document.place(at: steps), "is \(v.kindName), not a service entry; skipped"))
                continue
            }
            let meshmap = s.object(at: ["traits", "meshmap"])
            let node = self.node(s, key: key, meshmap: meshmap, steps: steps)
            out.nodes.append(node)
            for (j, e) in (meshmap["edges"]?.array ?? []).enumerated() {
                let data = e.object?["data"]?.object ?? e.object ?? [:]
                guard let source = data["source"]?.string, let target = data["target"]?.string else { continue }
                let id = data["id"]?.string ?? "\(source)>\(target)"
                guard edgeIDs.insert(id).inserted else { continue }
                out.links.append(
                    MesheryLink(
                        id: id, kind: "edge", type: "non-binding", subType: "network", from: source, to: target,
                        label: data["label"]?.string,
                        steps: steps + [.key("traits"), .key("meshmap"), .key("edges"), .index(j)]))
            }
        }
        return out
    }

    private func node(
        _ s: [String: JSONValue], key: String, meshmap: [String: JSONValue],
        steps: [YamlDocument.Step]
    ) -> MesheryNode {
        var kind = s["type"]?.string ?? ""
        let k8s = kind.hasSuffix(".K8s")
        if k8s { kind.removeLast(4) }
        let written = s["name"]?.string ?? key
        // `label` is the name the object was drawn with (Kanvas adds a suffix to `name`), but
        // some files keep the kind there ("Pod"): only a valid Kubernetes name is taken.
        let label = meshmap["label"]?.string ?? ""
        let name = !label.isEmpty && Names.dns(label) == label ? label : written
        var body = s["settings"]?.object ?? [:]
        for field in ["labels", "annotations"] {
            if let v = s[field], v != .null { body.set(v, at: ["metadata", field]) }
        }
        let annotation = meshmap.value(at: ["model-metadata", "isAnnotation"])
        let isAnnotation = annotation?.bool ?? (annotation?.string.map { $0.lowercased() == "true" } ?? false)
        let model = s["model"]?.string ?? (k8s ? "kubernetes" : "")
        var position: (x: Double, y: Double)?
        if let x = meshmap.value(at: ["position", "posX"])?.double,
            let y = meshmap.value(at: ["position", "posY"])?.double
        {
            position = (x, y)
        }
        return MesheryNode(
            id: meshmap["id"]?.string ?? key, kind: kind, apiVersion: s["apiVersion"]?.string ?? "",
            model: model, name: name, displayName: written, configuration: body, position: position,
            isAnnotation: isAnnotation, steps: steps + [.key("settings")], parent: meshmap["parent"]?.string,
            namespace: s["namespace"]?.string)
    }
}
