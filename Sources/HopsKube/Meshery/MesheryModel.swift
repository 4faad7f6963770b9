import HopsDesign

/// A Meshery design as read, in either of Meshery's formats, before it becomes a Hops design:
/// the nodes Kanvas draws and the relationships between them, with ids as Meshery wrote them.
struct MesheryDocument {
    /// The design's UUID (nil in the older format, which has none).
    var id: String?
    var name: String
    /// Top-level keys Hops does not read (`version`, `metadata`, `preferences`...), kept so a
    /// re-export gives them back.
    var kept: [String: JSONValue] = [:]
    var nodes: [MesheryNode] = []
    var links: [MesheryLink] = []
    /// What an earlier Hops export wrote under `metadata.hops`, nil for a design from Kanvas.
    var hints: MesheryHints?
}

/// One Meshery component.
struct MesheryNode {
    var id: String
    /// `Deployment`, `Container`, `TextBox`...
    var kind: String
    /// The apiVersion (`component.version`); empty when the file does not say.
    var apiVersion: String
    /// `kubernetes`, `meshery-core`...
    var model: String
    /// The Kubernetes name: `configuration.metadata.name`, else the display name (may be empty).
    var name: String
    var displayName: String
    /// The Kubernetes object body, without `apiVersion` and `kind`; nil when the file has none.
    var configuration: [String: JSONValue]?
    /// Where Kanvas drew it, in pixels (the centre of its node); nil when the file does not say.
    var position: (x: Double, y: Double)?
    var isAnnotation: Bool
    /// Where the component sits in the file, for messages (`components[3]`, `services.web`).
    var steps: [YamlDocument.Step]
    /// The older format's `parent` (a meshmap id); the current one says it with a relationship.
    var parent: String?
    /// The older format's namespace as written (empty: take the parent's).
    var namespace: String?

    /// A Kubernetes object (of any model but Meshery's own, which holds shapes and containers).
    var isKubernetes: Bool { model != "meshery-core" && !isAnnotation && !kind.isEmpty }
}

/// One Meshery relationship (or, in the older format, one meshmap edge).
struct MesheryLink {
    var id: String
    /// `hierarchical`, `edge` or `sibling`.
    var kind: String
    var type: String
    var subType: String
    /// For a hierarchical relationship the child; for an edge its source.
    var from: String
    /// For a hierarchical relationship the parent; for an edge its target.
    var to: String
    /// An alias's path inside the parent (`configuration`, `spec`, `containers`, `0`).
    var path: [String] = []
    var label: String?
    var steps: [YamlDocument.Step]

    var isAlias: Bool { kind == "hierarchical" && subType == "alias" }
    var isParent: Bool { kind == "hierarchical" && type == "parent" && subType != "alias" }
    var isEdge: Bool { kind == "edge" }
}
