import Foundation
import HopsApp
import HopsFormats
import Testing

/// Saving writes the file the user has, the way it was: through symlinks, keeping its mode,
/// owner and hard links, and never half-written. Failures are one short line.
@Suite struct SavingTests {
    func mode(_ path: String) -> mode_t { var st = stat(); stat(path, &st); return st.st_mode & 0o7777 }

    @Test func aSymlinkStaysASymlinkAndItsTargetIsWritten() throws {
        let dir = Fixtures.tempDir().path
        let target = dir + "/real.hops.json", link = dir + "/link.hops.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        symlink("real.hops.json", link)
        try AtomicFile.write(Data("new".utf8), to: link)
        var st = stat()
        lstat(link, &st)
        #expect(st.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test func theModeIsKeptAndNewRecoveryCopiesAreOwnerOnly() throws {
        let dir = Fixtures.tempDir().path
        let file = dir + "/secret.hops.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        try AtomicFile.write(Data("new".utf8), to: file)
        #expect(mode(file) == 0o600)
        chmod(file, 0o664)
        try AtomicFile.write(Data("newer".utf8), to: file)
        #expect(mode(file) == 0o664)
        try DiskFileSystem().write(Data("r".utf8), to: dir + "/x.recover", privately: true)
        #expect(mode(dir + "/x.recover") == 0o600)
    }

    /// A pipe (or device) named as the file is written into and stays what it is; renaming
    /// over it would have replaced the node. With no one reading, saving fails at once.
    @Test func aPipeIsWrittenIntoNotReplaced() throws {
        let dir = Fixtures.tempDir().path
        let fifo = dir + "/out.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: FileError(file: fifo, "nothing is reading \(fifo)")) {
            try AtomicFile.write(Data("x".utf8), to: fifo)
        }
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        let bytes = Data(repeating: UInt8(ascii: "k"), count: 4_000) // within a pipe's buffer
        try AtomicFile.write(bytes, to: fifo)
        var buffer = [UInt8](repeating: 0, count: 8_192)
        let n = read(reader, &buffer, buffer.count)
        close(reader)
        #expect(n == bytes.count && Data(buffer[0..<max(0, n)]) == bytes)
        var st = stat()
        lstat(fifo, &st)
        #expect(st.st_mode & S_IFMT == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.fifo"]) // no temporary left
    }

    @Test func hardLinksStayLinked() throws {
        let dir = Fixtures.tempDir().path
        let a = dir + "/a.hops.json", b = dir + "/b.hops.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: a))
        link(a, b)
        try AtomicFile.write(Data("new".utf8), to: a)
        #expect(try String(contentsOfFile: b, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.hops.json", "b.hops.json"])
    }

    @Test func failuresAreOneShortLine() throws {
        let dir = Fixtures.tempDir().path
        #expect(throws: FileError(file: "/no/such/x.hops.json", "no such folder /no/such")) {
            try AtomicFile.write(Data(), to: "/no/such/x.hops.json")
        }
        #expect(throws: FileError(file: dir, "\(dir) is a folder")) { try AtomicFile.write(Data(), to: dir) }
        let reason = "no such folder /no/such"
        #expect(("not saved: " + reason).count <= 80)
    }

    @Test func aNameAsLongAsTheSystemAllowsSaves() throws {
        let dir = Fixtures.tempDir().path
        let name = String(repeating: "n", count: 255 - ".hops.json".count) + ".hops.json"
        try AtomicFile.write(Data("x".utf8), to: dir + "/" + name)
        #expect(FileManager.default.fileExists(atPath: dir + "/" + name))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [name]) // no temporary file left
    }
}
