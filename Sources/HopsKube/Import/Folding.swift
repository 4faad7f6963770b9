import HopsDesign

/// Pods and ReplicaSets that a controller in the input owns (`ownerReferences`, as live output
/// has them) fold into that controller as its replicas instead of standing beside it: the
/// controller's Pod template already draws them.
enum Folding {
    /// The objects to leave out, and how many Pods each top owner (by object order) runs.
    static func fold(_ objects: [KubeObject]) -> (folded: Set<Int>, pods: [Int: Int]) {
        var byKey: [String: Int] = [:]
        for o in objects {
            byKey[key(o.kind, o.name, o.namespaceOrDefault)] =
                byKey[key(o.kind, o.name, o.namespaceOrDefault)] ?? o.order
        }
        var position: [Int: Int] = [:]
        for (i, o) in objects.enumerated() { position[o.order] = i }
        func owner(_ o: KubeObject) -> Int? {
            let refs = o.body.value(at: ["metadata", "ownerReferences"])?.array ?? []
            let ref = refs.first { $0.object?["controller"]?.bool == true } ?? refs.first
            guard let r = ref?.object, let kind = r["kind"]?.string, let name = r["name"]?.string else { return nil }
            return byKey[key(kind, name, o.namespaceOrDefault)]
        }
        var folded: Set<Int> = []
        var pods: [Int: Int] = [:]
        for o in objects where o.kind == "Pod" || o.kind == "ReplicaSet" {
            guard var top = owner(o) else { continue }
            folded.insert(o.order)
            var seen: Set<Int> = [o.order]
            while seen.insert(top).inserted, let i = position[top], let up = owner(objects[i]) { top = up }
            if o.kind == "Pod" { pods[top, default: 0] += 1 }
        }
        return (folded, pods)
    }

    private static func key(_ kind: String, _ name: String, _ ns: String) -> String { "\(kind)/\(ns)/\(name)" }
}
