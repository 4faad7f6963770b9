import HopsDesign

/// How a component opening a connection is narrated: what the address it dials really is
/// (a ClusterIP, a node's port, a cloud load balancer, a Pod IP, localhost) and what a cluster
/// needs for that to work.
enum Calls {
    static func sentence(
        _ here: Component, _ next: Component, conn: Connection, port: Int?, replica: Replica?,
        design: any DesignLookup
    ) -> String {
        let from = Words.name(here)
        let to = Words.name(next)
        let on = port.map { " on port \($0)" } ?? ""
        let label = conn.label?.trimmed.isEmpty == false ? " (\(SafeText.escape(conn.label!.trimmed)))" : ""
        if here.kind == .service { return "the connection goes on to \(to)\(on)" }
        if let r = replica, here.parent == r.pod, next.kind == .container {
            var s =
                "\(from) opens its own connection to \(to) on localhost\(port.map { ":\($0)" } ?? "")\(label): "
                + "a separate connection with its own protocol; both containers share Pod \(r.name)'s network namespace"
            if Containers.isDatabase(next), r.count > 1 {
                s +=
                    " (with \(r.count) replicas there are \(r.count) separate databases, one in each Pod, each lost "
                        + "when "
                    + "its Pod is replaced; the usual shape is a StatefulSet with a PersistentVolumeClaim behind its "
                    + "own Service)"
            }
            return s
        }
        switch next.kind {
        case .service: return toService(here, next, on: on, label: label, port: port, design: design)
        case .ingress:
            return
                "\(from) connects to the Ingress controller that serves \(to)\(on)\(label); the controller's Pods "
                + "sit behind their own LoadBalancer or NodePort Service, end \(from)'s connection and read the "
                + "request's Host header and path"
        case .pod:
            return "\(from) dials a Pod IP directly\(on)\(label): one specific Pod, not a choice among copies"
        default:
            let verb =
                here.kind == .user
                ? "sends the request to" : (here.kind == .container ? "calls" : "passes the request to")
            return "\(from) \(verb) \(to)\(label)\(on)"
        }
    }

    /// What dialling a Service means, by its type and by where the caller is.
    private static func toService(
        _ here: Component, _ svc: Component, on: String, label: String, port: Int?,
        design: any DesignLookup
    ) -> String {
        let from = Words.name(here)
        let to = Words.name(svc)
        let type = svc.serviceType ?? "ClusterIP"
        let outside = here.kind == .user
        switch type {
        case "NodePort":
            let node = nodePort(svc, port).map { "nodePort \($0)" } ?? "nodePort, one of 30000-32767"
            let lead =
                "\(from) connects to a node's IP on \(to)'s \(node)\(label); kube-proxy on that node takes the "
                    + "connection; "
            if localTraffic(svc) {
                return lead
                    + "with externalTrafficPolicy: Local the node keeps \(from)'s address and sends only to Pods "
                    + "on that same node (a node without one refuses the connection)"
            }
            return lead
                + "with externalTrafficPolicy: Cluster (the default) the node also rewrites the source to its own "
                + "address (SNAT), so the Pod does not see \(from)'s address and the reply returns through that node"
        case "LoadBalancer":
            return
                "\(from) connects to the cloud load balancer of \(to)\(on)\(label); it forwards to a node's nodePort, "
                + "where kube-proxy's rules pick a Pod (with externalTrafficPolicy: Cluster the node also rewrites "
                + "the source)"
        case "ExternalName":
            return "\(from) looks up \(to), a DNS alias (ExternalName) for another name; no proxying happens"
        default:
            if outside {
                return "\(from) opens a connection to \(to)'s ClusterIP\(on)\(label). A ClusterIP is a virtual address "
                    + "reachable only from inside the cluster: from outside, a cluster needs an Ingress, a "
                    + "LoadBalancer or "
                    + "NodePort Service, or kubectl port-forward svc/\(SafeText.escape(svc.name)) 8080:\(port ?? 80); "
                    + "Hops traces on as if \(from) were inside"
            }
            return
                "\(from) looks up \(Namespaces.dnsName(of: svc, from: here, in: design)) in the cluster DNS and "
                    + "opens a "
                + "connection to \(to)'s ClusterIP\(on)\(label)"
        }
    }

    /// The nodePort set on the Service port the connection dials, if the design gives one.
    private static func nodePort(_ svc: Component, _ port: Int?) -> Int? {
        for v in svc.properties["ports"]?.array ?? [] {
            guard let o = v.object, let p = o["port"]?.int else { continue }
            if port == nil || p == port { return o["nodePort"]?.int }
        }
        return nil
    }

    /// True when the Service keeps traffic on the node it arrives at (`externalTrafficPolicy:
    /// Local`), set as a property or kept in the imported manifest's spec.
    static func localTraffic(_ svc: Component) -> Bool {
        let kept = svc.properties["manifest"]?.object?["spec"]?.object?["externalTrafficPolicy"]
        return (svc.properties["externalTrafficPolicy"] ?? kept)?.string == "Local"
    }
}
