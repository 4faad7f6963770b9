import HopsDesign
import HopsFlow
import HopsText

/// Objects a cluster would reject and nesting that cannot hold.
enum Shapes {
    static func findings(_ d: DesignIndex, catalog: Catalog) -> [Finding] {
        var out: [Finding] = []
        // A controller's Pods: those inside it and those its `manages` arrows point at.
        var managed: [String: [Component]] = [:]
        for c in d.components { if let p = c.parent { managed[p, default: []].append(c) } }
        for k in d.connections where k.kind == .manages {
            if let pod = d.component(k.to) { managed[k.from, default: []].append(pod) }
        }
        let sameName = duplicates(d)
        for c in d.components {
            let parent = c.parent.flatMap { d.component($0) }
            if c.kind == .container, parent?.kind != .pod {
                out.append(Finding(.error, "container-outside-pod", component: c.id,
                                   "\(CheckEngine.name(c)) is not inside a Pod: every container runs in a Pod; "
                                   + "move it into one"))
            } else if let p = parent, !catalog.canContain(p.kind, c.kind) {
                out.append(Finding(.error, "cannot-contain", component: c.id,
                                   "\(CheckEngine.name(p)) cannot hold a \(c.kind.rawValue); "
                                   + "move \(CheckEngine.name(c)) out of it"))
            }
            if [.deployment, .replicaSet].contains(c.kind), let n = c.replicas, n > 1 {
                out += databases(of: c, replicas: n, pods: managed[c.id, default: []], d)
            }
            if c.kind == .service { out += undeclaredTargets(of: c, d) }
            if c.kind == .pod { out += sharedPorts(in: c, d) }
            if c.kind == .container, let cpu = c.cpuRequest, !Component.isQuantity(cpu) || cpu.hasPrefix("-") {
                out.append(Finding(.warning, "invalid-cpu-request", component: c.id,
                    "the cpu request \"\(SafeText.escape(cpu))\" is not a quantity (cores such as 0.5, or millicores "
                    + "such as 250m), so a cluster refuses the Pod: set another (e on the container)"))
            }
            if namedObjects.contains(c.kind) || c.kind == .pod, !validName(c.name, c.kind) {
                out.append(Finding(.warning, "invalid-name", component: c.id,
                    "\(CheckEngine.name(c)) is not a valid Kubernetes name (\(NameRule.of(c.kind).described)); a "
                    + "cluster refuses it, and export writes it another way: rename it"))
            }
            if let problem = rejected(c, managed: managed[c.id, default: []], d) {
                out.append(Finding(.warning, "rejected-object", component: c.id, problem))
            }
            if let first = sameName[c.id] {
                out.append(Finding(.error, "duplicate-name", component: c.id,
                    "\(CheckEngine.name(c)) (id \(SafeText.escape(c.id))) has the name of \(SafeText.escape(first)) in the "
                    + "same namespace: a cluster keeps one \(c.kind.rawValue) of a name there, so applying both keeps "
                    + "only the last; rename one"))
            }
            if c.kind.managesPods, !c.selector.isEmpty {
                for pod in managed[c.id, default: []] where pod.kind == .pod {
                    let labels = pod.labels
                    if !c.selector.allSatisfy({ labels[$0.key] == $0.value }) {
                        out.append(Finding(.error, "selector-mismatch", component: c.id,
                            "Kubernetes rejects \(CheckEngine.name(c)): its selector \(formatLabels(c.selector)) "
                            + "does not match the labels of its Pod template "
                            + "\(formatLabels(labels).isEmpty ? "(none)" : formatLabels(labels)); "
                            + "make them match"))
                    }
                }
            }
        }
        return out
    }

    /// A numeric targetPort that no container of a selected Pod declares, reached because the
    /// Pod's one container that declares no port is taken to listen there: it works if the app
    /// does listen there, which the design cannot show. One warning per Service port.
    static func undeclaredTargets(of svc: Component, _ d: DesignIndex) -> [Finding] {
        guard !svc.selector.isEmpty else { return [] }
        let pods = d.pods(selectedBy: svc.selector)
        return svc.servicePorts.compactMap { port in
            guard case .number(let n) = port.targetPort else { return nil }
            for pod in pods {
                guard let c = FlowEngine.assumedListener(on: n, in: pod.id, design: d) else { continue }
                return Finding(.warning, "undeclared-target-port", component: svc.id,
                    "\(CheckEngine.name(svc)) forwards port \(port.port) to port \(n) of Pod "
                    + "\(SafeText.escape(pod.name)), which no container declares; Hops takes container "
                    + "\(SafeText.escape(c.name)) (it declares no port) to listen there: declare containerPort "
                    + "\(n) on it so the design says where the app listens")
            }
            return nil
        }
    }

    /// Whether a cluster takes `name` for an object of `kind`: a DNS subdomain (a Service's must
    /// be a DNS label: no dots, starting with a letter, 63 at most).
    static func validName(_ name: String, _ kind: Kind) -> Bool {
        let bytes = Array(name.utf8)
        let inner = { (b: UInt8) in (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E }
        let alnum = { (b: UInt8) in (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        guard let first = bytes.first, let last = bytes.last, alnum(first), alnum(last), bytes.allSatisfy(inner) else {
            return false
        }
        let rule = NameRule.of(kind)
        return bytes.count <= rule.max && (rule.dots || !bytes.contains(0x2E)) && (!rule.letterFirst || first >= 0x61)
    }

    /// Containers of one Pod share its network: two that listen on one port cannot both bind it.
    static func sharedPorts(in pod: Component, _ d: DesignIndex) -> [Finding] {
        var first: [String: Component] = [:]
        var out: [Finding] = []
        for c in d.children(of: pod.id) where c.kind == .container {
            // TCP 53 and UDP 53 are two ports: the protocol counts.
            var seen: Set<String> = []
            for v in c.properties["ports"]?.array ?? [] {
                guard let n = v.int ?? v.object?["containerPort"]?.int else { continue }
                let proto = v.object?["protocol"]?.string ?? "TCP"
                let key = "\(n)/\(proto)"
                guard seen.insert(key).inserted else { continue }
                guard let other = first[key] else { first[key] = c; continue }
                out.append(Finding(.warning, "shared-container-port", component: c.id,
                    "container \(SafeText.escape(other.name)) and container \(SafeText.escape(c.name)) both declare "
                    + "port \(n)\(proto == "TCP" ? "" : "/" + proto): containers of Pod \(SafeText.escape(pod.name)) share "
                    + "its network, so if both processes listen on it the second one's bind fails (address in use) and "
                    + "it exits and restarts: give one another port (e on the container)"))
            }
        }
        return out
    }

    /// What a cluster refuses in an object the design can draw: a Pod or workload without a
    /// container, an autoscaler with nothing to scale. (Works in the design: a Pod drawn without
    /// containers stands for its app; so each is a warning.)
    static func rejected(_ c: Component, managed: [Component], _ d: DesignIndex) -> String? {
        let isWorkload = c.kind == .pod || c.kind.managesPods || c.kind == .job || c.kind == .cronJob
        let kept = c.properties["manifest"]?.object != nil
        if isWorkload, !kept {
            let pods = c.kind == .pod ? [c] : managed.filter { $0.kind == .pod }
            let hasContainer = pods.contains { p in d.children(of: p.id).contains { $0.kind == .container } }
                || d.children(of: c.id).contains { $0.kind == .container }
            if !hasContainer {
                return "\(CheckEngine.name(c)) has no container: a cluster refuses a Pod (or a Pod template) without "
                    + "one, so its export would not apply; add a container (a in it)"
            }
        }
        if c.kind == .hpa, !kept, !d.connections(from: c.id).contains(where: { $0.kind == .manages }) {
            return "\(CheckEngine.name(c)) scales nothing: a cluster refuses an autoscaler without scaleTargetRef; "
                + "connect it to a Deployment or StatefulSet (manages)"
        }
        return nil
    }

    /// Kinds that are always objects of their own in a cluster (a Pod may be a template, a
    /// container is named within its Pod), namespaced except the Namespace itself.
    static let namedObjects: Set<Kind> = [.service, .ingress, .deployment, .statefulSet, .daemonSet, .job, .cronJob,
                                          .configMap, .secret, .pvc, .hpa, .namespace]

    /// For each component that shares kind, namespace and name with an earlier one: that
    /// one's id. The namespace is the Namespace box around it, else the one its manifest names.
    static func duplicates(_ d: DesignIndex) -> [String: String] {
        var first: [String: String] = [:], out: [String: String] = [:]
        for c in d.components where namedObjects.contains(c.kind) {
            let key = "\(c.kind.rawValue)/\(c.kind == .namespace ? "" : namespace(of: c, d))/\(c.name)"
            if let f = first[key] { out[c.id] = f } else { first[key] = c.id }
        }
        return out
    }

    private static func namespace(of c: Component, _ d: DesignIndex) -> String {
        var p = c.parent
        for _ in 0..<Limits.maxDepth {
            guard let id = p, let box = d.component(id) else { break }
            if box.kind == .namespace { return box.name }
            p = box.parent
        }
        return c.properties["manifest"]?.object?["metadata"]?.object?["namespace"]?.string ?? "default"
    }

    /// A database container in a Pod template that a Deployment copies: every replica is a
    /// separate database, and each is lost when its Pod is replaced.
    static func databases(of controller: Component, replicas n: Int, pods: [Component], _ d: DesignIndex) -> [Finding] {
        var out: [Finding] = []
        for pod in pods where pod.kind == .pod {
            for db in d.children(of: pod.id) where db.kind == .container && FlowEngine.looksLikeDatabase(db) {
                out.append(Finding(.warning, "database-per-replica", component: db.id,
                    "\(CheckEngine.name(controller)) runs \(n) copies of Pod \(SafeText.escape(pod.name)), "
                    + "so container "
                    + "\(SafeText.escape(db.name)) (\(SafeText.escape(db.image ?? "a database"))) is \(n) separate "
                    + "databases, each lost when its Pod is replaced: the usual shape is a StatefulSet with a "
                    + "PersistentVolumeClaim behind its own Service, reached by DNS"))
            }
        }
        return out
    }
}
