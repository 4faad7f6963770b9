import Foundation
import HopsDesign

/// Tells a Meshery design by its content (a later issue reads them): the older format has a
/// `services:` map of `type: X.K8s` components, the current one `schemaVersion: designs.meshery.io/...`.
enum MesheryCheck {
    static let notYet = "is a Meshery design; Hops does not read Meshery designs yet (only Kubernetes manifests)"

    static func isMeshery(_ v: JSONValue) -> Bool {
        guard let o = v.object else { return false }
        if o["schemaVersion"]?.string?.hasPrefix("designs.meshery.io") == true { return true }
        if let services = o["services"]?.object, o["kind"] == nil {
            return services.values.contains { $0.object?["type"] != nil || $0.object?["traits"] != nil }
        }
        return false
    }

    /// For a file that failed to read as YAML documents but is JSON (Meshery's current format).
    static func message(_ data: Data, file: String) -> KubeIssue? {
        guard let v = try? JSONDecoder().decode(JSONValue.self, from: data), isMeshery(v) else { return nil }
        return KubeIssue(SourcePlace(file: file), notYet)
    }
}
