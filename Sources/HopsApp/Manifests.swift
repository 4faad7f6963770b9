import Foundation
import HopsDesign
import HopsEditor
import HopsFormats
import HopsKube

/// Kubernetes manifests as the editor opens and writes them.
public enum Manifests {
    /// A `.yaml` / `.yml` file or a folder: what `hops PATH` and `:e PATH` import instead of open.
    public static func isManifest(_ path: String, fs: FileSystem) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || fs.isFolder(path)
    }

    /// The design the manifests at `path` describe, and the warnings (one line each). A file is
    /// read through `fs`; a folder's files are read from disk by the importer.
    public static func read(_ path: String, fs: FileSystem) throws -> (Design, [String]) {
        let result: (Design, [KubeIssue])
        if fs.isFolder(path) {
            result = try KubeImport.read(paths: [path])
        } else {
            let data = try fs.read(path)
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            result = try KubeImport.design(named: stem, from: [(path, data)])
        }
        return (result.0, result.1.map(\.description))
    }

    /// The bytes, the warnings, and the design with what the export keeps in it when that
    /// changed (a Meshery id made for a design that had none: `hops export` keeps it the same way).
    public static func export(_ design: Design, as format: ExportFormat, catalog: Catalog)
        -> (Data, [String], recorded: Design?) {
        switch format {
        case .k8s:
            let (yaml, warnings) = KubeExport.manifests(of: design)
            return (Data(yaml.utf8), warnings, nil)
        case .meshery:
            let kept = MesheryExport.keptID(design)
            let id = kept ?? UUID().uuidString.lowercased()
            let (data, warnings) = mesheryDocument(design, id: id, catalog: catalog)
            return (data, warnings, kept == nil ? MesheryExport.recording(id, in: design) : nil)
        }
    }

    /// The Meshery design file's bytes, components without a saved position placed where the
    /// canvas draws them.
    public static func mesheryDocument(_ design: Design, id: String, catalog: Catalog) -> (Data, [String]) {
        var layout: [String: Position] = [:]
        for (id, r) in DesignLayout.rects(design, catalog: catalog) { layout[id] = Position(x: r.x, y: r.y) }
        let (json, warnings) = MesheryExport.document(of: design, id: id, layout: layout)
        return (Data((JSONText.encode(json) + "\n").utf8), warnings)
    }
}
