import HopsDesign

/// The JSON of each Meshery component and relationship a Hops design becomes.
extension MesheryWriter {
    func component(
        _ c: Component, id: String, kind: String, apiVersion: String = "core.meshery.io/v1alpha1",
        model: MesheryModels.Model, configuration: [String: JSONValue]
    ) -> JSONValue {
        let core = model == .core
        var styles = MesheryModels.styles(
            kind: kind, model: model,
            shape: core ? MesheryModels.shapeKind(c.kind).shape : MesheryModels.kubernetesShape(kind),
            color: core ? "#00B39F" : "#326CE5")
        if let p = c.position ?? layout[c.id] {
            let px = PixelScale.pixels(p)
            styles["position"] = .object(["x": .double(px.x), "y": .double(px.y)])
        }
        let metadata: [String: JSONValue] = [
            "genealogy": .string(core ? "" : "parent"), "isAnnotation": .bool(core || c.kind == .container),
            "isNamespaced": .bool(!core && !Arrangement.clusterScoped.contains(kind)), "published": false,
            "instanceDetails": .object([:]), "configurationUISchema": "",
        ]
        return .object([
            "id": .string(id), "schemaVersion": "components.meshery.io/v1beta1", "version": "v1.0.0",
            "displayName": .string(Self.displayName(c.name, fallback: kind)), "description": .string(c.text ?? ""),
            "format": "JSON", "model": MesheryModels.definition(model),
            "modelReference": MesheryModels.reference(model),
            "component": .object(["kind": .string(kind), "version": .string(apiVersion), "schema": ""]),
            "configuration": .object(configuration), "metadata": .object(metadata), "styles": .object(styles),
            "capabilities": .array([]), "status": "enabled",
        ])
    }

    /// Meshery's schema wants display names of letters, digits, `_` and `-` (at least two, not
    /// starting with a digit or `-`): other characters become `-`. The name itself stays whole in
    /// `configuration.metadata.name`, which import reads first.
    static func displayName(_ name: String, fallback: String) -> String {
        var out = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "-" })
        if out.isEmpty { out = fallback }
        if let f = out.first, !(f.isLetter || f == "_") { out = "_" + out }
        if let l = out.last, !(l.isLetter || l.isNumber || l == "_") { out += "_" }
        if out.count < 2 { out += "_" }
        return out
    }

    /// Nesting: a container is an alias of its Pod (or of the workload its Pod template is
    /// nested in) at its place in the spec; anything else inside a box is in its inventory.
    mutating func relate(_ c: Component) {
        guard let p = c.parent, !nestedTemplate(c), design.component(p) != nil else { return }
        let mid = mesheryID(c.id)
        if c.kind == .container, let pod = design.component(p), pod.kind == .pod {
            let o = owner(p)
            let ownerKind = o == p ? "Pod" : design.component(o)?.kind.rawValue ?? "Pod"
            let list = WorkloadShape.ContainerList(propertyValue: c.properties["containerType"]?.string)
            let siblings = design.children(of: p).filter {
                $0.kind == .container && !$0.isMissing
                    && WorkloadShape.ContainerList(propertyValue: $0.properties["containerType"]?.string) == list
            }
            let index = siblings.firstIndex { $0.id == c.id } ?? 0
            let path =
                ["configuration"] + (WorkloadShape.podPaths(ownerKind)?.spec ?? ["spec"]) + [list.rawValue, "\(index)"]
            let rid = MesheryUUID.derived(designID, "alias", c.id)
            let parentID = mesheryID(o)
            relationships.append(
                relationship(
                    id: rid, kind: "hierarchical", type: "parent", subType: "alias", from: (mid, "Container"),
                    to: (parentID, ownerKind), model: .core, path: path,
                    description: "container \(c.name) is defined inside the spec of its \(ownerKind)"))
            let refPath: JSONValue = .array(path.map(JSONValue.string))
            // The schema's snake_case keys (Kanvas writes camelCase too; import reads both).
            resolvedAliases[mid] = .object([
                "alias_component_id": .string(mid), "relationship_id": .string(rid),
                "immediate_parent_id": .string(parentID), "immediate_ref_field_path": refPath,
                "resolved_parent_id": .string(parentID), "resolved_ref_field_path": refPath,
            ])
            return
        }
        let o = owner(p)
        guard o != c.id, let parent = design.component(o) else { return }
        relationships.append(
            relationship(
                id: MesheryUUID.derived(designID, "parent", c.id), kind: "hierarchical", type: "parent",
                subType: "inventory", from: (mid, c.kind.rawValue), to: (mesheryID(o), parent.kind.rawValue),
                model: .kubernetes,
                description: "\(c.kind.rawValue) \(c.name) is inside \(parent.kind.rawValue) \(parent.name)"))
    }

    /// An arrow: a Service selecting Pods is Meshery's network edge to their workload; every
    /// other arrow is an annotation edge carrying its label.
    mutating func edge(_ k: Connection) {
        let from = owner(k.from)
        let to = owner(k.to)
        guard from != to, let a = design.component(from), let b = design.component(to) else { return }
        let rid =
            k.extra["meshery"]?.object?["id"]?.string.flatMap { MesheryUUID.isUUID($0) ? $0 : nil }
            ?? MesheryUUID.derived(designID, "connection", k.id)
        let network = k.kind == .selects && a.kind == .service
        hints.connections[rid] = ["id": .string(k.id), "kind": .string(k.kind.rawValue)]
        relationships.append(
            relationship(
                id: rid, kind: "edge", type: "non-binding", subType: network ? "network" : "annotation",
                from: (mesheryID(from), a.kind.rawValue), to: (mesheryID(to), b.kind.rawValue),
                model: network ? .kubernetes : .core, label: k.label,
                description: network
                    ? "Service \(a.name) sends requests to the Pods of \(b.kind.rawValue) \(b.name)"
                    : "\(k.kind.rawValue) arrow drawn in Hops"))
    }

    func relationship(
        id: String, kind: String, type: String, subType: String, from: (String, String),
        to: (String, String), model: MesheryModels.Model, path: [String]? = nil, label: String? = nil,
        description: String
    ) -> JSONValue {
        func item(_ end: (String, String)) -> JSONValue {
            var o: [String: JSONValue] = [
                "id": .string(end.0), "kind": .string(end.1), "model": MesheryModels.reference(model),
                "match": .object([:]),
            ]
            if let path {
                let ref: JSONValue = .array([.array(path.map(JSONValue.string))])
                o["patch"] = .object(["mutatorRef": ref, "mutatedRef": ref])
            }
            return .object(o)
        }
        var styles: [String: JSONValue] = ["primaryColor": "#00B39F", "svgColor": "", "svgWhite": ""]
        if let label, !label.isEmpty { styles["label"] = .string(label) }
        return .object([
            "id": .string(id), "schemaVersion": "relationships.meshery.io/v1alpha3", "version": "v1.0.0",
            "kind": .string(kind), "type": .string(type), "subType": .string(subType), "status": "approved",
            "model": MesheryModels.reference(model),
            "metadata": .object([
                "description": .string(description), "styles": .object(styles),
                "isAnnotation": .bool(subType == "annotation"),
            ]),
            "selectors": .array([.object(["allow": .object(["from": .array([item(from)]), "to": .array([item(to)])])])]
            ),
        ])
    }
}
