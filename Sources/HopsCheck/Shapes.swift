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
