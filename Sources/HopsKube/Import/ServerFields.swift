import HopsDesign

/// Fields the API server fills in (`kubectl get -o yaml` prints them): they describe one
/// cluster's state, not the design, and applying them elsewhere fails or conflicts.
enum ServerFields {
    static let metadata = ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation",
                           "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"]
    static let annotations = ["kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision"]

    static func strip(_ body: [String: JSONValue]) -> [String: JSONValue] {
        var b = body
        // Only objects read back from a cluster carry a uid or resourceVersion.
        let live = b.value(at: ["metadata", "uid"]) != nil || b.value(at: ["metadata", "resourceVersion"]) != nil
        b["status"] = nil
        for k in metadata { b.set(nil, at: ["metadata", k]) }
        for k in annotations { b.set(nil, at: ["metadata", "annotations", k]) }
        if live, b["kind"]?.string == "Service" {
            // A live Service's cluster IPs are allocated by the cluster; `None` (headless) is a choice.
            if b.string(at: ["spec", "clusterIP"]) != "None" {
                b.set(nil, at: ["spec", "clusterIP"])
                b.set(nil, at: ["spec", "clusterIPs"])
            }
        }
        return b
    }
}
