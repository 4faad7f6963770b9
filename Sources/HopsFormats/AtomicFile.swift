import Foundation
import HopsDesign

/// Writes files so that a reader sees the old bytes or the new, never a mix, and so that the
/// file stays what it was: a symlink keeps pointing at its target (which is what gets
/// written), the mode and owner are kept, and a file with other hard links is written in
/// place (a rename would cut the links) after a full copy was safely written beside it. A
/// device or pipe is written into, never replaced.
public enum AtomicFile {
    /// Writes `data` to `path`. A new file gets `newFileMode` (0600 for recovery copies).
    /// Errors are a `FileError` whose message is one short reason ("no such folder /x/y").
    public static func write(_ data: Data, to path: String, newFileMode: mode_t = 0o644) throws(FileError) {
        // A device or pipe (`-o /dev/stdout`, `>(kubectl apply -f -)`) is written into: renaming a
        // file over it would replace the device node itself. Asked through the path as given,
        // because /dev/fd/N links to a pipe by a name ("pipe:[N]") that is not a path.
        var followed = stat()
        if stat(path, &followed) == 0, followed.st_mode & S_IFMT != S_IFREG, followed.st_mode & S_IFMT != S_IFDIR {
            try writeSpecial(data, target: path, for: path)
            return
        }
        let target = resolvingSymlinks(path)
        let folder = (target as NSString).deletingLastPathComponent
        let dir = folder.isEmpty ? "." : folder
        var ds = stat()
        guard stat(dir, &ds) == 0 else { throw FileError(file: path, errno == ENOTDIR ? "a part of \(dir) is not a folder" : "no such folder \(dir)") }
        guard ds.st_mode & S_IFMT == S_IFDIR else { throw FileError(file: path, "\(dir) is not a folder") }
        var st = stat()
        let exists = stat(target, &st) == 0
        if exists && st.st_mode & S_IFMT == S_IFDIR { throw FileError(file: path, "\(target) is a folder") }
        let mode = exists ? st.st_mode & 0o7777 : newFileMode
        let temp = try writeTemporary(data, in: dir, mode: mode, owner: exists ? (st.st_uid, st.st_gid) : nil, for: path)
        if exists && st.st_nlink > 1 {
            try overwriteInPlace(data, target: target, keeping: temp, for: path)
            return
        }
        if rename(temp, target) != 0 {
            let reason = reasonForErrno(errno, folder: dir, file: target)
            unlink(temp)
            throw FileError(file: path, reason)
        }
        fsyncFolder(dir)
    }

    /// True when both paths name one existing file (through links, or two names of it): writing
    /// the one would replace what is being read from the other.
    public static func isSameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// The file a chain of symlinks ends at (the path itself when it is none), even when that
    /// file does not exist yet. Stops after 32 links, as the kernel does.
    public static func resolvingSymlinks(_ path: String) -> String {
        var p = path
        for _ in 0..<32 {
            var st = stat()
            guard lstat(p, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return p }
            var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(p, &buf, Int(PATH_MAX))
            guard n > 0 else { return p }
            let link = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            p = link.hasPrefix("/") ? link : ((p as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        return p
    }

    private nonisolated(unsafe) static var counter = 0

    /// A complete, flushed copy of `data` in a new file beside the target. Its name is short,
    /// so that a target name near the system's limit still has room for it.
    private static func writeTemporary(_ data: Data, in dir: String, mode: mode_t, owner: (uid_t, gid_t)?,
                                       for path: String) throws(FileError) -> String {
        counter += 1
        let temp = (dir as NSString).appendingPathComponent(".hops-\(getpid())-\(counter).tmp")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileError(file: path, reasonForErrno(errno, folder: dir, file: path)) }
        var failure: Int32 = 0
        if fchmod(fd, mode) != 0 { failure = errno } // the umask must not widen or narrow the old mode
        if let (uid, gid) = owner, fchown(fd, uid, gid) != 0, errno != EPERM { failure = errno }
        if failure == 0 { failure = writeAll(fd, data) }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw FileError(file: path, reasonForErrno(failure, folder: dir, file: path))
        }
        return temp
    }

    private static func overwriteInPlace(_ data: Data, target: String, keeping temp: String, for path: String) throws(FileError) {
        let fd = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)
        var failure: Int32 = fd < 0 ? errno : 0
        if failure == 0 { failure = writeAll(fd, data) }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if fd >= 0, close(fd) != 0, failure == 0 { failure = errno }
        guard failure == 0 else {
            let dir = (target as NSString).deletingLastPathComponent
            throw FileError(file: path, "\(reasonForErrno(failure, folder: dir, file: target)); the new version is in \(temp)")
        }
        unlink(temp)
    }

    /// Writes into a file that is not a regular one. A pipe with no reader is an error at once,
    /// not a wait for one (opened without blocking, then written blocking); a socket cannot be
    /// opened and says so.
    private static func writeSpecial(_ data: Data, target: String, for path: String) throws(FileError) {
        let dir = (target as NSString).deletingLastPathComponent
        let fd = open(target, O_WRONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let e = errno
            throw FileError(file: path, e == ENXIO ? "nothing is reading \(target)"
                                                   : reasonForErrno(e, folder: dir, file: target))
        }
        var failure: Int32 = 0
        let flags = fcntl(fd, F_GETFL)
        if flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0 { failure = errno }
        // A reader that goes away would raise SIGPIPE, which ends the program (an editor with
        // unsaved work): ignored for this write, the write fails with EPIPE instead.
        let previous = signal(SIGPIPE, SIG_IGN)
        if failure == 0 { failure = writeAll(fd, data) }
        signal(SIGPIPE, previous)
        if close(fd) != 0, failure == 0, errno != EINTR { failure = errno }
        if failure != 0 {
            throw FileError(file: path, failure == EPIPE ? "\(target) was closed before it took everything"
                                                         : reasonForErrno(failure, folder: dir, file: target))
        }
    }

    private static func writeAll(_ fd: Int32, _ data: Data) -> Int32 {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int32 in
            var off = 0
            while off < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 { if errno == EINTR { continue }; return errno }
                off += n
            }
            return 0
        }
    }

    private static func fsyncFolder(_ dir: String) {
        let fd = open(dir, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    /// One short reason for a failed write, naming the folder or file it is about.
    static func reasonForErrno(_ e: Int32, folder: String, file: String) -> String {
        switch e {
        case ENOENT: return "no such folder \(folder)"
        case EACCES, EPERM: return "permission denied in \(folder)"
        case EROFS: return "\(folder) is on a read-only file system"
        case ENOSPC, EDQUOT: return "the disk is full"
        case ENAMETOOLONG: return "the file name is too long"
        case EISDIR: return "\(file) is a folder"
        case ENOTDIR: return "a part of \(folder) is not a folder"
        case ETXTBSY, EBUSY: return "\(file) is busy"
        default: return String(cString: strerror(e)).lowercased()
        }
    }
}
