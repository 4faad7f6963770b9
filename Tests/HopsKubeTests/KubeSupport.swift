import Foundation
import HopsDesign
import HopsFormats
import HopsResources

@testable import HopsKube

/// Shared inputs for the Kubernetes tests: the shared fixtures read in place, and helpers that
/// count what an import made.
enum KubeSupport {
    static let catalog: Catalog = try! JSONDecoder().decode(Catalog.self, from: BundledResources.catalogJSON)

    /// The package root, found from this file (tests run from anywhere).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `HOPS_FIXTURES`, else `../shared/fixtures` beside the package.
    static var fixtures: URL {
        if let env = ProcessInfo.processInfo.environment["HOPS_FIXTURES"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    }

    static func k8s(_ name: String) -> String { fixtures.appendingPathComponent("k8s/\(name)").path }

    /// Every Kubernetes fixture file name, sorted.
    static var k8sFixtures: [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("k8s").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
    }

    static func load(_ names: String...) throws -> (Design, [KubeIssue]) {
        try KubeImport.read(paths: names.map(k8s))
    }

    /// Imports YAML text given inline, as the file `name`.
    static func importText(_ text: String, name: String = "test.yaml") throws -> (Design, [KubeIssue]) {
        try KubeImport.design(named: "test", from: [(name, Data(text.utf8))])
    }

    /// The issues an import of `text` fails with, as printed.
    static func failure(_ text: String, name: String = "bad.yaml") -> [String] {
        do {
            _ = try importText(text, name: name)
            return []
        } catch let e as KubeImportError {
            return e.issues.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    static func tempDir() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hops-kube-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

extension Design {
    func count(_ kind: Kind) -> Int { components.filter { $0.kind == kind && $0.properties["missing"] == nil }.count }
    func missing() -> [String] {
        components.filter { $0.properties["missing"]?.bool == true }.map { "\($0.kind.rawValue) \($0.name)" }.sorted()
    }
    func links(_ kind: ConnectionKind) -> Int { connections.filter { $0.kind == kind }.count }
    /// "from-name → to-name" of each connection of `kind` leaving components named `from`.
    func targets(of from: String, kind: ConnectionKind, fromKind: Kind? = nil) -> [String] {
        let sources = Set(components.filter { $0.name == from && (fromKind == nil || $0.kind == fromKind) }.map(\.id))
        return connections.filter { $0.kind == kind && sources.contains($0.from) }.compactMap { component($0.to)?.name }
    }
    func sources(of to: String, kind: ConnectionKind, toKind: Kind? = nil) -> [String] {
        let targets = Set(components.filter { $0.name == to && (toKind == nil || $0.kind == toKind) }.map(\.id))
        return connections.filter { $0.kind == kind && targets.contains($0.to) }.compactMap { component($0.from)?.name }
    }
}
