import Foundation

/// Writes files so that a reader sees the old bytes or the new, never a mix: the bytes go to a
/// temporary file in the same folder, are flushed, and the temporary file is renamed over the target.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir, isDirectory: &isDir), isDir.boolValue else {
            throw FileError(file: path, "cannot be saved: the folder \(dir) does not exist")
        }
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil) else {
            throw FileError(file: path, "cannot be saved: the folder \(dir) is not writable")
        }
        do {
            let handle = try FileHandle(forWritingTo: temp)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temp.path, url.path) != 0 { throw FileError(file: path, "cannot be saved: rename failed (errno \(errno))") }
        } catch let e as FileError {
            try? FileManager.default.removeItem(at: temp)
            throw e
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw FileError(file: path, "cannot be saved: \(error.localizedDescription)")
        }
    }
}
