import HopsDesign

/// The Kubernetes objects a Meshery design holds: each component's `configuration` with its
/// kind, apiVersion, name and namespace put in (the namespace taken from the parent when the
/// component does not say, as Meshery does for a component dropped into a Namespace).
struct MesheryObjects {
    let document: YamlDocument
    let nodes: [String: MesheryNode]
    /// Child → parent, from hierarchical parent relationships or the older `parent`.
    let parentOf: [String: String]
    private(set) var objects: [KubeObject] = []
    /// Meshery id of the component behind each object, by the object's order.
    private(set) var nodeOfObject: [String] = []
    private(set) var issues: [KubeIssue] = []

    init(document: YamlDocument, nodes: [String: MesheryNode], parentOf: [String: String]) {
        self.document = document
        self.nodes = nodes
        self.parentOf = parentOf
    }

    mutating func add(_ n: MesheryNode) {
        var body = n.configuration ?? [:]
        body["apiVersion"] = .string(n.apiVersion.isEmpty ? Names.apiVersion(n.kind) : n.apiVersion)
        body["kind"] = .string(n.kind)
        var name = n.name
        if name.isEmpty {
            name = Names.dns(n.kind)
            issues.append(
                KubeIssue(document.place(at: n.steps), "\(SafeText.escape(n.kind)) has no name; named \(name)"))
        }
        body.set(.string(name), at: ["metadata", "name"])
        if !Arrangement.clusterScoped.contains(n.kind), body.string(at: ["metadata", "namespace"]) == nil,
            let ns = namespace(of: n)
        {
            body.set(.string(ns), at: ["metadata", "namespace"])
        }
        // Places inside the object point into `configuration` (the older format's steps already do).
        let base = n.steps.first == .key("components") ? n.steps + [.key("configuration")] : n.steps
        let object = KubeObject(document: document, base: base, body: ServerFields.strip(body), order: objects.count)
        if let problem = TypeCheck.firstProblem(in: object) {
            issues.append(problem)
            return
        }
        objects.append(object)
        nodeOfObject.append(n.id)
    }

    /// The written namespace, else the nearest parent's: a Namespace's name, or its namespace.
    func namespace(of n: MesheryNode) -> String? {
        if let ns = n.configuration?.string(at: ["metadata", "namespace"]), !ns.isEmpty { return ns }
        if !n.kind.isEmpty, n.kind != "Namespace", let ns = n.namespace, !ns.isEmpty { return ns }
        var seen: Set<String> = [n.id]
        var p = parentOf[n.id]
        while let id = p, seen.insert(id).inserted, let parent = nodes[id] {
            if parent.kind == "Namespace" { return parent.name }
            if let ns = parent.configuration?.string(at: ["metadata", "namespace"]), !ns.isEmpty { return ns }
            if let ns = parent.namespace, !ns.isEmpty, parent.kind != "Namespace" { return ns }
            p = parentOf[id]
        }
        return nil
    }
}
