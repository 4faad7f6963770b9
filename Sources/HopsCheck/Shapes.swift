import HopsDesign

/// Objects a cluster would reject and nesting that cannot hold.
enum Shapes {
    static func findings(_ d: Design, index: [String: Component], catalog: Catalog) -> [Finding] {
        var out: [Finding] = []
        // A controller's Pods: those inside it and those its `manages` arrows point at.
        var managed: [String: [Component]] = [:]
        for c in d.components { if let p = c.parent { managed[p, default: []].append(c) } }
        for k in d.connections where k.kind == .manages { if let pod = index[k.to] { managed[k.from, default: []].append(pod) } }
        for c in d.components {
            let parent = c.parent.flatMap { index[$0] }
            if c.kind == .container, parent?.kind != .pod {
                out.append(Finding(.error, "container-outside-pod", component: c.id,
                                   "\(CheckEngine.name(c)) is not inside a Pod: every container runs in a Pod; move it into one"))
            } else if let p = parent, !catalog.canContain(p.kind, c.kind) {
                out.append(Finding(.error, "cannot-contain", component: c.id,
                                   "\(CheckEngine.name(p)) cannot hold a \(c.kind.rawValue); move \(CheckEngine.name(c)) out of it"))
            }
            if c.kind.managesPods, !c.selector.isEmpty {
                for pod in managed[c.id, default: []] where pod.kind == .pod {
                    let labels = pod.labels
                    if !c.selector.allSatisfy({ labels[$0.key] == $0.value }) {
                        out.append(Finding(.error, "selector-mismatch", component: c.id,
                            "Kubernetes rejects \(CheckEngine.name(c)): its selector \(formatLabels(c.selector)) does not match "
                            + "the labels of its Pod template \(formatLabels(labels).isEmpty ? "(none)" : formatLabels(labels)); "
                            + "make them match"))
                    }
                }
            }
        }
        return out
    }
}
