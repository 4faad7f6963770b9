import Foundation
import HopsDesign
import Testing

@testable import HopsKube

/// Every bad input is one clear line naming the file and document; nothing usable read is an
/// error, some documents read is a design with warnings.
@Suite struct BadInputTests {
    static let service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n"

    @Test func brokenYAMLNamesFileDocumentLineAndColumn() {
        let text = Self.service + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n"
        let (design, warnings) = try! KubeSupport.importText(text, name: "broken.yaml")
        #expect(design.components.map(\.id) == ["svc-web"])
        #expect(
            warnings.map(\.description) == [
                "broken.yaml: document 2, line 13, column 1: is not valid YAML: did not find expected ',' or ']' "
                    + "(while parsing a flow sequence at line 12, column 9)"
            ])
    }

    @Test func aDocumentWithoutKindOrApiVersion() {
        #expect(
            KubeSupport.failure("apiVersion: v1\nmetadata:\n  name: x\n") == [
                "bad.yaml: document 1, line 1, column 1: the object has no `kind`, "
                    + "so it is not a Kubernetes manifest; skipped"
            ])
        #expect(
            KubeSupport.failure("kind: Service\nmetadata:\n  name: x\n") == [
                "bad.yaml: document 1, line 1, column 1: the object has no `apiVersion`, "
                    + "so it is not a Kubernetes manifest; skipped"
            ])
    }

    @Test func aWrongType() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: \"three\"\n"
        #expect(
            KubeSupport.failure(text) == [
                "bad.yaml: document 1, line 6, column 13: "
                    + "spec.replicas must be a whole number, not the string \"three\"; "
                    + "Deployment web skipped"
            ])
    }

    @Test func duplicateKeys() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n"
        #expect(
            KubeSupport.failure(text) == [
                "bad.yaml: document 1, line 4, column 3: the key \"name\" appears more than once in one mapping "
                    + "(first here) (near \"name: a\")"
            ])
    }

    @Test func nestingDeeperThan1000() {
        let text =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: " + String(repeating: "[", count: 1200)
        let lines = KubeSupport.failure(text)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("bad.yaml: document 1, line 4, column ") == true)
        #expect(lines.first?.contains(": nesting deeper than 1000 levels (near \"[[[[") == true)
        #expect((lines.first?.count ?? 0) < 160)
    }

    @Test func anAliasBombIsBoundedInTimeAndMemory() {
        var text =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "  a\(i): &a\(i) [\(refs)]\n"
        }
        #expect(
            KubeSupport.failure(text) == [
                "bad.yaml: document 1, line 11, column 7: "
                    + "the file expands to more than 2000000 YAML nodes (an alias bomb?); "
                    + "Hops stops reading here (near \"&a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, …\")"
            ])
    }

    @Test func anAliasUsedAsAKeyIsRefused() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: k}\nx: &x [a, b]\ndata:\n  *x : 1\n"
        #expect(
            KubeSupport.failure(text) == [
                "bad.yaml: line 6, column 3: uses an alias (*x) as a mapping key, "
                    + "which Kubernetes manifests never need and "
                    + "Hops does not read"
            ])
    }

    @Test func a50MBFileIsRefusedWithItsSize() throws {
        let dir = KubeSupport.tempDir()
        let path = dir.appendingPathComponent("huge.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 50 << 20)
        try handle.close()
        #expect(throws: KubeImportError.self) { try KubeImport.read(paths: [path]) }
        do { _ = try KubeImport.read(paths: [path]) } catch let e as KubeImportError {
            #expect(
                e.description
                    == "\(path): is 50 MB, more than the 32 MB Hops reads from one file: split it into smaller files")
        }
    }

    @Test func binaryData() {
        let data = Data("apiVersion: v1\nkind: Secret\n".utf8) + Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        do { _ = try KubeImport.design(named: "x", from: [("logo.png", data)]) } catch let e as KubeImportError {
            #expect(
                e.description
                    == "logo.png: line 3, column 1: holds binary data (bytes that are not UTF-8), not YAML text")
        } catch { Issue.record("unexpected \(error)") }
        let nul = Data("kind: Secret\u{0}\n".utf8)
        do { _ = try KubeImport.design(named: "x", from: [("nul.yaml", nul)]) } catch let e as KubeImportError {
            #expect(e.description == "nul.yaml: line 1, column 13: holds binary data (byte 0x00), not YAML text")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func anUnreadablePath() {
        #expect(throws: KubeImportError.self) { try KubeImport.read(paths: ["/nonexistent/app.yaml"]) }
        do { _ = try KubeImport.read(paths: ["/nonexistent/app.yaml"]) } catch let e as KubeImportError {
            #expect(e.description == "/nonexistent/app.yaml: no such file or folder")
        } catch {}
    }

    @Test func aPathThatFailsBesideOneThatWorksIsAWarning() throws {
        let (d, warnings) = try KubeImport.read(paths: [
            "/nonexistent/app.yaml", KubeSupport.k8s("bookinfo-mysql.yaml"),
        ])
        #expect(d.count(.deployment) == 1)
        #expect(warnings.map(\.description) == ["/nonexistent/app.yaml: no such file or folder"])
    }

    @Test func escapesWhatAFileSays() {
        let text =
            "apiVersion: v1\nkind: \"Serv\\e[31mice\"\nmetadata:\n  name: \"x\\u0007\"\nspec: {selector: {a: b}}\n"
        // A name a terminal cannot show is no name a cluster accepts: the object is skipped, said escaped.
        #expect(KubeSupport.failure(text) == [
            "bad.yaml: document 1, line 4, column 9: metadata.name: the name \"x\\u{7}\" contains control characters or "
                + "invisible formatting; Serv\\e[31mice x\\u{7} skipped",
        ])
        #expect(KubeSupport.failure("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: \"x\\e[2J\"}\n")
            == ["bad.yaml: document 1, line 5, column 11: metadata.labels.app: the label \"x\\e[2J\" contains control "
                + "characters or invisible formatting; Service web skipped"])
        let line = KubeSupport.failure(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  replicas: 1\n"
                + "  ports: 3\n")
        #expect(
            line == [
                "bad.yaml: document 1, line 7, column 10: spec.ports must be a list of objects, not the number 3; "
                    + "Service web skipped"
            ])
    }

    /// A Meshery component with a wrong type is one line naming the file and the field, and the
    /// rest of the design is read.
    @Test func mesheryComponentWithAWrongType() throws {
        let text = """
            schemaVersion: designs.meshery.io/v1beta1
            id: 11111111-1111-4111-8111-111111111111
            name: bad
            components:
            - id: a
              displayName: web
              component: {kind: Deployment, version: apps/v1}
              modelReference: {name: kubernetes}
              configuration: {spec: {replicas: three}}
            - id: b
              displayName: api
              component: {kind: Service, version: v1}
              modelReference: {name: kubernetes}
              configuration: {spec: {ports: [{port: 80}]}}
            relationships: []
            """
        let (d, issues) = try KubeSupport.importText(text, name: "bad.yaml")
        #expect(d.components.map(\.name) == ["api"])
        #expect(issues.map(\.description) == [
            "bad.yaml: document 1, line 9, column 36: spec.replicas must be a whole number, not the string \"three\"; "
                + "Deployment web skipped",
        ])
    }

    @Test func emptyInput() {
        #expect(KubeSupport.failure("# nothing here\n---\n") == ["bad.yaml: holds no Kubernetes objects"])
    }
}
