import Foundation

/// File names for `:w` and `:e` completion: entries of the folder named so far that start with
/// the rest, folders with a trailing `/`, design files and folders only.
public enum PathCompletion {
    public static func candidates(_ partial: String, fs: FileSystem) -> [String] {
        let expanded = (partial as NSString).expandingTildeInPath
        let dir = partial.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
        let stem = partial.hasSuffix("/") ? "" : (expanded as NSString).lastPathComponent
        let prefix = partial.hasSuffix("/") ? partial : String(partial.dropLast(stem.count))
        let folder = dir.isEmpty ? "." : dir
        guard let names = fs.list(folder) else { return [] }
        return names.filter { $0.hasPrefix(stem) && !$0.hasPrefix(".") }.sorted().compactMap { name in
            if fs.isFolder((folder as NSString).appendingPathComponent(name)) { return prefix + name + "/" }
            return name.hasSuffix(".json") ? prefix + name : nil
        }
    }
}
