import HopsDesign

/// Turns YAML documents into Kubernetes objects: unwraps `kind: List` (what `kubectl get -o yaml`
/// prints), skips empty documents, refuses documents without `apiVersion`, `kind` or a name,
/// and checks the types of the fields Hops models, so that a wrong type is one clear line
/// instead of a silently missing value.
struct ObjectReader {
    private(set) var objects: [KubeObject] = []
    private(set) var issues: [KubeIssue] = []

    mutating func add(_ doc: YamlDocument) {
        switch doc.value {
        case .null:
            return
        case .object(let body):
            if body["kind"]?.string == "List" || (body["kind"] == nil && body["items"]?.array != nil) {
                addList(doc, body)
            } else {
                addObject(doc, body, base: [])
            }
        default:
            let place = doc.place(at: [])
            issues.append(
                KubeIssue(
                    place,
                    "is \(doc.value.kindName), not a Kubernetes object "
                        + "(a mapping with apiVersion, kind and metadata.name)"))
        }
    }

    private mutating func addList(_ doc: YamlDocument, _ body: [String: JSONValue]) {
        guard let items = body["items"]?.array else {
            issues.append(KubeIssue(doc.place(at: [.key("kind")]), "a List without items"))
            return
        }
        for (i, item) in items.enumerated() {
            let base: [YamlDocument.Step] = [.key("items"), .index(i)]
            guard let o = item.object else {
                issues.append(
                    KubeIssue(doc.place(at: base), "items[\(i)] is \(item.kindName), not a Kubernetes object"))
                continue
            }
            addObject(doc, o, base: base)
        }
    }

    private mutating func addObject(_ doc: YamlDocument, _ body: [String: JSONValue], base: [YamlDocument.Step]) {
        let object = KubeObject(document: doc, base: base, body: ServerFields.strip(body), order: objects.count)
        for field in ["apiVersion", "kind"] {
            guard let v = body[field] else {
                issues.append(
                    KubeIssue(
                        object.place(), "the object has no `\(field)`, so it is not a Kubernetes manifest; skipped"))
                return
            }
            guard let s = v.string, !s.isEmpty else {
                issues.append(
                    KubeIssue(
                        object.place([field]), "`\(field)` must be a non-empty string, not \(v.kindName); skipped"))
                return
            }
        }
        guard let name = body.value(at: ["metadata", "name"]) else {
            issues.append(
                KubeIssue(object.place(["metadata"]), "\(SafeText.escape(object.kind)) has no metadata.name; skipped"))
            return
        }
        guard let n = name.string, !n.isEmpty else {
            issues.append(
                KubeIssue(
                    object.place(["metadata", "name"]),
                    "metadata.name must be a non-empty string, "
                        + "not \(name.kindName); skipped"))
            return
        }
        if let problem = TypeCheck.firstProblem(in: object) {
            issues.append(problem)
            return
        }
        objects.append(object)
    }
}
