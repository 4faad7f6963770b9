import HopsDesign

/// The order components are listed in, which is the order the layout reads them: entry points
/// first (Users, Ingresses), then Services, workloads with their Pods and containers nested
/// inside, then configuration and storage; missing objects after the present ones of their kind.
/// With objects from more than one namespace, each namespace is a box holding its objects.
enum Arrangement {
    static func rank(_ kind: Kind) -> Int {
        let order: [Kind] = [.user, .namespace, .ingress, .service, .deployment, .statefulSet, .daemonSet, .replicaSet,
                             .job, .cronJob, .pod, .container, .configMap, .secret, .pvc, .hpa, .serviceAccount, .box]
        return order.firstIndex(of: kind) ?? order.count
    }

    /// Parents before children, siblings by rank, then by the order given (stable).
    static func ordered(_ components: [Component]) -> [Component] {
        var children: [String: [Int]] = [:]
        var roots: [Int] = []
        let ids = Set(components.map(\.id))
        for (i, c) in components.enumerated() {
            if let p = c.parent, ids.contains(p) { children[p, default: []].append(i) } else { roots.append(i) }
        }
        func sorted(_ list: [Int]) -> [Int] {
            list.enumerated().sorted { a, b in
                let (ra, rb) = (rank(components[a.element].kind), rank(components[b.element].kind))
                return ra != rb ? ra < rb : a.offset < b.offset
            }.map(\.element)
        }
        var out: [Component] = []
        out.reserveCapacity(components.count)
        var stack = sorted(roots).reversed().map { $0 }
        while let i = stack.popLast() {
            out.append(components[i])
            stack += sorted(children[components[i].id] ?? []).reversed()
        }
        return out
    }

    /// Kinds that belong to no namespace, kept out of Namespace boxes.
    static let clusterScoped: Set<String> = [
        "Namespace", "Node", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding",
        "CustomResourceDefinition", "PriorityClass", "IngressClass", "RuntimeClass", "APIService",
        "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "CSIDriver", "VolumeSnapshotClass",
    ]
}
