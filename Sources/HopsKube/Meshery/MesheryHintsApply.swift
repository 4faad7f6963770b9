import HopsDesign

/// What the hints of an earlier Hops export give back: derived components matched to the ones
/// the builder made again, Pod templates drawn outside their workload, Hops ids and sizes.
extension MesheryAssembly {
    mutating func matchDerived() {
        // (Gathered once: a big design has thousands of derived components.)
        var taken = Set(hopsID.values)
        var ids = IDPool(design)
        var byKindAndName: [String: [Int]] = [:]
        for (i, c) in design.components.enumerated() {
            byKindAndName["\(c.kind.rawValue)/\(c.name)", default: []].append(i)
        }
        for n in read.nodes where isDerived(n.id) {
            let h = hint(n.id)
            let kind = Kind(h["kind"]?.string ?? n.kind)
            let name = h["name"]?.string ?? n.name
            let same = byKindAndName["\(kind.rawValue)/\(name)"] ?? []
            if let i = same.first(where: { !taken.contains(design.components[$0].id) }) {
                hopsID[n.id] = design.components[i].id
                taken.insert(design.components[i].id)
                continue
            }
            let id = ids.fresh(h["id"]?.string ?? "\(ComponentIDs.tag(kind))-\(name)")
            design.components.append(
                Component(id: id, kind: kind, name: name, properties: h["properties"]?.object ?? [:]))
            hopsID[n.id] = id
        }
        // Users a Hops export wrote stand where inference would put its own: keep theirs only.
        let drawnUsers = read.nodes.contains { hint($0.id)["kind"]?.string == Kind.user.rawValue }
        if drawnUsers {
            let mapped = Set(hopsID.values)
            design.remove(Set(design.components.filter { $0.kind == .user && !mapped.contains($0.id) }.map(\.id)))
        }
    }

    /// A workload whose Pod template Hops draws beside it (connected by `manages`) was written
    /// with that Pod as its own component: the Pod the builder made inside the workload goes.
    mutating func dropOutsideTemplates() {
        var pods = Set<String>()
        for (node, i) in entryOfNode where hint(node)["template"]?.string != nil {
            guard let pod = entries[i].podID, pod != entries[i].id else { continue }
            pods.insert(pod)
        }
        design.remove(pods)
    }

    /// Hops ids back from the hints (when free), for components and connections alike.
    mutating func renameFromHints() {
        var rename: [String: String] = [:]
        var used = Set(design.components.map(\.id))
        func take(_ old: String, _ new: String?) {
            guard let new, new != old, !used.contains(new), Validation.textProblem(new, what: "an id") == nil else {
                return
            }
            used.insert(new)
            rename[old] = new
        }
        for (node, id) in hopsID.sorted(by: { $0.key < $1.key }) {
            let h = hint(node)
            take(id, h["id"]?.string)
            if let i = entryOfNode[node], let pod = entries[i].podID, pod != id {
                take(pod, h.value(at: ["pod", "id"])?.string)
            }
        }
        for i in design.components.indices {
            let c = design.components[i]
            design.components[i].id = rename[c.id] ?? c.id
            design.components[i].parent = c.parent.map { rename[$0] ?? $0 }
        }
        for i in design.connections.indices {
            design.connections[i].from = rename[design.connections[i].from] ?? design.connections[i].from
            design.connections[i].to = rename[design.connections[i].to] ?? design.connections[i].to
        }
        hopsID = hopsID.mapValues { rename[$0] ?? $0 }
        templatePods = entryOfNode.compactMapValues { i in entries[i].podID.map { rename[$0] ?? $0 } }
        var connectionIDs = Set(design.connections.map(\.id))
        for i in design.connections.indices {
            guard let mid = design.connections[i].extra["meshery"]?.object?["id"]?.string,
                let new = hints.connections[mid]?["id"]?.string, new != design.connections[i].id,
                !connectionIDs.contains(new), !used.contains(new)
            else { continue }
            connectionIDs.insert(new)
            design.connections[i].id = new
        }
    }
}
