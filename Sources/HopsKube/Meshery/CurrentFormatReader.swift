import HopsDesign

/// Meshery's current format (`schemaVersion: designs.meshery.io/v1beta1`, also v1beta2 and
/// v1beta3): `components[]` and `relationships[]`. Lenient, as Meshery itself is: designs its UI
/// writes break its own schema (null where an object belongs, names with dots), and they
/// still open. A component or relationship that cannot be used is one warning, not a failure.
struct CurrentFormatReader {
    let document: YamlDocument
    private(set) var issues: [KubeIssue] = []

    init(_ document: YamlDocument) { self.document = document }

    mutating func read(_ top: [String: JSONValue], name fallback: String) -> MesheryDocument {
        var out = MesheryDocument(id: top["id"]?.string, name: top["name"]?.string ?? fallback)
        for (k, v) in top where !["id", "name", "components", "relationships"].contains(k) { out.kept[k] = v }
        out.hints = MesheryHints(top["metadata"])
        for (i, v) in (top["components"]?.array ?? []).enumerated() {
            let steps: [YamlDocument.Step] = [.key("components"), .index(i)]
            guard let c = v.object, let id = c["id"]?.string, !id.isEmpty else {
                warn(steps, "a component without an id; skipped")
                continue
            }
            out.nodes.append(node(c, id: id, steps: steps))
        }
        for (i, v) in (top["relationships"]?.array ?? []).enumerated() {
            guard let r = v.object, r["status"]?.string != "deleted" else { continue }
            out.links += links(r, steps: [.key("relationships"), .index(i)])
        }
        out.links += resolvedAliases(top["metadata"], known: Set(out.links.filter(\.isAlias).map(\.from)))
        return out
    }

    private func node(_ c: [String: JSONValue], id: String, steps: [YamlDocument.Step]) -> MesheryNode {
        let configuration = c["configuration"]?.object
        let displayName = c["displayName"]?.string ?? ""
        let name = configuration?.string(at: ["metadata", "name"]) ?? displayName
        let model = c.string(at: ["model", "name"]) ?? c.string(at: ["modelReference", "name"]) ?? ""
        var position: (x: Double, y: Double)?
        let p = c.object(at: ["styles", "position"])
        if let x = p["x"]?.double, let y = p["y"]?.double { position = (x, y) }
        return MesheryNode(
            id: id, kind: c.string(at: ["component", "kind"]) ?? "",
            apiVersion: c.string(at: ["component", "version"]) ?? "",
            model: model, name: name, displayName: displayName, configuration: configuration, position: position,
            isAnnotation: c.value(at: ["metadata", "isAnnotation"])?.bool ?? false, steps: steps)
    }

    /// One link per (from, to) pair of each selector.
    private mutating func links(_ r: [String: JSONValue], steps: [YamlDocument.Step]) -> [MesheryLink] {
        guard let id = r["id"]?.string, let kind = r["kind"]?.string else {
            warn(steps, "a relationship without an id or kind; skipped")
            return []
        }
        let label = r.string(at: ["metadata", "styles", "label"]) ?? r.string(at: ["metadata", "label"])
        var out: [MesheryLink] = []
        for selector in r["selectors"]?.array ?? [] {
            let allow = selector.object?["allow"]?.object ?? [:]
            let from = (allow["from"]?.array ?? []).compactMap(\.object)
            let to = (allow["to"]?.array ?? []).compactMap(\.object)
            for f in from {
                for t in to {
                    guard let a = f["id"]?.string, let b = t["id"]?.string else { continue }
                    let path = Self.patchPath(f) ?? Self.patchPath(t) ?? []
                    out.append(
                        MesheryLink(
                            id: id, kind: kind, type: r["type"]?.string ?? "", subType: r["subType"]?.string ?? "",
                            from: a, to: b, path: path, label: label, steps: steps))
                }
            }
        }
        if out.isEmpty { warn(steps, "a \(kind) relationship whose selectors name no components; skipped") }
        return out
    }

    /// The first `mutatorRef` (or `mutatedRef`) path of a selector's patch.
    static func patchPath(_ item: [String: JSONValue]) -> [String]? {
        let patch = item["patch"]?.object ?? [:]
        for key in ["mutatorRef", "mutatedRef", "mutator_ref", "mutated_ref"] {
            if let first = patch[key]?.array?.first?.array {
                let path = first.compactMap { $0.string ?? $0.int.map(String.init) }
                if !path.isEmpty { return path }
            }
        }
        return nil
    }

    /// Aliases that only `metadata.resolvedAliases` records (camelCase or snake_case keys).
    private func resolvedAliases(_ metadata: JSONValue?, known: Set<String>) -> [MesheryLink] {
        let map = metadata?.object?["resolvedAliases"]?.object ?? metadata?.object?["resolved_aliases"]?.object ?? [:]
        var out: [MesheryLink] = []
        for (alias, v) in map.sorted(by: { $0.key < $1.key }) where !known.contains(alias) {
            let o = v.object ?? [:]
            guard let parent = (o["resolvedParentId"] ?? o["resolved_parent_id"])?.string else { continue }
            let path = ((o["resolvedRefFieldPath"] ?? o["resolved_ref_field_path"])?.array ?? []).compactMap(\.string)
            out.append(
                MesheryLink(
                    id: (o["relationshipId"] ?? o["relationship_id"])?.string ?? alias, kind: "hierarchical",
                    type: "parent",
                    subType: "alias", from: alias, to: parent, path: path,
                    steps: [.key("metadata"), .key("resolvedAliases"), .key(alias)]))
        }
        return out
    }

    private mutating func warn(_ steps: [YamlDocument.Step], _ message: String) {
        issues.append(KubeIssue(document.place(at: steps), message))
    }
}
