import HopsDesign

/// Where each kind that runs Pods keeps its Pod template, and which container lists a Pod
/// spec has. One place, read by the import, the inference and the export alike.
enum WorkloadShape {
    /// Kinds with a Pod template, and the path to it.
    static func templatePath(_ kind: String) -> [String]? {
        switch kind {
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job": ["spec", "template"]
        case "CronJob": ["spec", "jobTemplate", "spec", "template"]
        case "Pod": []
        default: nil
        }
    }

    /// Kinds whose `spec.replicas` sets how many Pods run.
    static func hasReplicas(_ kind: String) -> Bool { ["Deployment", "StatefulSet", "ReplicaSet"].contains(kind) }

    /// Kinds whose `spec.selector.matchLabels` picks their Pods.
    static func hasSelector(_ kind: String) -> Bool {
        ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"].contains(kind)
    }

    /// The container lists of a Pod spec, in the order Hops shows them (regular ones first,
    /// so a Service's request lands on one of them before any init container).
    static let containerLists: [ContainerList] = [.containers, .initContainers, .ephemeralContainers]

    enum ContainerList: String, CaseIterable {
        case containers, initContainers, ephemeralContainers
        /// The `containerType` property a Container component carries (nil for a regular one).
        var propertyValue: String? {
            switch self { case .containers: nil; case .initContainers: "init"; case .ephemeralContainers: "ephemeral" }
        }
        init(propertyValue: String?) {
            switch propertyValue {
            case "init": self = .initContainers
            case "ephemeral": self = .ephemeralContainers
            default: self = .containers
            }
        }
    }

    /// The Pod template's labels path and Pod spec path inside an object of `kind`.
    static func podPaths(_ kind: String) -> (labels: [String], spec: [String])? {
        guard let t = templatePath(kind) else { return nil }
        return (t + ["metadata", "labels"], t + ["spec"])
    }
}
