import HopsDesign
import HopsFlow
import HopsText

/// A ReadWriteOnce volume is attached to one node at a time: Pods of several copies, which the
/// scheduler spreads over nodes, cannot all mount it (the drawing shows one arrow for them all).
enum Storage {
    static func findings(_ d: DesignIndex) -> [Finding] {
        var out: [Finding] = []
        for pvc in d.components where pvc.kind == .pvc && pvc.properties["volumeClaimTemplate"]?.bool != true {
            let modes = (pvc.properties["manifest"]?.object?["spec"]?.object?["accessModes"]?.array ?? [])
                .compactMap(\.string)
            let once = modes.isEmpty || !modes.contains { $0 == "ReadWriteMany" || $0 == "ReadOnlyMany" }
            guard once else { continue }
            var total = 0
            var who: [String] = []
            for k in d.connections(to: pvc.id) where k.kind == .mounts {
                guard let from = d.component(k.from), let n = Self.copies(of: from, d) else { continue }
                total += n
                who.append("\(CheckEngine.name(from)), \(counted(n, "Pod"))")
            }
            guard total > 1 else { continue }
            let what = modes.contains("ReadWriteOncePod")
                ? "ReadWriteOncePod: one Pod at a time may use it, and \(total) Pods mount it (\(who.joined(separator: "; "))):"
                    + " the scheduler keeps the others Pending"
                : "ReadWriteOnce\(modes.isEmpty ? " (as Hops exports it)" : ""): one node at a time mounts it, and "
                    + "\(total) Pods mount it (\(who.joined(separator: "; "))): on attachable block storage (cloud disks, "
                    + "most CSI drivers) copies the scheduler puts on other nodes stay ContainerCreating (a Multi-Attach "
                    + "error), while Pods on the same node share it"
            out.append(Finding(.warning, "volume-shared", component: pvc.id,
                "\(CheckEngine.name(pvc)) is \(what); give each Pod its own volume (a StatefulSet's volumeClaimTemplates) "
                + "or use ReadWriteMany storage"))
        }
        return out
    }

    /// How many Pods a mounting component stands for: a workload's replicas (a DaemonSet's Pods
    /// run on every node: counted as two, more than one), a Pod's copies, a container's Pod's.
    static func copies(of c: Component, _ d: DesignIndex) -> Int? {
        if c.kind == .daemonSet { return 2 }
        if c.kind.managesPods { return c.replicas ?? 1 }
        let pod = c.kind == .container ? c.parent.flatMap { d.component($0) } : c
        guard let pod, pod.kind == .pod else { return nil }
        return FlowEngine.instances(of: pod.id, in: d.design, state: FlowState()).count
    }
}
