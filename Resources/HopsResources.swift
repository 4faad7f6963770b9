import Foundation

/// The data files that ship with Hops: the catalog of kinds and the bundled design.
public enum BundledResources {
    /// The catalog as JSON (`catalog.json`).
    public static var catalogJSON: Data { load("catalog", "json") }
    /// The bundled Kubernetes Request Flow design (`kubernetes-request-flow.hops.json`).
    public static var requestFlowJSON: Data { load("kubernetes-request-flow.hops", "json") }
    public static let requestFlowName = "kubernetes-request-flow.hops.json"

    /// The tour's lessons (`lessons/*.json`), as file name and bytes, sorted by file name: the
    /// names start with the lesson's number (`1-request-flow.json`), which gives their order.
    public static var lessons: [(name: String, data: Data)] {
        guard let dir = Bundle.module.url(forResource: "lessons", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            fatalError("Hops's lessons are missing from \(Bundle.module.bundlePath)")
        }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            (name: "lessons/" + name, data: load(dir.appendingPathComponent(name)))
        }
    }

    private static func load(_ name: String, _ ext: String) -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext) else {
            // The resource bundle is part of the build; without it the installation is broken.
            fatalError("Hops's resource \(name).\(ext) is missing from \(Bundle.module.bundlePath)")
        }
        return load(url)
    }

    private static func load(_ url: URL) -> Data {
        guard let data = try? Data(contentsOf: url) else { fatalError("Hops's resource \(url.path) cannot be read") }
        return data
    }
}
