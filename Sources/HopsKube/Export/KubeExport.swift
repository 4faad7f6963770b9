import HopsDesign
import HopsText

/// A design as Kubernetes manifests: one YAML document per Kubernetes component, in design
/// order. Fields kept from an import come back as they were; what Hops models comes from the
/// component's properties, so an object differs from its source only where the user changed it.
/// Users, Notes, missing components and implied Namespace boxes are not Kubernetes objects
/// and are left out.
public enum KubeExport {
    /// The multi-document YAML and the warnings (one line each, names escaped).
    public static func manifests(of design: Design) -> (yaml: String, warnings: [String]) {
        var context = ExportContext(design)
        var documents: [String] = []
        // An object's kind, namespace and name, to the first component written as it.
        var written: [String: Component] = [:]
        for c in design.components {
            guard let object = ManifestBuilder.object(for: c, context: &context) else { continue }
            documents.append(YamlWriter.document(object))
            let kind = object.string(at: ["kind"]) ?? "", name = object.string(at: ["metadata", "name"]) ?? ""
            let namespace = object.string(at: ["metadata", "namespace"]) ?? "default"
            let key = "\(kind)/\(kind == "Namespace" ? "" : namespace)/\(name)"
            if let first = written[key] {
                context.warn(c, "is written as \(kind) \(SafeText.escape(name)), as \(SafeText.escape(first.id)) is: "
                             + "a cluster keeps one \(kind) of a name in a namespace, so applying both keeps only "
                             + "the last; rename one")
            } else {
                written[key] = c
            }
        }
        return (documents.joined(separator: "---\n"), context.allWarnings)
    }
}
