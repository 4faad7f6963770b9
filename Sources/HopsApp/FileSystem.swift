import Foundation
import HopsFormats

/// What identifies one version of a file on disk: if any part differs, someone wrote it.
public struct FileStamp: Equatable, Sendable {
    public var modified: Int64
    public var size: Int64
    public var inode: UInt64
    public init(modified: Int64, size: Int64, inode: UInt64) {
        self.modified = modified; self.size = size; self.inode = inode
    }
}

/// The file system as the run loop needs it, behind a protocol so that whole sessions run in
/// tests against `MemoryFileSystem` and leave files there to assert.
public protocol FileSystem: AnyObject {
    /// The file's bytes; a `FileError` with a short reason when it cannot be read.
    func read(_ path: String) throws(FileError) -> Data
    /// Writes so that a reader sees the old bytes or the new, never a mix; keeps an existing
    /// file's mode, owner and links; `privately` makes a new file readable by its owner only.
    func write(_ data: Data, to path: String, privately: Bool) throws(FileError)
    /// Nil when there is no such file.
    func stamp(_ path: String) -> FileStamp?
    func remove(_ path: String)
    /// The names in a folder (not their paths), nil when it cannot be listed.
    func list(_ folder: String) -> [String]?
    func isFolder(_ path: String) -> Bool
}

/// The real file system.
public final class DiskFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws(FileError) -> Data {
        try DesignFile.readBytes(path: path)
    }

    public func write(_ data: Data, to path: String, privately: Bool) throws(FileError) {
        try AtomicFile.write(data, to: path, newFileMode: privately ? 0o600 : 0o644)
    }

    public func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let ns = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        return FileStamp(modified: ns, size: Int64(st.st_size), inode: UInt64(st.st_ino))
    }

    public func remove(_ path: String) { unlink(path) }

    public func list(_ folder: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)
    }

    public func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}

/// A file system in memory for tests: files are bytes with a stamp that changes on every write.
public final class MemoryFileSystem: FileSystem {
    public private(set) var files: [String: Data] = [:]
    /// Paths written privately (mode 0600).
    public private(set) var privateFiles: Set<String> = []
    private var stamps: [String: FileStamp] = [:]
    private var clock: Int64 = 0
    /// Folders that refuse writes, to test failed saves.
    public var readOnlyFolders: Set<String> = []

    public init(_ files: [String: Data] = [:]) {
        for (p, d) in files { put(d, p) }
    }

    /// Writes a file as another program would (not through Hops).
    public func put(_ data: Data, _ path: String) {
        clock += 1
        files[path] = data
        stamps[path] = FileStamp(modified: clock, size: Int64(data.count), inode: 1)
    }

    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    public func read(_ path: String) throws(FileError) -> Data {
        guard let d = files[path] else { throw FileError(file: path, "no such file") }
        return d
    }

    public func write(_ data: Data, to path: String, privately: Bool) throws(FileError) {
        let folder = (path as NSString).deletingLastPathComponent
        if readOnlyFolders.contains(folder) { throw FileError(file: path, "not saved: permission denied in \(folder)") }
        if files[path] == nil && privately { privateFiles.insert(path) }
        put(data, path)
    }

    public func stamp(_ path: String) -> FileStamp? { stamps[path] }
    public func remove(_ path: String) { files[path] = nil; stamps[path] = nil; privateFiles.remove(path) }

    /// Files and folders directly inside `folder` (a folder exists while a file is in it).
    public func list(_ folder: String) -> [String]? {
        let prefix = folder.isEmpty || folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        var names = Set<String>()
        for path in files.keys where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            if let first = rest.split(separator: "/").first { names.insert(String(first)) }
        }
        return names.sorted()
    }

    public func isFolder(_ path: String) -> Bool { files.keys.contains { $0.hasPrefix(path.hasSuffix("/") ? path : path + "/") } }
}
