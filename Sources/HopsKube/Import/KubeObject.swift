import HopsDesign

/// One Kubernetes object read from a document (or from a `List`'s items), with the server's
/// fields already taken out.
struct KubeObject {
    let document: YamlDocument
    /// Where the object sits in its document: empty, or `items[3]` inside a List.
    let base: [YamlDocument.Step]
    var body: [String: JSONValue]
    /// Input order across all files, for a stable layout.
    let order: Int

    var kind: String { body["kind"]?.string ?? "" }
    var apiVersion: String { body["apiVersion"]?.string ?? "" }
    var name: String { body.string(at: ["metadata", "name"]) ?? "" }
    /// The namespace as written; nil when the object does not say (it goes where it is applied).
    var namespace: String? { body.string(at: ["metadata", "namespace"]) }
    /// The namespace used to resolve references: the written one or `default`.
    var namespaceOrDefault: String { namespace ?? "default" }

    /// The file, document, line and column of the field at `path` inside this object.
    func place(_ path: [String] = []) -> SourcePlace {
        document.place(at: base + path.map(YamlDocument.Step.key))
    }

    /// The place of a path that goes through sequences (`spec.containers[1].env[3]`).
    func place(steps: [YamlDocument.Step]) -> SourcePlace { document.place(at: base + steps) }

    /// "Deployment frontend", escaped, for messages.
    var title: String { "\(SafeText.escape(kind)) \(SafeText.escape(name))" }
}
