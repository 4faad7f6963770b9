import Foundation
import HopsDesign
import HopsEditor
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

    public static func export(_ design: Design, as format: ExportFormat) -> (Data, [String]) {
        switch format {
        case .k8s:
            let (yaml, warnings) = KubeExport.manifests(of: design)
            return (Data(yaml.utf8), warnings)
        }
    }
}
