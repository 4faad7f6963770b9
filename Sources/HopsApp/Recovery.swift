import Foundation
import HopsDesign
import HopsEditor
import HopsFormats

/// Recovery copies: the unsaved work an editor keeps beside its file, a few seconds behind.
/// Each editor writes its own copy, `FILE.<pid>.recover`, so two editors on one file never
/// share (or delete) one copy. `FILE.recover` is the name older versions of Hops used.
public struct Recovery {
    let fs: FileSystem
    /// Whether the editor that wrote a copy still runs; its copy is its own business then.
    let isAlive: (Int32) -> Bool

    public init(fs: FileSystem, isAlive: @escaping (Int32) -> Bool) { self.fs = fs; self.isAlive = isAlive }

    /// This process's copy for `file`.
    public static func path(for file: String, pid: Int32) -> String { "\(file).\(pid).recover" }

    /// The editor that wrote a copy (nil for the old shared name).
    static func owner(of copy: String, file: String) -> Int32? {
        let middle = copy.dropFirst(file.count + 1).dropLast(".recover".count)
        return Int32(middle)
    }

    /// Every copy beside `file` that holds work the file does not: readable, different from the
    /// file's design, and not written by an editor that is still running. Copies that hold
    /// exactly the file's design are removed: they keep nothing. Oldest first.
    public func copies(for file: String, catalog: Catalog, except own: Int32) -> [RecoveryCopy] {
        let folder = (file as NSString).deletingLastPathComponent
        let base = (file as NSString).lastPathComponent
        guard let names = fs.list(folder) else { return [] }
        let onDisk = try? DesignFile.decode(fs.read(file), file: file, catalog: catalog)
        var out: [(RecoveryCopy, Int64)] = []
        for name in names where name.hasPrefix(base + ".") && name.hasSuffix(".recover") {
            let path = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
            let owner = Recovery.owner(of: path, file: file)
            guard path == "\(file).recover" || owner != nil else { continue }
            if let o = owner, o == own || isAlive(o) { continue }
            guard let bytes = try? fs.read(path), let d = try? DesignFile.decode(bytes, file: path, catalog: catalog) else { continue }
            if let onDisk, d == onDisk { fs.remove(path); continue }
            out.append((RecoveryCopy(path: path, design: d), fs.stamp(path)?.modified ?? 0))
        }
        return out.sorted { $0.1 < $1.1 }.map(\.0)
    }
}

/// Whether a process still runs (signal 0 checks without sending anything).
public func processIsAlive(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
}
