import HopsDesign

/// How many copies of a Pod run and which are up. In Hops a Pod component drawn under (or
/// `manages`-connected from) a Deployment, StatefulSet or ReplicaSet is that controller's Pod
/// template, so it stands for `replicas` running Pods named `<pod>-1` … `<pod>-N`.
enum Replicas {
    /// The controller whose Pod template this Pod is: a `manages` connection from a Pod
    /// controller, else the nearest enclosing Pod controller.
    static func manager(of id: String, in design: Design) -> Component? {
        let byArrow = design.connections.lazy
            .filter { $0.kind == .manages && $0.to == id }
            .compactMap { design.component($0.from) }
            .first { $0.kind.managesPods }
        if let m = byArrow { return m }
        return design.ancestors(of: id).lazy.compactMap { design.component($0) }.first { $0.kind.managesPods }
    }

    /// The number of running copies and the controller that sets it (nil for a bare Pod).
    /// A controller without `replicas` defers to its own manager (a ReplicaSet under a
    /// Deployment), and Kubernetes' default of 1 applies when nobody says.
    static func count(of id: String, in design: Design) -> (count: Int, owner: Component?) {
        guard var m = manager(of: id, in: design) else { return (1, nil) }
        var seen: Set<String> = [id]
        while seen.insert(m.id).inserted {
            if let r = m.replicas { return (max(0, r), m) }
            guard let up = manager(of: m.id, in: design) else { break }
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
