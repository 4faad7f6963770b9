import HopsDesign

/// How many copies of a Pod run and which are up. In Hops a Pod component drawn under (or
/// `manages`-connected from) a Deployment, StatefulSet or ReplicaSet is that controller's Pod
/// template, so it stands for `replicas` running Pods (named as `PodNames` says).
enum Replicas {
    /// The controller whose Pod template this Pod is: a `manages` connection from a Pod
    /// controller, else the nearest enclosing Pod controller.
    static func manager(of id: String, in design: any DesignLookup) -> Component? {
        manager(of: id, lookup: Lookup(design: design))
    }

    /// The number of running copies and the controller that sets it (nil for a bare Pod).
    /// A controller without `replicas` defers to its own manager (a ReplicaSet under a
    /// Deployment), and Kubernetes' default of 1 applies when nobody says.
    static func count(of id: String, in design: any DesignLookup) -> (count: Int, owner: Component?) {
        count(of: id, lookup: Lookup(design: design))
    }

    /// How the rules above find components and `manages` arrows: by scanning the design for one
    /// question, or through indexes built once when a whole design is drawn (scanning for every
    /// Pod made drawing 1000 components quadratic).
    struct Lookup {
        let component: (String) -> Component?
        let managersByArrow: (String) -> [String]

        init(design: any DesignLookup) {
            component = { design.component($0) }
            managersByArrow = { id in design.connections(to: id).filter { $0.kind == .manages }.map(\.from) }
        }

        init(indexing design: any DesignLookup) {
            // By index: a dictionary of components copied each one (their strings retained).
            var byID: [String: Int] = [:]
            byID.reserveCapacity(design.components.count)
            for (i, c) in design.components.enumerated() where byID[c.id] == nil { byID[c.id] = i }
            var arrows: [String: [String]] = [:]
            for k in design.connections where k.kind == .manages { arrows[k.to, default: []].append(k.from) }
            let components = design.components
            component = { byID[$0].map { components[$0] } }
            managersByArrow = { arrows[$0] ?? [] }
        }
    }

    static func manager(of id: String, lookup: Lookup) -> Component? {
        if let m = lookup.managersByArrow(id).lazy.compactMap(lookup.component).first(where: { $0.kind.managesPods }) {
            return m
        }
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

    /// The Pod's name for replica `index`: `web-5d78c9869d-x7k2p` under a Deployment, `db-0`
    /// under a StatefulSet, the name as drawn for a bare Pod (see `PodNames`).
    static func name(_ pod: Component, index: Int, in design: any DesignLookup, state: FlowState) -> String {
        PodNames.name(pod, index: index, owner: count(of: pod.id, in: design).owner, in: design, state: state)
    }

    /// "web-5d78c9869d-x7k2p (2 of 3, kept by ReplicaSet web-5d78c9869d of Deployment web)", or
    /// "web" for a bare Pod: a Deployment manages ReplicaSets, and the ReplicaSet keeps the Pods.
    static func describe(_ pod: Component, _ r: Replica, in design: any DesignLookup, state: FlowState) -> String {
        let n = name(pod, index: r.index, in: design, state: state)
        guard manager(of: pod.id, in: design) != nil else { return n }
        guard let owner = count(of: pod.id, in: design).owner else { return "\(n) (\(r.index) of \(r.count))" }
        let keeper: String
        if owner.kind == .deployment {
            keeper =
                "kept by ReplicaSet \(n.split(separator: "-").dropLast().joined(separator: "-")) of "
                    + "\(Words.name(owner))"
        } else {
            keeper = "of \(Words.name(owner))"
        }
        return "\(n) (\(r.index) of \(r.count), \(keeper))"
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
        return
            "\(who) has replicas 0, so no Pod from template \(SafeText.escape(pod.name)) runs and the Service has no "
            + "endpoints; a connection to it is refused: select \(who) and scale it up with :scale 3"
    }

    /// The sentence for Pods of which no copy can take a new connection. Not ready and deleted
    /// are different states with different fixes, so each is said for what it is.
    static func allDownMessage(
        _ pods: [Component], counts: [Int], in design: any DesignLookup, state: FlowState
    ) -> String {
        let unready = zip(pods, counts).filter { !$0.0.isReady }
        if !unready.isEmpty {
            let names = unready.map { SafeText.escape($0.0.name) }
            return
                "the Pods of template \(Words.list(names)) are Running but fail their readiness probe, so none is a "
                    + "ready "
                + "endpoint and the connection is refused; more replicas of the same template would be just as "
                + "unready: "
                + "fix the probe or the app (kubectl describe pod shows the failing probe)"
        }
        var names: [String] = []
        for (p, c) in zip(pods, counts) { names += (0..<c).map { name(p, index: $0 + 1, in: design, state: state) } }
        let what = names.count == 1 ? "\(names[0]) was deleted" : "every Pod was deleted (\(Words.list(names)))"
        return "\(what) and no replacement is ready yet, so there is no ready endpoint and the connection is refused: "
            + "wait for the controller's replacement, or add replicas"
    }
}
