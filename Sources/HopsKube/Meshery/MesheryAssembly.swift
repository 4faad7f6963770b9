import HopsDesign

/// Puts a read Meshery design together as a Hops design: Kubernetes objects through the same
/// builder and inference as manifests, Meshery's Container aliases matched to the containers
/// found in their parent's spec, annotation shapes as boxes and notes, then nesting, edges and
/// positions. Hints from an earlier Hops export (`metadata.hops`) give back Hops ids and kinds.
struct MesheryAssembly {
    let read: MesheryDocument
    let document: YamlDocument
    let hints: MesheryHints
    var nodes: [String: MesheryNode] = [:]
    var parentOf: [String: String] = [:]
    var aliases: [String: MesheryLink] = [:]
    /// Meshery id → Hops component id.
    var hopsID: [String: String] = [:]
    var design: Design
    var issues: [KubeIssue] = []

    init(_ read: MesheryDocument, document: YamlDocument) {
        self.read = read
        self.document = document
        hints = read.hints ?? MesheryHints()
        design = Design(name: read.name)
        for n in read.nodes where nodes[n.id] == nil { nodes[n.id] = n }
        for n in read.nodes { if let p = n.parent { parentOf[n.id] = p } }
        for l in read.links where l.isParent { parentOf[l.from] = l.to }
        for l in read.links where l.isAlias { aliases[l.from] = aliases[l.from] ?? l }
    }

    mutating func run() -> Design {
        buildKubernetes()
        addContainers()
        addShapes()
        matchDerived()
        dropOutsideTemplates()
        nest()
        connect()
        renameFromHints()
        place()
        design.components = Arrangement.ordered(design.components)
        var meshery: [String: JSONValue] = read.kept
        meshery["id"] = read.id.map(JSONValue.string)
        if var metadata = meshery["metadata"]?.object {
            for key in [MesheryHints.key, "resolvedAliases", "resolved_aliases"] { metadata[key] = nil }
            meshery["metadata"] = metadata.isEmpty ? nil : .object(metadata)
        }
        // Always set, also when empty: it marks the design as come from Meshery.
        design.extra["meshery"] = .object(meshery)
        return design
    }

    func hint(_ mesheryID: String) -> [String: JSONValue] { hints.components[mesheryID] ?? [:] }

    /// Components a Hops export wrote only for the picture (missing objects, implied Namespace
    /// boxes, a StatefulSet's claim templates): the builder makes them again from the objects,
    /// so they are matched, not built.
    func isDerived(_ mesheryID: String) -> Bool {
        let p = hint(mesheryID)["properties"]?.object ?? [:]
        return p["missing"]?.bool == true || p["implied"]?.bool == true || p["volumeClaimTemplate"]?.bool == true
    }

    mutating func buildKubernetes() {
        var objects = MesheryObjects(document: document, nodes: nodes, parentOf: parentOf)
        for n in read.nodes where n.isKubernetes && !isDerived(n.id) { objects.add(n) }
        issues += objects.issues
        let built = DesignBuilder.build(named: read.name, from: objects.objects)
        design.components = built.design.components
        design.connections = built.design.connections
        issues += built.issues
        for e in built.entries { hopsID[objects.nodeOfObject[e.object.order]] = e.id }
        entries = built.entries
        entryOfNode = [:]
        for (i, e) in built.entries.enumerated() { entryOfNode[objects.nodeOfObject[e.object.order]] = i }
    }

    var entries: [Entry] = []
    /// Meshery id → index in `entries`, for Kubernetes components.
    var entryOfNode: [String: Int] = [:]
    /// Meshery id of a workload → the Hops id of its Pod template (after renames).
    var templatePods: [String: String] = [:]

    /// Each Container alias is the container at its path in the parent's spec.
    mutating func addContainers() {
        var byID: [String: Int] = [:]
        for (i, c) in design.components.enumerated() where byID[c.id] == nil { byID[c.id] = i }
        for n in read.nodes where n.kind == "Container" && !n.isKubernetes {
            guard let link = aliases[n.id] else {
                warn(n.steps, "Container \(SafeText.escape(n.displayName)) is the alias of no component; skipped")
                continue
            }
            guard let e = entryOfNode[link.to].map({ entries[$0] }) else {
                warn(
                    link.steps,
                    "the Container alias points at \(SafeText.escape(link.to)), "
                        + "which is not a Kubernetes component in the file; skipped")
                continue
            }
            let path = link.path
            guard path.count >= 2, let index = Int(path[path.count - 1]),
                let ref = e.containers.first(where: { $0.list.rawValue == path[path.count - 2] && $0.index == index })
            else {
                warn(
                    link.steps,
                    "the Container alias path \(path.joined(separator: ".")) names no container in "
                        + "\(e.object.title); skipped")
                continue
            }
            hopsID[n.id] = ref.id
            if let i = byID[ref.id], design.components[i].name.isEmpty {
                // Kanvas leaves a new container's name empty; its display name (`containers.0`) says
                // which one it is, made a valid container name as export writes it.
                design.components[i].name = Names.dns(n.displayName, dots: false)
            }
        }
    }

    /// Annotation shapes (and components of models Hops does not know) as Notes and boxes;
    /// Users, Notes and boxes a Hops export wrote come back with their kind and properties.
    mutating func addShapes() {
        var ids = IDPool(design)
        for n in read.nodes where !n.isKubernetes && n.kind != "Container" && !isDerived(n.id) {
            let h = hint(n.id)
            // Kanvas' invisible helper at the end of a free edge: nothing to draw.
            if n.kind == "AnchorNode", h.isEmpty { continue }
            let kind = h["kind"]?.string.map { Kind(rawValue: $0) } ?? (n.kind == "TextBox" ? .note : .box)
            var props = h["properties"]?.object ?? [:]
            if kind == .note, props["text"] == nil,
                let text = n.configuration?["text"]?.string ?? nonEmpty(n.displayName)
            {
                props["text"] = .string(text)
            }
            let name = h["name"]?.string ?? (n.name.isEmpty ? n.kind : n.name)
            let id = ids.fresh(h["id"]?.string ?? "\(ComponentIDs.tag(kind))-\(name)")
            design.components.append(Component(id: id, kind: kind, name: name, properties: props))
            hopsID[n.id] = id
        }
    }

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    mutating func warn(_ steps: [YamlDocument.Step], _ message: String) {
        issues.append(KubeIssue(document.place(at: steps), message))
    }
}
