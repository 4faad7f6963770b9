import Foundation

/// Which files a path stands for, and reading one without trusting its size.
enum SourceFiles {
    /// A file as itself; a folder as every `.yaml` / `.yml` file under it, sorted by path.
    static func files(at path: String) throws -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw KubeIssue(SourcePlace(file: path), "no such file or folder")
        }
        guard isDir.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw KubeIssue(SourcePlace(file: path), "the folder cannot be read (permission denied?)")
        }
        var out: [String] = []
        while let item = walker.nextObject() as? String {
            if item.hasSuffix(".yaml") || item.hasSuffix(".yml") {
                out.append((path as NSString).appendingPathComponent(item))
            }
        }
        if out.isEmpty { throw KubeIssue(SourcePlace(file: path), "the folder holds no .yaml or .yml files") }
        return out.sorted()
    }

    /// The file's bytes; refused before reading when larger than `limit`.
    static func read(_ file: String, limit: Int) throws -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
        if let size, size > limit {
            throw KubeIssue(
                SourcePlace(file: file),
                "is \(TextCheck.megabytes(size)), more than the "
                    + "\(TextCheck.megabytes(limit)) Hops reads from one file: split it into smaller files")
        }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw KubeIssue(SourcePlace(file: file), "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        do {
            // One byte past the limit tells a file that grew since it was measured.
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return data
        } catch {
            throw KubeIssue(SourcePlace(file: file), "cannot be read: \(error.localizedDescription)")
        }
    }

    /// `shop` for `deploy/shop.yaml` or the folder `shop/`.
    static func stem(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for ext in [".yaml", ".yml"] where name.hasSuffix(ext) { name.removeLast(ext.count) }
        return name.isEmpty ? "Kubernetes manifests" : name
    }
}
