import HopsDesign

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
        for c in design.components {
            guard let object = ManifestBuilder.object(for: c, context: &context) else { continue }
            documents.append(YamlWriter.document(object))
        }
        return (documents.joined(separator: "---\n"), context.allWarnings)
    }
}
