import HopsDesign

/// A design as a Meshery v1beta1 design that Kanvas opens: every Kubernetes component with its
/// whole object as `configuration` (containers inside their Pod or workload spec), each
/// container also as a Container alias of it, Users, Notes and boxes as annotation shapes,
/// nesting and arrows as relationships, positions in pixels, and Hops' own data under
/// `metadata.hops` so that importing it again gives the same design.
public enum MesheryExport {
    public static let schemaVersion = "designs.meshery.io/v1beta1"

    /// The design's Meshery UUID, when it has one (kept from an import or an earlier export).
    public static func keptID(_ design: Design) -> String? {
        guard let id = design.extra["meshery"]?.object?["id"]?.string, MesheryUUID.isUUID(id) else { return nil }
        return id
    }

    /// The design with `id` recorded as its Meshery UUID (what the Hops file keeps).
    public static func recording(_ id: String, in design: Design) -> Design {
        var d = design
        var meshery = d.extra["meshery"]?.object ?? [:]
        meshery["id"] = .string(id)
        d.extra["meshery"] = .object(meshery)
        return d
    }

    /// A UUID for a design that has none yet, derived from its name (for the bundled design,
    /// which has no file to keep one in).
    public static func derivedID(_ design: Design) -> String { MesheryUUID.derived("hops design", design.name) }

    /// The Meshery design and the warnings (one line each, names escaped). `layout` gives the
    /// top-left cell of components that have no saved position (what the canvas would draw);
    /// a component in neither gets no position, and Kanvas places it.
    public static func document(of design: Design, id: String, layout: [String: Position] = [:])
        -> (json: JSONValue, warnings: [String]) {
        var w = MesheryWriter(design, id: id, layout: layout)
        w.run()
        var top: [String: JSONValue] = [
            "id": .string(id), "name": .string(design.name), "schemaVersion": .string(schemaVersion),
            "version": "0.0.1", "components": .array(w.components), "relationships": .array(w.relationships),
        ]
        let kept = design.extra["meshery"]?.object ?? [:]
        if let v = kept["version"]?.string, !v.isEmpty { top["version"] = .string(v) }
        if let p = kept["preferences"], p.object != nil { top["preferences"] = p }
        var metadata = kept["metadata"]?.object ?? [:]
        metadata["resolvedAliases"] = .object(w.resolvedAliases)
        metadata[MesheryHints.key] = w.hints.json
        top["metadata"] = .object(metadata)
        return (.object(top), w.context.warnings)
    }
}
