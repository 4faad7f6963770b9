import Foundation
import HopsDesign
import HopsFormats
import HopsResources
import Testing

@Suite struct DesignFileTests {
    @Test func loadSaveLoadIsIdentical() throws {
        let first = try Fixtures.bundledDesign()
        let bytes = DesignFile.encode(first)
        let second = try DesignFile.decode(bytes, file: "round.hops.json", catalog: Fixtures.catalog)
        #expect(second == first)
        #expect(DesignFile.encode(second) == bytes) // stable bytes: same design, same file
    }

    @Test func bundledFileIsAlreadyInCanonicalForm() throws {
        let canonical = String(decoding: DesignFile.encode(try Fixtures.bundledDesign()), as: UTF8.self)
        #expect(canonical == String(decoding: BundledResources.requestFlowJSON, as: UTF8.self))
    }

    @Test func keyOrderIsStableAndFormatComesFirst() throws {
        let text = String(decoding: DesignFile.encode(try Fixtures.bundledDesign()), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines[1] == "  \"format\": \"hops/v1\",")
        #expect(lines[2] == "  \"name\": \"Kubernetes Request Flow\",")
    }

    @Test func unknownKeysSurviveARoundTrip() throws {
        let json = """
        {"format": "hops/v1", "name": "x", "owner": {"team": "edge"},
         "components": [{"id": "u", "kind": "User", "name": "U", "colour": "teal", "properties": {"future": [1, 2]}}],
         "connections": [{"id": "k", "from": "u", "to": "u2", "weight": 3}]}
        """.replacingOccurrences(of: "\"to\": \"u2\"", with: "\"to\": \"u\"")
        // A self-connection is invalid; use two components instead.
        let fixed = json.replacingOccurrences(of: "\"components\": [", with: "\"components\": [{\"id\": \"u2\", \"kind\": \"Box\", \"name\": \"B\"}, ")
            .replacingOccurrences(of: "\"to\": \"u\"", with: "\"to\": \"u2\"")
        let d = try DesignFile.decode(Data(fixed.utf8), file: "x.hops.json", catalog: Fixtures.catalog)
        let again = try DesignFile.decode(DesignFile.encode(d), file: "x.hops.json", catalog: Fixtures.catalog)
        #expect(again.extra["owner"] == .object(["team": .string("edge")]))
        #expect(again.component("u")?.extra["colour"] == .string("teal"))
        #expect(again.component("u")?.properties["future"] == .array([.number(1), .number(2)]))
        #expect(again.connections[0].extra["weight"] == .number(3))
    }

    @Test func writeIsAtomicAndLeavesNoTemporaryFile() throws {
        let dir = Fixtures.tempDir()
        let path = dir.appendingPathComponent("d.hops.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try DesignFile.write(try Fixtures.bundledDesign(), to: path)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(files == ["d.hops.json"])
        #expect(try DesignFile.read(path: path, catalog: Fixtures.catalog) == (try Fixtures.bundledDesign()))
    }

    @Test func savingIntoAMissingFolderFailsAndSaysWhere() throws {
        #expect(throws: FileError.self) { try DesignFile.write(try Fixtures.bundledDesign(), to: "/nonexistent-dir/x.hops.json") }
    }
}

/// Every kind of bad input gives one clear line naming the file, the place and what is wrong.
@Suite struct BadInputTests {
    func error(_ json: String) -> String {
        do {
            _ = try DesignFile.decode(Data(json.utf8), file: "bad.hops.json", catalog: Fixtures.catalog)
            return "no error"
        } catch {
            return String(describing: error)
        }
    }

    @Test func missingFile() {
        #expect(throws: FileError(file: "missing.hops.json", "no such file")) {
            try DesignFile.read(path: "missing.hops.json", catalog: Fixtures.catalog)
        }
    }

    @Test func notJSONNamesLineAndColumn() {
        #expect(error("{\n  \"format\": \"hops/v1\",\n  oops\n}") == #"bad.hops.json: line 3, column 3: is not valid JSON: expected a key in quotes, found "oops\n}""#)
        #expect(error("") == "bad.hops.json: line 1, column 1: is not valid JSON: the file is empty")
    }

    @Test func wrongShape() {
        #expect(error("[1]") == "bad.hops.json: $: the top level must be an object, found an array")
        #expect(error(#"{"name": "x"}"#) == #"bad.hops.json: format: missing: a Hops design file starts with "format": "hops/v1""#)
        #expect(error(#"{"format": "hops/v1", "components": {}}"#) == "bad.hops.json: components: must be an array, found an object")
        #expect(error(#"{"format": "hops/v1", "components": [{"id": "a", "kind": "Deployment", "properties": {"replicas": "3"}}]}"#)
                == "bad.hops.json: components[0].properties.replicas: must be a whole number from 0 to 10000, found the string \"3\"")
    }

    @Test func connectionToAMissingID() {
        #expect(error(#"{"format": "hops/v1", "components": [{"id": "a", "kind": "User"}], "connections": [{"id": "k", "from": "a", "to": "b"}]}"#)
                == #"bad.hops.json: connections[0].to: no component has the id "b""#)
    }

    @Test func parentCycle() {
        #expect(error(#"{"format": "hops/v1", "components": [{"id": "a", "kind": "Box", "parent": "b"}, {"id": "b", "kind": "Box", "parent": "a"}]}"#)
                == #"bad.hops.json: components[0].parent: parents form a cycle through "a""#)
    }

    @Test func unknownKind() {
        #expect(error(#"{"format": "hops/v1", "components": [{"id": "a", "kind": "Servise"}]}"#)
            .hasPrefix(#"bad.hops.json: components[0].kind: unknown kind "Servise" (known: User, Ingress, Service"#))
    }

    @Test func controlCharactersAndEscapeSequencesInNamesAreRefusedAndShownEscaped() {
        let e = error("{\"format\": \"hops/v1\", \"components\": [{\"id\": \"a\", \"kind\": \"User\", \"name\": \"evil\\u001b[2Jname\\u0007\"}]}")
        #expect(e == #"bad.hops.json: components[0].name: the name "evil\e[2Jname\u{7}" contains control characters or invisible formatting"#)
        #expect(!e.unicodeScalars.contains { $0.value < 0x20 })
    }
}
