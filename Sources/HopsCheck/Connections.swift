import HopsDesign
import HopsFlow
import HopsText

/// Connections whose kind makes no sense for their ends, and a User outside the cluster
/// calling a ClusterIP Service.
enum Connections {
    static func findings(_ d: DesignIndex) -> [Finding] {
        var out: [Finding] = []
        for k in d.connections {
            guard let from = d.component(k.from), let to = d.component(k.to) else { continue }
            if let why = nonsense(k.kind, from: from.kind, to: to.kind) {
                out.append(Finding(.warning, "connection-kind", component: from.id,
                                   "\(CheckEngine.name(from)) \(k.kind.rawValue) \(CheckEngine.name(to)): \(why)"))
            }
            // An HPA's scaleTargetRef and a Pod's volumes name objects of their own namespace only.
            if k.kind == .manages && from.kind == .hpa || k.kind == .mounts, to.properties["missing"]?.bool != true,
               FlowEngine.namespace(of: from, in: d.design) != FlowEngine.namespace(of: to, in: d.design) {
                let ns = (FlowEngine.namespace(of: from, in: d.design), FlowEngine.namespace(of: to, in: d.design))
                out.append(Finding(.warning, "other-namespace", component: from.id,
                    "\(CheckEngine.name(from)) (namespace \(SafeText.escape(ns.0))) \(k.kind.rawValue) "
                    + "\(CheckEngine.name(to)) in namespace \(SafeText.escape(ns.1)), but "
                    + (k.kind == .mounts ? "a Pod mounts only what is in its own namespace, so it does not start"
                        : "an HPA's scaleTargetRef names a workload of its own namespace, so it scales nothing")
                    + ": move one of them (:into) so both are in one namespace"))
            }
            if k.kind == .traffic, from.kind == .user, to.kind == .service,
               (to.serviceType ?? "ClusterIP") == "ClusterIP" {
                out.append(Finding(.warning, "user-to-clusterip", component: to.id,
                    "a User outside the cluster cannot reach \(CheckEngine.name(to)) directly: "
                    + "a ClusterIP address exists only "
                    + "inside the cluster; put an Ingress in front, make it a LoadBalancer or NodePort Service, "
                    + "or use kubectl port-forward"))
            }
        }
        return out
    }

    /// Why a connection of `kind` cannot go from `from` to `to`, nil when it can.
    /// Kinds that neither send nor answer requests: data, storage, groups, controllers, notes.
    static let notServers: [Kind] = [.note, .configMap, .secret, .pvc, .namespace, .hpa, Kind("ServiceAccount")]

    static func nonsense(_ kind: ConnectionKind, from: Kind, to: Kind) -> String? {
        switch kind {
        case .manages:
            if !from.managesPods && from != .hpa {
                return "only a controller (Deployment, StatefulSet, ...) or an HPA manages"
            }
            if from == .hpa {
                return [.deployment, .statefulSet, .replicaSet].contains(to) ? nil
                    : "an HPA scales what has a scale subresource: a Deployment, StatefulSet or ReplicaSet"
            }
            // A Deployment manages ReplicaSets, which manage Pods; a CronJob manages Jobs.
            if from == .deployment && to == .replicaSet || from == .cronJob && to == .job { return nil }
            return to == .pod ? nil : "a controller manages Pods (a Deployment its ReplicaSets, a CronJob its Jobs)"
        case .selects:
            if from != .service { return "in Hops only a Service draws selects (the Pods it sends connections to)" }
            return to == .pod || to.managesPods ? nil : "a Service selects Pods (by their labels)"
        case .mounts:
            if !([.pod, .container].contains(from) || from.managesPods) {
                return "only a Pod (its workload, or one of its containers) mounts something"
            }
            return [.configMap, .secret, .pvc].contains(to)
                ? nil : "a mounts arrow goes to a ConfigMap, a Secret or a PersistentVolumeClaim (the volumes Hops draws)"
        case .traffic:
            if notServers.contains(from) { return "it does not send requests" }
            if notServers.contains(to) {
                return "it answers no requests (it is not a server): a Pod reads it or runs with it"
            }
            if from == .ingress, [.pod, .container].contains(to) || to.managesPods {
                return "an Ingress routes to Services (its rules name them), which lead to the Pods"
            }
            if from == .service, to == .user { return "a Service sends connections on to its Pods, not to a User" }
            if to.managesPods {
                return "a workload has no address of its own: send to the Service in front of its Pods"
            }
            return nil
        case .annotation:
            return nil
        }
    }
}
