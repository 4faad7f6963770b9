import HopsDesign
import HopsFlow
import HopsText

/// Operating the design as a cluster would be operated: scaling, deleting a Pod (its controller
/// replaces it with a new Pod), changing an image (a Deployment rolls the new template out Pod by
/// Pod), and how Services pick a Pod. Time passes only in `advanceCluster(_:)`, from ticks.
extension Editor {
    /// True while a replacement or a rollout is under way, so ticks keep coming.
    var clusterBusy: Bool { !replacements.isEmpty || !flowState.rollouts.isEmpty }

    func controller(of pod: String) -> Component? {
        if let m = design.connections.first(where: { $0.to == pod && $0.kind == .manages }),
            let c = design.component(m.from), c.kind.managesPods
        {
            return c
        }
        if let p = design.component(pod)?.parent, let c = design.component(p), c.kind.managesPods { return c }
        return nil
    }

    func controllerName(of pod: String) -> String {
        controller(of: pod).map { "\($0.kind.rawValue) \($0.name)" } ?? "Pod \(design.component(pod)?.name ?? pod)"
    }

    /// "Deployment web's ReplicaSet": who keeps the Pods (a Deployment manages ReplicaSets, one
    /// per template revision, and the ReplicaSet keeps the Pods).
    func keeper(of pod: String) -> String {
        guard let c = controller(of: pod) else { return "nothing" }
        return c.kind == .deployment ? "Deployment \(c.name)'s ReplicaSet" : "\(c.kind.rawValue) \(c.name)"
    }

    func scale(_ arg: String?) -> [Effect] {
        guard let arg, let n = Int(arg), (0...Limits.maxReplicas).contains(n) else {
            message = "usage: :scale N (0 to \(Limits.maxReplicas))"
            return []
        }
        guard let sel = selection, let c = design.component(sel) else {
            message = "select a Deployment or its Pod first"
            return []
        }
        if c.kind == .service {
            // A Service has no replicas: scale the workload whose Pods it selects, when there is one.
            let workloads = selectedWorkloads(of: c)
            guard workloads.count == 1, let w = workloads.first, let i = design.index(of: w.id) else {
                // A Service selects Pods; the workloads are what manage them.
                message = workloads.isEmpty ? "Service \(SafeText.escape(c.name))'s Pods have no workload to scale"
                    : "Service \(SafeText.escape(c.name))'s Pods belong to several workloads: "
                        + workloads.map { "\($0.kind.rawValue) \(SafeText.escape($0.name))" }.joined(separator: ", ")
                        + "; select one"
                return []
            }
            var d = design
            d.components[i].replicas = n
            message = "Service \(SafeText.escape(c.name))'s Pods belong to \(w.kind.rawValue) "
                + "\(SafeText.escape(w.name)): scaled it to \(counted(n, "replica"))" + scaleDownNote(w, to: n)
            return commit(d)
        }
        let target = c.kind.managesPods ? c : controller(of: sel)
        guard let t = target, let i = design.index(of: t.id) else {
            message = "\(c.name) has no Deployment to scale"
            return []
        }
        var d = design
        d.components[i].replicas = n
        let how = t.kind == .deployment ? " (its ReplicaSet now keeps \(n))" : ""
        message = "\(t.kind.rawValue) \(t.name) scaled to \(counted(n, "replica"))\(how)" + scaleDownNote(t, to: n)
        return commit(d)
    }

    /// The controllers of the Pods a Service's selector matches, each once, in design order.
    func selectedWorkloads(of service: Component) -> [Component] {
        let sel = service.selector
        guard !sel.isEmpty else { return [] }
        var seen = Set<String>()
        return design.components.filter { pod in pod.kind == .pod && sel.allSatisfy { pod.labels[$0.key] == $0.value } }
            .compactMap { controller(of: $0.id) }.filter { seen.insert($0.id).inserted }
    }

    func setBalance(_ arg: String?) -> [Effect] {
        guard let b = arg.flatMap({ Balance(rawValue: $0.trimmed) }) else {
            message = "usage: :balance round-robin|random"
            return []
        }
        flowState.balance = b
        if flowState.seed == 0 { flowState.seed = 1 }
        message =
            b == .random
            ? "Services pick a ready Pod at random per connection, as kube-proxy's iptables and nftables modes do "
                + "(seeded)"
            : "Services take their Pods in turn per connection: Hops' simplification so each Pod is seen"
        return []
    }

    /// Sets a container's image. Under a Deployment this is a new Pod template: a new ReplicaSet
    /// comes up while the old one scales down, and requests meanwhile reach both versions.
    func swapImage(_ arg: String?) -> [Effect] {
        let parts = (arg ?? "").split(separator: "=", maxSplits: 1).map { String($0).trimmed }
        guard parts.count == 2, !parts[1].isEmpty, !parts[1].contains(" ") else {
            message = "usage: :image NAME=IMAGE"
            return []
        }
        guard let i = design.components.firstIndex(where: { $0.kind == .container && $0.name == parts[0] }) else {
            message = "no container named \(parts[0])"
            return []
        }
        var d = design
        let old = d.components[i].image ?? "(none)"
        d.components[i].image = parts[1]
        let pod = d.components[i].parent
        let (count, _) = pod.map { FlowEngine.instances(of: $0, in: design, state: flowState) } ?? (0, [])
        guard let pod, let owner = controller(of: pod), owner.kind == .deployment, count > 0, old != parts[1] else {
            message = "container \(parts[0]): \(old) → \(parts[1])"
            return commit(d)
        }
        let surge = Rollout.surge(replicas: count)
        flowState.rollouts[pod] = Rollout(
            container: parts[0], oldImage: old, newImage: parts[1], updated: 0,
            nextStepMs: Replacement.delayMs)
        message =
            "container \(parts[0]): \(old) → \(parts[1]); Deployment \(owner.name) rolls out a new ReplicaSet "
            + "(maxSurge 25% = \(surge), maxUnavailable 25% = \(Rollout.maxUnavailable(replicas: count))): "
            + "0 of \(count) Pods updated; send requests to see both versions answer"
        return commit(d) + [.animate(true)]
    }

    /// Marks the selected Pod template as failing (or passing) its readiness probe: its Pods keep
    /// Running but leave (or rejoin) the Services' endpoints. Not the same as deleting one.
    func setReady(_ arg: String?) -> [Effect] {
        guard let value = ["yes": true, "no": false][arg?.trimmed ?? ""] else { message = "usage: :ready yes|no"; return [] }
        guard let sel = selection, let c = design.component(sel) else { message = "select a Pod first"; return [] }
        let pod = c.kind == .pod ? sel : (c.parent.flatMap { design.component($0)?.kind == .pod ? $0 : nil })
        guard let pod, let i = design.index(of: pod) else { message = "select a Pod to change its readiness"; return [] }
        var d = design
        d.components[i].isReady = value
        message = value
            ? "Pod \(d.components[i].name) passes readiness again: its Pods rejoin the Services' endpoints"
            : "Pod \(d.components[i].name) fails readiness: its Pods keep Running but get no new connections from Services "
                + "(at once here; on a cluster after 3 failed probes, 30 s by default, and the EndpointSlice update)"
        if !value, shownCopy(of: pod) != nil {
            message! += "; the request shown is traced again as one sent now (one already on a connection to these "
                + "Pods still finishes there: readiness decides only where new connections go)"
        }
        return commit(d)
    }

    /// The copy of Pod template `pod` (its instance number) that the request shown reached, if any.
    func shownCopy(of pod: String) -> Int? {
        player?.focus.flatMap { p in p.trace.hops.prefix(p.hop + 1).last { $0.to == pod }?.instance ?? nil }
    }

    /// What a scale-down says when it removes the copy the shown request is on: that request is
    /// traced again as one sent now, and the one on the deleted copy is not simply moved.
    func scaleDownNote(_ workload: Component, to n: Int) -> String {
        let pods = design.components.filter { $0.kind == .pod && controller(of: $0.id)?.id == workload.id }
        guard pods.contains(where: { pod in shownCopy(of: pod.id).map { $0 > n } ?? false }) else { return "" }
        return "; the request shown is traced again as one sent now (its Pod is being deleted: it leaves the endpoints "
            + "and gets its stop signal; a server that drains on it finishes requests in flight within the grace period, "
            + "30 s by default, then it is killed; Hops deletes the highest-numbered copy, a ReplicaSet picks unready "
            + "and newer Pods first)"
    }

    /// Deletes one Pod of the selected template: the one the last request went to, else the
    /// highest-numbered one that is up. Its controller makes a replacement after a delay.
    func killPod() -> [Effect] {
        // The selected Pod (or the one around the selected container); else the Pod the shown
        // request last reached, as the README says.
        let selected = selection.flatMap { design.component($0) }.flatMap { c in
            c.kind == .pod ? c.id : c.parent.flatMap { design.component($0)?.kind == .pod ? $0 : nil }
        }
        let reached = player?.focus.flatMap { p in
            p.trace.hops.prefix(p.hop + 1).last { design.component($0.to)?.kind == .pod }?.to
        }
        guard let pod = selected ?? reached, let c = design.component(pod) else {
            message = "select a Pod to delete one of its copies (or send a request to one first)"
            return []
        }
        let (count, down) = FlowEngine.instances(of: pod, in: design, state: flowState)
        let recent = player?.packets.reversed().compactMap { p in
            p.trace.hops.first { $0.to == pod && $0.instance != nil }?.instance
        }.first
        guard
            let victim = [recent].compactMap({ $0 }).first(where: { !down.contains($0) })
                ?? (1...max(1, count)).reversed().first(where: { !down.contains($0) }), count > 0
        else {
            message = "every copy of \(c.name) is already down"
            return []
        }
        let name = FlowEngine.instanceName(of: pod, index: victim, in: design, state: flowState) ?? pod
        flowState.kill(pod, instance: victim)
        // A connection on a deleted Pod does not move to another: the shown request, traced
        // again, is one sent now, and the message says so.
        let moved = recent == victim
            ? "; the request shown is traced again as one sent now (its connection to that Pod is gone)" : ""
        defer { let m = message.map { $0 + moved }; retrace(); message = m }
        let ready = count - down.count - 1
        if let owner = controller(of: pod) {
            replacements.append(Replacement(pod: pod, instance: victim, remainingMs: Replacement.delayMs))
            let same = owner.kind == .statefulSet ? "with the same name" : "with a new name and IP"
            message =
                "deleted Pod \(name); \(ready) of \(count) ready; \(keeper(of: pod)) creates a replacement \(same)"
            return [.animate(true)]
        }
        message = "deleted Pod \(name); nothing manages it, so nothing replaces it (put it in a Deployment)"
        return []
    }

    /// Moves replacements and rollouts on by `ms` of app time; true while one is still under way.
    func advanceCluster(_ ms: Int) -> Bool {
        var changed = false
        for i in replacements.indices { replacements[i].remainingMs -= ms }
        for r in replacements where r.remainingMs <= 0 {
            changed = true
            let old = FlowEngine.instanceName(of: r.pod, index: r.instance, in: design, state: flowState) ?? r.pod
            flowState.revive(r.pod, instance: r.instance)
            let name = FlowEngine.instanceName(of: r.pod, index: r.instance, in: design, state: flowState) ?? r.pod
            let (count, down) = FlowEngine.instances(of: r.pod, in: design, state: flowState)
            let what = old == name ? "recreated \(name)" : "replaced \(old) with \(name)"
            message = "\(keeper(of: r.pod)) \(what): \(count - down.count) of \(count) ready"
        }
        replacements.removeAll { $0.remainingMs <= 0 }
        for pod in flowState.rollouts.keys.sorted() {
            guard var r = flowState.rollouts[pod] else { continue }
            let current = design.children(of: pod).first { $0.kind == .container && $0.name == r.container }?.image
            guard current == r.newImage else {
                // The template changed again (undo, another :image): this rollout no longer applies.
                flowState.rollouts[pod] = nil
                message = "rollout of \(controllerName(of: pod)) stopped: the Pod template changed"
                continue
            }
            r.nextStepMs -= ms
            guard r.nextStepMs <= 0 else {
                flowState.rollouts[pod] = r
                continue
            }
            let count = FlowEngine.instances(of: pod, in: design, state: flowState).count
            r.updated = min(count, r.updated + Rollout.surge(replicas: count))
            r.nextStepMs = Replacement.delayMs
            if r.updated >= count {
                flowState.rollouts[pod] = nil
                message =
                    "rollout of \(controllerName(of: pod)) complete: all \(count) Pods run \(r.newImage); "
                    + "the old ReplicaSet stays at 0 replicas for a rollback"
            } else {
                flowState.rollouts[pod] = r
                message =
                    "rolling update of \(controllerName(of: pod)): \(r.updated) of \(count) Pods run \(r.newImage), "
                    + "\(count - r.updated) still run \(r.oldImage)"
            }
        }
        // The request on screen follows the cluster: a new Pod, a rollout step (the live trace).
        if changed { let m = message; retrace(); message = m }
        return clusterBusy
    }
}
