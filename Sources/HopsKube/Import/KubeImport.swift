import Foundation
import HopsDesign

/// Reads Kubernetes manifests into a Hops design: files, folders (every `.yaml` and `.yml`
/// inside, sorted) or `-` for standard input. The public entry point for `hops import`,
/// `hops PATH.yaml` and the editor.
public enum KubeImport {
    /// The design and the warnings (one line each). Throws `KubeImportError` with every
    /// problem when nothing usable was read.
    public static func read(paths: [String], limits: YamlLimits = YamlLimits(),
                            standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() })
        throws -> (Design, [KubeIssue]) {
        var sources: [(name: String, data: Data)] = []
        var issues: [KubeIssue] = []
        for path in paths {
            if path == "-" {
                sources.append(("-", standardInput()))
                continue
            }
            do {
                for file in try SourceFiles.files(at: path) {
                    sources.append((file, try SourceFiles.read(file, limit: limits.maxBytes)))
                }
            } catch let issue as KubeIssue {
                issues.append(issue)
            }
        }
        let name = paths.count == 1 && paths[0] != "-" ? SourceFiles.stem(paths[0]) : "Kubernetes manifests"
        return try design(named: name, from: sources, limits: limits, issues: issues)
    }

    /// The same from bytes already read: `sources` are (file name for messages, contents).
    public static func design(named name: String, from sources: [(name: String, data: Data)],
                              limits: YamlLimits = YamlLimits(), issues earlier: [KubeIssue] = [])
        throws -> (Design, [KubeIssue]) {
        var issues = earlier
        var reader = ObjectReader()
        for source in sources {
            let (documents, problems) = YamlReader.read(source.data, file: source.name, limits: limits)
            issues += problems
            if let first = documents.first, MesheryImport.isMeshery(first) {
                guard sources.count == 1 else {
                    issues.append(KubeIssue(SourcePlace(file: source.name),
                                            "is a Meshery design: import it on its own, not with other files"))
                    continue
                }
                let (design, more) = try MesheryImport.design(from: first, name: name)
                return (design, issues + more)
            }
            for d in documents { reader.add(d) }
        }
        issues += reader.issues
        guard !reader.objects.isEmpty else {
            if issues.isEmpty {
                issues.append(KubeIssue(SourcePlace(file: sources.first?.name ?? "-"), "holds no Kubernetes objects"))
            }
            throw KubeImportError(issues)
        }
        let (design, inferred) = DesignBuilder.design(named: name, from: reader.objects)
        return (design, issues + inferred)
    }
}
