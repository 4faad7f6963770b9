import Foundation
import HopsDesign

/// Reads a Meshery design (Kanvas' file, in the current or the older format) into a Hops
/// design: Kubernetes components become what `hops import` makes of the same objects, with
/// the same inference after; Meshery's nesting, containers, edges and positions are kept.
public enum MesheryImport {
    /// Which of Meshery's formats a YAML or JSON document is, nil when it is not a Meshery design.
    enum Format { case current, older }

    static func format(of v: JSONValue) -> Format? {
        guard let o = v.object else { return nil }
        if o["schemaVersion"]?.string?.hasPrefix("designs.meshery.io") == true { return .current }
        if let services = o["services"]?.object, o["kind"] == nil, o["apiVersion"] == nil {
            let entries = services.values.compactMap(\.object)
            if entries.contains(where: { $0["type"] != nil || $0["traits"] != nil }) { return .older }
        }
        return nil
    }

    /// True when the document is a Meshery design.
    public static func isMeshery(_ document: YamlDocument) -> Bool { format(of: document.value) != nil }

    /// The design from one Meshery document, and the warnings. Throws with the problems when
    /// the document is a Meshery design with nothing Hops can draw.
    public static func design(from document: YamlDocument, name fallback: String) throws -> (Design, [KubeIssue]) {
        guard let top = document.value.object, let format = format(of: document.value) else {
            throw KubeImportError([KubeIssue(document.place(at: []), "is not a Meshery design")])
        }
        var issues: [KubeIssue] = []
        let read: MesheryDocument
        switch format {
        case .current:
            var r = CurrentFormatReader(document)
            read = r.read(top, name: fallback)
            issues += r.issues
        case .older:
            var r = OlderFormatReader(document)
            read = r.read(top, name: fallback)
            issues += r.issues
        }
        var assembly = MesheryAssembly(read, document: document)
        let design = assembly.run()
        issues += assembly.issues
        if design.components.isEmpty, read.nodes.isEmpty {
            issues.append(KubeIssue(document.place(at: []), "is a Meshery design with no components (an empty design)"))
        }
        return (design, issues)
    }
}
