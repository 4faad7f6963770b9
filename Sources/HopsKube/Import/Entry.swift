import HopsDesign

/// One imported object and the components made from it: what inference needs to connect it.
struct Entry {
    var object: KubeObject
    /// The component that stands for the object (the workload, the Service...).
    var id: String
    var kind: Kind
    /// For objects that run Pods: the Pod component (the template, or the bare Pod itself).
    var podID: String?
    /// Container components by list and index in the Pod spec.
    var containers: [ContainerRef] = []
    /// A StatefulSet's claim templates, as PVC components.
    var claims: [String] = []

    struct ContainerRef {
        var list: WorkloadShape.ContainerList
        var index: Int
        var id: String
        var body: [String: JSONValue]
    }

    /// The Pod template's labels (or the bare Pod's), empty when none.
    var podLabels: [String: String] {
        guard let p = WorkloadShape.podPaths(object.kind) else { return [:] }
        return object.body.value(at: p.labels)?.stringMap ?? [:]
    }

    /// The Pod spec, empty when the object runs no Pods.
    var podSpec: [String: JSONValue] {
        guard let p = WorkloadShape.podPaths(object.kind) else { return [:] }
        return object.body.object(at: p.spec)
    }

    /// Path steps from the object to the Pod spec, for places in warnings.
    var podSpecSteps: [YamlDocument.Step] {
        (WorkloadShape.podPaths(object.kind)?.spec ?? []).map(YamlDocument.Step.key)
    }
}

/// What one object contributes to the design, before inference.
struct Imported {
    var entry: Entry
    var components: [Component]
}
