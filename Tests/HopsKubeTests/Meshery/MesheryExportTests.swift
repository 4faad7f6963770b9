import Foundation
import HopsDesign
import HopsFormats
import HopsResources
import Testing

@testable import HopsKube

/// What `hops export --to meshery` writes, checked field by field and against Meshery's
/// published v1beta1 schema; and export → import gives the same design back.
@Suite struct MesheryExportTests {
    static let topKeys: Set<String> = [
        "id", "name", "schemaVersion", "version", "metadata", "components", "relationships",
    ]
    static let componentKeys = [
        "id", "schemaVersion", "version", "displayName", "description", "format", "model",
        "modelReference", "component", "configuration", "metadata", "styles",
    ]

    /// The bundled design, every Kubernetes fixture and every Meshery fixture.
    static var designs: [String] {
        ["bundled"] + KubeSupport.k8sFixtures.map { "k8s/\($0)" } + MesherySupport.fixtures.map { "meshery/\($0)" }
    }

    static func design(_ name: String) throws -> Design {
        if name == "bundled" {
            return try DesignFile.decode(
                BundledResources.requestFlowJSON, file: "bundled", catalog: KubeSupport.catalog)
        }
        return try KubeImport.read(paths: [KubeSupport.fixtures.appendingPathComponent(name).path]).0
    }

    @Test(arguments: designs)
    func theExportHasMesherysShape(_ name: String) throws {
        let d = try Self.design(name)
        let (json, _) = MesherySupport.export(d)
        let top = MesherySupport.object(json)
        var keys = Self.topKeys
        if top["preferences"] != nil { keys.insert("preferences") }
        #expect(Set(top.keys) == keys)
        #expect(top["schemaVersion"] == "designs.meshery.io/v1beta1")
        #expect(MesheryUUID.isUUID(top["id"]?.string ?? ""))
        let components = top["components"]?.array ?? []
        for c in components.map(MesherySupport.object) {
            for key in Self.componentKeys { #expect(c[key] != nil, "\(name): a component without \(key)") }
            #expect(c["schemaVersion"] == "components.meshery.io/v1beta1")
            #expect(c["format"] == "JSON")
            let metadata = MesherySupport.object(c["metadata"])
            for key in [
                "genealogy", "isAnnotation", "isNamespaced", "published", "instanceDetails",
                "configurationUISchema",
            ] { #expect(metadata[key] != nil, "\(name): metadata.\(key)") }
            let styles = MesherySupport.object(c["styles"])
            for key in ["shape", "primaryColor", "svgColor", "svgWhite", "svgComplete"] { #expect(styles[key] != nil) }
        }
        let ids = Set(components.compactMap { $0.object?["id"]?.string })
        #expect(ids.count == components.count)
        for r in (top["relationships"]?.array ?? []).map(MesherySupport.object) {
            for key in ["id", "schemaVersion", "version", "model", "status", "kind", "type", "subType"] {
                #expect(r[key] != nil, "\(name): a relationship without \(key)")
            }
            for s in r["selectors"]?.array ?? [] {
                let allow = MesherySupport.object(s.object?["allow"])
                for end in (allow["from"]?.array ?? []) + (allow["to"]?.array ?? []) {
                    #expect(ids.contains(end.object?["id"]?.string ?? ""), "\(name): a relationship id resolves")
                }
            }
        }
    }

    @Test(arguments: designs)
    func exportThenImportGivesTheSameDesign(_ name: String) throws {
        let first = try Self.design(name)
        let (json, _) = MesherySupport.export(first)
        let (second, _) = try MesherySupport.reimport(json)
        #expect(MesherySupport.nesting(second) == MesherySupport.nesting(first))
        #expect(MesherySupport.arrows(second) == MesherySupport.arrows(first))
        #expect(second.components.map(\.id).sorted() == first.components.map(\.id).sorted())
        let before = MesherySupport.positions(first)
        let after = MesherySupport.positions(second)
        for c in first.components {
            guard let a = before[c.id], let b = after[c.id] else { continue }
            #expect(abs(a.x - b.x) <= 1 && abs(a.y - b.y) <= 1, "\(name): \(c.id) moved from \(a) to \(b)")
        }
        // Exporting the imported design again keeps every Meshery id.
        func ids(_ v: JSONValue) -> [String] {
            let top = MesherySupport.object(v)
            return [top["id"]?.string ?? ""]
                + ["components", "relationships"].flatMap { key in
                    (top[key]?.array ?? []).compactMap { $0.object?["id"]?.string }.sorted()
                }
        }
        #expect(ids(MesherySupport.export(second).0) == ids(json))
    }

    /// The bundled design: the Pod's two containers are Container aliases of the Pod, and the
    /// Service → Pod path is an edge.
    @Test func theBundledDesignKeepsItsContainersAndItsServiceEdge() throws {
        let (json, _) = MesherySupport.export(try Self.design("bundled"))
        let top = MesherySupport.object(json)
        let components = (top["components"]?.array ?? []).map(MesherySupport.object)
        func named(_ kind: String, _ name: String) -> String? {
            components.first {
                $0.value(at: ["component", "kind"]) == .string(kind)
                    && $0["displayName"] == .string(name)
            }?["id"]?.string
        }
        let pod = try #require(named("Pod", "web"))
        let svc = try #require(named("Service", "web"))
        let app = try #require(named("Container", "app"))
        let db = try #require(named("Container", "db"))
        let relationships = (top["relationships"]?.array ?? []).map(MesherySupport.object)
        func ends(_ r: [String: JSONValue]) -> (String, String) {
            let allow = MesherySupport.object(r["selectors"]?.array?.first?.object?["allow"])
            return (
                allow["from"]?.array?.first?.object?["id"]?.string ?? "",
                allow["to"]?.array?.first?.object?["id"]?.string ?? ""
            )
        }
        let aliases = relationships.filter { $0["subType"] == "alias" }
        #expect(aliases.map { ends($0).0 }.sorted() == [app, db].sorted())
        #expect(aliases.allSatisfy { ends($0).1 == pod && $0["kind"] == "hierarchical" && $0["type"] == "parent" })
        let resolved = MesherySupport.object(top.value(at: ["metadata", "resolvedAliases"]))
        #expect(
            resolved[db]?.object?["resolved_ref_field_path"] == .array(["configuration", "spec", "containers", "1"]))
        let network = relationships.filter { $0["subType"] == "network" }
        #expect(network.count == 1 && network.allSatisfy { ends($0) == (svc, pod) && $0["kind"] == "edge" })
        let podConfig = components.first { $0["id"] == .string(pod) }?["configuration"]
        #expect(podConfig?.object?.value(at: ["spec", "containers"])?.array?.count == 2)
    }

    /// Every export passes Meshery's published v1beta1 design schema (the offline copy in
    /// ../shared/schemas/meshery, validated by its own script with jsonschema, through
    /// validate_cached.py, which reads each schema file once: see there why).
    @Test func everyExportPassesMesherysSchema() throws {
        var files: [String: String] = [:]
        let dir = KubeSupport.tempDir()
        for (i, name) in Self.designs.enumerated() {
            let (json, _) = MesherySupport.export(try Self.design(name))
            let file = dir.appendingPathComponent("design-\(i).json")
            try Data(JSONText.encode(json).utf8).write(to: file)
            files[file.path] = name
        }
        let (status, text) = try Self.validate(files.keys.sorted())
        #expect(status == 0, "\(text)")
        for (path, name) in files {
            #expect(text.contains("\(path): 0 errors"), "\(name): \(text)")
        }
        #expect(files.count == Self.designs.count && files.count > 10)
    }

    /// The validator still finds errors: an export with its components' ids removed fails.
    @Test func theSchemaCheckRejectsABrokenExport() throws {
        let (json, _) = MesherySupport.export(try Self.design("bundled"))
        var top = MesherySupport.object(json)
        let components = (top["components"]?.array ?? []).map { c -> JSONValue in
            var o = MesherySupport.object(c)
            o["id"] = .number(JSONNumber(7))
            return .object(o)
        }
        top["components"] = .array(components)
        let file = KubeSupport.tempDir().appendingPathComponent("broken.json")
        try Data(JSONText.encode(.object(top)).utf8).write(to: file)
        let (status, text) = try Self.validate([file.path])
        #expect(status == 1)
        #expect(!text.contains("\(file.path): 0 errors") && text.contains("errors"))
    }

    static func validate(_ paths: [String]) throws -> (Int32, String) {
        let schemas = KubeSupport.fixtures.deletingLastPathComponent().appendingPathComponent("schemas/meshery")
        try #require(FileManager.default.fileExists(atPath: schemas.appendingPathComponent("validate_design.py").path),
                     "Meshery's schema is missing")
        let runner = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("validate_cached.py")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", runner.path, schemas.path] + paths
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }
}
