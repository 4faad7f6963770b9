import HopsDesign

/// How many copies of a Pod run and which are up. In Hops a Pod component drawn under (or
/// `manages`-connected from) a Deployment, StatefulSet or ReplicaSet is that controller's Pod
/// template, so it stands for `replicas` running Pods named `<pod>-1` … `<pod>-N`.
enum Replicas {
    /// The controller whose Pod template this Pod is: a `manages` connection from a Pod
    /// controller, else the nearest enclosing Pod controller.
    static func manager(of id: String, in design: Design) -> Component? {
        manager(of: id, lookup: Lookup(design: design))
    }

    /// The number of running copies and the controller that sets it (nil for a bare Pod).
    /// A controller without `replicas` defers to its own manager (a ReplicaSet under a
    /// Deployment), and Kubernetes' default of 1 applies when nobody says.
    static func count(of id: String, in design: Design) -> (count: Int, owner: Component?) {
        count(of: id, lookup: Lookup(design: design))
    }

    /// How the rules above find components and `manages` arrows: by scanning the design for one
    /// question, or through indexes built once when a whole design is drawn (scanning for every
    /// Pod made drawing 1000 components quadratic).
    struct Lookup {
        let component: (String) -> Component?
        let managersByArrow: (String) -> [String]

        init(design: Design) {
            component = { design.component($0) }
            managersByArrow = { id in design.connections.filter { $0.kind == .manages && $0.to == id }.map(\.from) }
        }

        init(indexing design: Design) {
            var byID: [String: Component] = [:]
            for c in design.components where byID[c.id] == nil { byID[c.id] = c }
            var arrows: [String: [String]] = [:]
            for k in design.connections where k.kind == .manages { arrows[k.to, default: []].append(k.from) }
            component = { byID[$0] }
            managersByArrow = { arrows[$0] ?? [] }
        }
    }

    static func manager(of id: String, lookup: Lookup) -> Component? {
        if let m = lookup.managersByArrow(id).lazy.compactMap(lookup.component).first(where: { $0.kind.managesPods }) { return m }
        var seen: Set<String> = [id]
        var p = lookup.component(id)?.parent
        while let q = p, seen.insert(q).inserted {
            guard let c = lookup.component(q) else { return nil }
            if c.kind.managesPods { return c }
            p = c.parent
        }
        return nil
    }

    static func count(of id: String, lookup: Lookup) -> (count: Int, owner: Component?) {
        guard var m = manager(of: id, lookup: lookup) else { return (1, nil) }
        var seen: Set<String> = [id]
        while seen.insert(m.id).inserted {
            if let r = m.replicas { return (max(0, r), m) }
            guard let up = manager(of: m.id, lookup: lookup) else { break }
            m = up
        }
        return (1, m)
    }

    /// "web-2" for a managed Pod, "web" for a bare one (it has a single copy, named as drawn).
    static func name(_ pod: Component, index: Int, in design: Design) -> String {
        let n = SafeText.escape(pod.name)
        return manager(of: pod.id, in: design) == nil ? n : "\(n)-\(index)"
    }

    /// "web-2 of 3", or "web" for a bare Pod.
    static func describe(_ pod: Component, _ r: Replica, in design: Design) -> String {
        manager(of: pod.id, in: design) == nil ? SafeText.escape(pod.name) : "\(name(pod, index: r.index, in: design)) of \(r.count)"
    }

    /// The replicas that are down: the killed ones, or all of them when the Pod is not ready.
    static func down(_ pod: Component, count: Int, state: FlowState) -> Set<Int> {
        let all = Set((0..<count).map { $0 + 1 })
        if !pod.isReady { return all }
        return (state.down[pod.id] ?? []).intersection(all)
    }

    /// The sentence for a Pod nobody runs: names the controller and the command that fixes it.
    static func zeroMessage(_ pod: Component, owner: Component?) -> String {
        let who = owner.map(Words.name) ?? Words.name(pod)
        return "\(who) has replicas 0, so no copy of Pod \(SafeText.escape(pod.name)) is running: select \(who) and scale it up with :scale 3"
    }

    /// The sentence for a Pod whose every copy is down.
    static func allDownMessage(_ pods: [Component], counts: [Int], in design: Design) -> String {
        var names: [String] = []
        for (p, c) in zip(pods, counts) { names += (0..<c).map { name(p, index: $0 + 1, in: design) } }
        let what = names.count == 1 ? "\(names[0]) is down" : "every copy is down (\(Words.list(names)))"
        return "\(what), so no Pod can take the request: bring one back up, or add replicas"
    }
}
