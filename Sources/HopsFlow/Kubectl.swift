import HopsDesign

/// The `kubectl` commands that show, on a real cluster, what a hop shows in the design, with
/// the design's names filled in (`hops trace --kubectl`). Logs exist only where a process runs:
/// containers and the Ingress controller; a Service and a Pod have none of their own.
enum Kubectl {
    /// ` -n shop`, or "" in the default namespace.
    static func ns(_ c: Component, _ design: any DesignLookup) -> String {
        let n = Namespaces.of(c, in: design)
        return n == "default" ? "" : " -n \(SafeText.escape(n))"
    }

    static func service(_ svc: Component, _ design: any DesignLookup) -> [String] {
        ["kubectl describe svc \(SafeText.escape(svc.name))\(ns(svc, design))"]
    }

    static func endpoints(_ svc: Component, _ design: any DesignLookup) -> [String] {
        let n = SafeText.escape(svc.name)
        var out = ["kubectl get endpointslices -l kubernetes.io/service-name=\(n)\(ns(svc, design))"]
        if !svc.selector.isEmpty {
            out.append("kubectl get pods -l \(SafeText.escape(formatLabels(svc.selector))) -o wide\(ns(svc, design))")
        }
        return out
    }

    static func ingress(_ ing: Component, _ design: any DesignLookup) -> [String] {
        [
            "kubectl describe ingress \(SafeText.escape(ing.name))\(ns(ing, design))",
            "kubectl logs -n ingress-nginx deploy/ingress-nginx-controller (the controller's logs; its namespace "
                + "varies)",
        ]
    }

    static func pods(_ pod: Component, _ design: any DesignLookup) -> [String] {
        let sel = pod.labels.isEmpty ? "" : " -l \(SafeText.escape(formatLabels(pod.labels)))"
        return ["kubectl get pods\(sel) -o wide\(ns(pod, design))"]
    }

    /// The logs of the container that answers, where a response can be seen leaving.
    static func logs(_ c: Component, _ design: any DesignLookup) -> [String] {
        guard c.kind == .container, let pod = c.parent.flatMap({ design.component($0) }) else { return [] }
        let name = SafeText.escape(c.name)
        var out = ["kubectl logs \(workload(pod, design)) -c \(name)\(ns(pod, design))"]
        // `logs deploy/web` shows one Pod's; with several replicas, all of them by label.
        if Replicas.count(of: pod.id, in: design).count > 1, !pod.labels.isEmpty {
            let labels = SafeText.escape(formatLabels(pod.labels))
            out.append("kubectl logs -l \(labels) -c \(name) --prefix\(ns(pod, design))")
        }
        return out
    }

    /// "deploy/web": how kubectl names the Pods of a controller (it picks one of them); a bare
    /// Pod by its name. A real Pod's name differs from Hops' stand-in, so commands use this.
    static func workload(_ pod: Component, _ design: any DesignLookup) -> String {
        let owner = Replicas.count(of: pod.id, in: design).owner
        let kinds: [Kind: String] = [
            .deployment: "deploy", .statefulSet: "sts", .daemonSet: "ds", .replicaSet: "rs", .job: "job",
        ]
        return owner.flatMap { o in kinds[o.kind].map { "\($0)/\(SafeText.escape(o.name))" } }
            ?? SafeText.escape(pod.name)
    }

    /// Where the request lands: the container's logs (via its controller when it has one) and
    /// a request made from inside the Pod.
    static func container(_ c: Component, pod: Component, port: Int?, design: any DesignLookup) -> [String] {
        var out = logs(c, design)
        if let port, !Containers.isDatabase(c) {
            out.append(
                "kubectl exec \(workload(pod, design)) -c \(SafeText.escape(c.name))\(ns(pod, design)) -- curl -s "
                    + "localhost:\(port)/"
            )
        }
        return out
    }

    /// What a call shows: the Service it dials, or the container it reaches inside the Pod.
    static func call(
        from here: Component, to next: Component, port: Int?, replica: Replica?, design: any DesignLookup
    ) -> [String] {
        switch next.kind {
        case .service:
            var out = service(next, design)
            if here.kind == .user, (next.serviceType ?? "ClusterIP") == "ClusterIP" {
                out.append(
                    "kubectl port-forward svc/\(SafeText.escape(next.name)) 8080:\(port ?? 80)\(ns(next, design))")
            }
            return out
        case .ingress: return ingress(next, design)
        case .container:
            guard let r = replica, let pod = design.component(r.pod) else { return [] }
            return container(next, pod: pod, port: port, design: design)
        case .pod: return pods(next, design)
        default: return []
        }
    }
}
