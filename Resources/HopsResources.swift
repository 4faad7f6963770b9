import Foundation

/// The data files that ship with Hops: the catalog of kinds and the bundled design.
public enum BundledResources {
    /// The catalog as JSON (`catalog.json`).
    public static var catalogJSON: Data { load("catalog", "json") }
    /// The bundled Kubernetes Request Flow design (`kubernetes-request-flow.hops.json`).
    public static var requestFlowJSON: Data { load("kubernetes-request-flow.hops", "json") }
    public static let requestFlowName = "kubernetes-request-flow.hops.json"

    private static func load(_ name: String, _ ext: String) -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext), let data = try? Data(contentsOf: url) else {
            // The resource bundle is part of the build; without it the installation is broken.
            fatalError("Hops's resource \(name).\(ext) is missing from \(Bundle.module.bundlePath)")
        }
        return data
    }
}
