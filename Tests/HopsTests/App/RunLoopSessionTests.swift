import Foundation
import HopsApp
import HopsDesign
@testable import HopsEditor
import HopsFormats
import Testing

/// Whole sessions through the run loop, with the files they leave behind asserted.
@Suite struct RunLoopSessionTests {
    static let file = "/work/shop.hops.json"
    static func fsWithBundled() throws -> MemoryFileSystem {
        MemoryFileSystem([file: DesignFile.encode(try Fixtures.bundledDesign())])
    }

    @Test func writeQuitSavesThenQuits() throws {
        let fs = try Self.fsWithBundled()
        let s = try ScriptedSession(file: Self.file, fs: fs, [.keys("lr<C-u>api<Enter>"), .wait(4000), .keys(":wq<Enter>")])
        #expect(s.ending == .quit)
        #expect(fs.design(Self.file)?.components.contains { $0.name == "api" } == true)
        #expect(fs.recoveryCopies(of: Self.file).isEmpty)
    }

    @Test func aFailedSaveNeverQuitsAndKeepsTheRecoveryCopy() throws {
        let fs = try Self.fsWithBundled()
        fs.readOnlyFolders = ["/work"]
        let s = try ScriptedSession(file: Self.file, fs: fs, [
            .keys("lr<C-u>api<Enter>"), .meanwhile {}, .keys(":wq<Enter>"), .keys("q"), .keys("y"),
        ])
        // Both ways to save and quit failed: the editor stayed open until the script ended.
        #expect(s.ending == .terminalLost)
        #expect(s.editor.isDirty)
        #expect(s.editor.message?.hasPrefix("not saved: ") == true)
        #expect(s.editor.message?.hasSuffix("(still open)") == true)
        #expect(fs.design(Self.file)?.components.contains { $0.name == "api" } == false)
    }

    @Test func theRecoveryCopyIsPrivateAndOnlyThisEditorsOwnIsRemoved() throws {
        let fs = try Self.fsWithBundled()
        var other = try Fixtures.bundledDesign()
        other.name = "someone else's unsaved work"
        fs.put(DesignFile.encode(other), Self.file + ".7.recover")
        // Editor 100 changes something, waits for its copy, then quits without saving.
        try ScriptedSession(file: Self.file, fs: fs, alive: [7], [.keys("lr<C-u>api<Enter>"), .wait(3500)])
        let own = Recovery.path(for: Self.file, pid: 100)
        #expect(fs.files[own] != nil)
        #expect(fs.privateFiles.contains(own))
        try ScriptedSession(file: Self.file, fs: fs, pid: 101, alive: [7, 100], [.keys("lr<C-u>web2<Enter>"), .keys(":q!<Enter>")])
        // Editor 101 quit: its own copy is gone, the two others are untouched.
        #expect(fs.recoveryCopies(of: Self.file) == [Self.file + ".100.recover", Self.file + ".7.recover"])
    }

    @Test func everyCopyThatDiffersIsOfferedEvenWhenOlderThanTheFile() throws {
        let fs = try Self.fsWithBundled()
        var lost = try Fixtures.bundledDesign()
        lost.components[0].name = "from-copy"
        fs.put(DesignFile.encode(lost), Self.file + ".recover")          // the old shared name
        fs.put(DesignFile.encode(try Fixtures.bundledDesign()), Self.file + ".55.recover") // same as the file
        fs.put(DesignFile.encode(try Fixtures.bundledDesign()), Self.file) // the file is newer than both
        let s = try ScriptedSession(file: Self.file, fs: fs, [.keys("y"), .keys(":wq<Enter>")])
        #expect(s.ending == .quit)
        #expect(fs.design(Self.file)?.components[0].name == "from-copy")
        // The restored copy is removed once its work was saved; the identical one kept nothing.
        #expect(fs.recoveryCopies(of: Self.file).isEmpty)
    }

    @Test func declinedCopiesAreDeletedAndPostponedOnesKept() throws {
        let fs = try Self.fsWithBundled()
        for (pid, name) in [(1, "one"), (2, "two")] as [(Int32, String)] {
            var d = try Fixtures.bundledDesign(); d.name = name
            fs.put(DesignFile.encode(d), Recovery.path(for: Self.file, pid: pid))
        }
        let s = try ScriptedSession(file: Self.file, fs: fs, [.keys("n"), .keys("<Esc>"), .keys("q")])
        #expect(s.ending == .quit)
        #expect(fs.recoveryCopies(of: Self.file) == [Recovery.path(for: Self.file, pid: 2)])
    }

    @Test func twoEditorsOnOneFileNeverOverwriteEachOtherSilently() throws {
        let fs = try Self.fsWithBundled()
        var theirs = try Fixtures.bundledDesign()
        theirs.name = "saved by the other editor"
        let s = try ScriptedSession(file: Self.file, fs: fs, [
            .keys("lr<C-u>api<Enter>"),
            .meanwhile { fs.put(DesignFile.encode(theirs), Self.file) },
            .keys(":w<Enter>"),
        ])
        #expect(s.editor.mode == .confirm(.overwriteChanged(Self.file)))
        #expect(s.terminal.screenText.contains("changed on disk since it was read."))
        #expect(fs.design(Self.file)?.name == "saved by the other editor")
        // Asked again, the answer y overwrites; and the watcher also notices a change by itself.
        let fs2 = try Self.fsWithBundled()
        let s2 = try ScriptedSession(file: Self.file, fs: fs2, [
            .keys("lr<C-u>api<Enter>"),
            .meanwhile { fs2.put(DesignFile.encode(theirs), Self.file) },
            .wait(2500),
        ])
        #expect(s2.editor.mode == .confirm(.reloadChanged(Self.file)))
        let fs3 = try Self.fsWithBundled()
        try ScriptedSession(file: Self.file, fs: fs3, [
            .keys("lr<C-u>api<Enter>"),
            .meanwhile { fs3.put(DesignFile.encode(theirs), Self.file) },
            .keys(":w<Enter>"), .keys("y"),
        ])
        #expect(fs3.design(Self.file)?.components.contains { $0.name == "api" } == true)
    }

    @Test func reloadingAChangedFileShowsTheirVersion() throws {
        let fs = try Self.fsWithBundled()
        var theirs = try Fixtures.bundledDesign()
        theirs.name = "theirs"
        let s = try ScriptedSession(file: Self.file, fs: fs, [
            .meanwhile { fs.put(DesignFile.encode(theirs), Self.file) }, .wait(2500), .keys("y"),
        ])
        #expect(s.editor.design.name == "theirs")
        #expect(!s.editor.isDirty)
    }

    @Test func aSignalKeepsTheWorkAndEndsWithIt() throws {
        let fs = try Self.fsWithBundled()
        let s = try ScriptedSession(file: Self.file, fs: fs, [.keys("lr<C-u>api<Enter>"), .signal(15)])
        #expect(s.ending == .signal(15))
        let copy = try #require(fs.design(Recovery.path(for: Self.file, pid: 100)))
        #expect(copy.components.contains { $0.name == "api" })
    }

    @Test func saveAsANewNameRefusesToReplaceAFileItDidNotRead() throws {
        let fs = try Self.fsWithBundled()
        fs.put(Data("precious".utf8), "/work/other.hops.json")
        let s = try ScriptedSession(file: Self.file, fs: fs, [.keys(":w /work/other.hops.json<Enter>")])
        #expect(s.editor.mode == .confirm(.overwriteExisting("/work/other.hops.json")))
        #expect(s.terminal.screenText.contains("/work/other.hops.json exists and is not the file this editor"))
        #expect(s.terminal.screenText.contains("read. Replace it? y replace · n don't save"))
        #expect(fs.text("/work/other.hops.json") == "precious")
    }

    /// `:export meshery` writes what `hops export --to meshery` writes, and keeps the new Meshery
    /// id in the design (unsaved until :w) so that the next export updates the same design.
    @Test func exportingAMesheryDesignKeepsItsID() throws {
        let fs = try Self.fsWithBundled()
        let out = "/work/shop.meshery.json"
        let s = try ScriptedSession(file: Self.file, fs: fs, [.keys(":export meshery \(out)<Enter>")])
        let first = try JSONSerialization.jsonObject(with: try #require(fs.files[out])) as? [String: Any]
        #expect(first?["schemaVersion"] as? String == "designs.meshery.io/v1beta1")
        let id = try #require(first?["id"] as? String)
        #expect(s.editor.message == "exported meshery to \(out); the design now keeps its Meshery id (:w saves it)")
        #expect(s.editor.isDirty)
        #expect(s.editor.design.extra["meshery"]?.object?["id"]?.string == id)
        // Another editor finds that file there and asks before replacing it; its own export it
        // replaces without asking.
        let t = try ScriptedSession(file: Self.file, fs: fs, [
            .keys(":export meshery \(out)<Enter>"), .keys("y"), .keys(":w<Enter>"),
            .keys(":export meshery \(out)<Enter>"),
        ])
        let kept = try #require(t.editor.design.extra["meshery"]?.object?["id"]?.string)
        let again = try JSONSerialization.jsonObject(with: try #require(fs.files[out])) as? [String: Any]
        #expect(again?["id"] as? String == kept)
        #expect(t.editor.message == "exported meshery to \(out)" && !t.editor.isDirty)
    }

    /// `:export` over a file it did not write asks first, as `:w` does; n keeps the file.
    @Test func exportingOverAnotherFileAsksFirst() throws {
        let fs = try Self.fsWithBundled()
        fs.put(Data("precious".utf8), "/work/notes.txt")
        let s = try ScriptedSession(file: Self.file, fs: fs, [.keys(":export k8s /work/notes.txt<Enter>")])
        #expect(s.editor.mode == .confirm(.exportOverExisting(.k8s, "/work/notes.txt")))
        #expect(s.terminal.screenText.contains("/work/notes.txt exists and this editor did not export it."))
        let n = try ScriptedSession(file: Self.file, fs: fs, [.keys(":export k8s /work/notes.txt<Enter>"), .keys("n")])
        #expect(n.editor.message == "not exported: /work/notes.txt is kept")
        #expect(fs.text("/work/notes.txt") == "precious")
        let y = try ScriptedSession(file: Self.file, fs: fs, [.keys(":export k8s /work/notes.txt<Enter>"), .keys("y")])
        #expect(fs.text("/work/notes.txt")?.hasPrefix("apiVersion:") == true)
        #expect(y.editor.message?.hasPrefix("exported k8s to /work/notes.txt") == true)
    }

    /// A path in quotes (as a shell wants one with spaces) is the path inside them.
    @Test func aQuotedPathIsThePathInside() throws {
        let fs = try Self.fsWithBundled()
        _ = try ScriptedSession(file: Self.file, fs: fs, [.keys(":w \"/work/my shop.hops.json\"<Enter>"),
                                                          .keys(":export k8s '/work/my shop.yaml'<Enter>")])
        #expect(fs.files["/work/my shop.hops.json"] != nil && fs.files["/work/my shop.yaml"] != nil)
    }

    /// A folder is refused at once, with no question about replacing it first; exporting over
    /// the design's own file is refused too (the manifests would replace the design).
    @Test func aFolderOrTheDesignsOwnFileIsRefusedWithoutAQuestion() throws {
        let fs = try Self.fsWithBundled()
        fs.put(Data("x".utf8), "/work/sub/a.txt")
        let s = try ScriptedSession(file: Self.file, fs: fs, [.keys(":w /work/sub<Enter>")])
        #expect(s.editor.mode == .normal)
        #expect(s.editor.message == "not saved: /work/sub is a folder")
        let before = try #require(fs.text(Self.file))
        let t = try ScriptedSession(file: Self.file, fs: fs, [.keys(":export k8s \(Self.file)<Enter>")])
        #expect(t.editor.message == "not exported: \(Self.file) is this design's own file; export to another name")
        #expect(fs.text(Self.file) == before)
    }

    @Test func pathCompletionListsFoldersAndDesignsFromTheFileSystem() {
        let fs = MemoryFileSystem(["/w/a.hops.json": Data(), "/w/sub/b.hops.json": Data(), "/w/notes.txt": Data()])
        #expect(PathCompletion.candidates("/w/", fs: fs) == ["/w/a.hops.json", "/w/sub/"])
    }

    static let manifest = """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: app, image: "nginx:1.27", ports: [{containerPort: 8080}]}]}
        """

    @Test func manifestsOpenAsADesignWithoutAFileAndExportBack() throws {
        let fs = try Self.fsWithBundled()
        fs.put(Data(Self.manifest.utf8), "/work/app.yaml")
        let s = try ScriptedSession(file: Self.file, fs: fs, [
            .keys(":e /work/app.yaml<Enter>"), .keys(":w<Enter>"), .keys("<Esc>"),
            .keys(":export k8s /work/out.yaml<Enter>"),
        ])
        #expect(s.editor.path == nil) // never written over the YAML
        #expect(s.editor.design.components.contains { $0.kind == .deployment && $0.name == "web" })
        let out = try #require(fs.text("/work/out.yaml"))
        #expect(out.contains("kind: Deployment"))
        #expect(out.contains("kind: Service"))
        #expect(fs.text("/work/app.yaml") == Self.manifest)
        #expect(s.editor.message == "exported k8s to /work/out.yaml")
    }

    @Test func writeWithoutAFileAsksForOne() throws {
        var session = Session(Design(name: "x"), path: nil)
        session.keys(":w<Enter>")
        #expect(session.editor.mode == .command(TextField("w ")))
        #expect(session.editor.message == "name the design file: :w path.hops.json")
    }
}
