import HopsDesign

/// Builds the components, relationships and hints of a Meshery export, one Hops component at
/// a time. A Pod template nested in its workload is not a Meshery component (Kanvas draws the
/// workload with its containers); one drawn beside its workload is its own Pod component.
struct MesheryWriter {
    /// Indexed: every component and arrow asks for others by id (scanning made it quadratic).
    let design: DesignIndex
    let designID: String
    let layout: [String: Position]
    var context: ExportContext
    var components: [JSONValue] = []
    var relationships: [JSONValue] = []
    var resolvedAliases: [String: JSONValue] = [:]
    var hints = MesheryHints()

    init(_ design: Design, id: String, layout: [String: Position]) {
        self.design = DesignIndex(design); designID = id; self.layout = layout; context = ExportContext(design)
    }

    mutating func run() {
        for c in design.components { add(c) }
        for c in design.components { relate(c) }
        for k in design.connections { edge(k) }
    }

    /// The Meshery UUID of a Hops component: kept from an import, else derived.
    func mesheryID(_ id: String) -> String {
        if let kept = design.component(id)?.extra["meshery"]?.object?["id"]?.string, MesheryUUID.isUUID(kept) {
            return kept
        }
        return MesheryUUID.derived(designID, "component", id)
    }

    /// A Pod template drawn inside its workload, which stands for it in Meshery.
    func nestedTemplate(_ c: Component) -> Bool {
        guard c.kind == .pod, let p = c.parent, let parent = design.component(p) else { return false }
        return parent.kind.managesPods
    }

    /// The Hops component that stands for `id` in Meshery (a nested template's workload).
    func owner(_ id: String) -> String {
        guard let c = design.component(id), nestedTemplate(c), let p = c.parent else { return id }
        return p
    }

    private mutating func add(_ c: Component) {
        if nestedTemplate(c) {
            guard let p = c.parent else { return }
            var pod: [String: JSONValue] = ["id": .string(c.id)]
            pod["position"] = (c.position ?? layout[c.id]).map(Self.json)
            pod["size"] = c.size.map(Self.json)
            hints.components[mesheryID(p), default: [:]]["pod"] = .object(pod)
            return
        }
        var hint: [String: JSONValue] = ["id": .string(c.id), "kind": .string(c.kind.rawValue)]
        hint["size"] = c.size.map(Self.json)
        let mid = mesheryID(c.id)
        if c.kind == .container {
            components.append(component(c, id: mid, kind: "Container", model: .core, configuration: [:]))
        } else if let object = kubernetesObject(c) {
            var configuration = object
            let kind = configuration.removeValue(forKey: "kind")?.string ?? c.kind.rawValue
            let apiVersion = configuration.removeValue(forKey: "apiVersion")?.string ?? Names.apiVersion(kind)
            components.append(component(c, id: mid, kind: kind, apiVersion: apiVersion, model: .kubernetes,
                                        configuration: configuration))
            if c.kind == .namespace, c.properties["implied"]?.bool == true {
                hint["properties"] = .object(c.properties)
                hint["name"] = .string(c.name)
            }
        } else {
            hint["properties"] = .object(c.properties)
            hint["name"] = .string(c.name)
            let shape = MesheryModels.shapeKind(c.kind)
            var configuration: [String: JSONValue] = [:]
            if c.kind == .note, let text = c.text { configuration["text"] = .string(text) }
            components.append(component(c, id: mid, kind: shape.kind, model: .core, configuration: configuration))
        }
        if c.kind == .pod, context.isTemplate(c) {
            for k in context.incoming(c.id) where k.kind == .manages {
                guard let w = design.component(k.from), w.kind.managesPods else { continue }
                hints.components[mesheryID(w.id), default: [:]]["template"] = .string(mid)
            }
        }
        hints.components[mid, default: [:]].merge(hint) { _, new in new }
    }

    /// The Kubernetes object of a component; nil for what is not Kubernetes (Users, Notes,
    /// drawn boxes, missing objects). An implied Namespace box is written as the Namespace it
    /// stands for, and a Pod drawn beside the workload that manages it as a Pod.
    private mutating func kubernetesObject(_ c: Component) -> [String: JSONValue]? {
        if c.isMissing { return nil }
        if c.kind == .namespace, c.properties["implied"]?.bool == true {
            return ["apiVersion": "v1", "kind": "Namespace", "metadata": .object(["name": .string(Names.object(c.name, kind: .namespace))])]
        }
        if c.kind == .pod, context.isTemplate(c) {
            var o = ManifestBuilder.base(c, kind: "Pod", context: &context)
            WorkloadExport.fillBarePod(&o, pod: c, context: &context)
            return o
        }
        return ManifestBuilder.object(for: c, context: &context)
    }

    static func json(_ p: Position) -> JSONValue { .object(["x": .integer(p.x), "y": .integer(p.y)]) }
    static func json(_ e: Extent) -> JSONValue { .object(["width": .integer(e.width), "height": .integer(e.height)]) }
}
