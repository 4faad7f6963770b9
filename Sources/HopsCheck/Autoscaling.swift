import HopsDesign
import HopsText

/// What keeps an HPA from scaling on a real cluster that the drawing does not show: a CPU target
/// is a share of the containers' CPU requests, so without a request there is nothing to divide
/// by. The HPA controller then reports "missing request for cpu" and leaves the replicas alone.
enum Autoscaling {
    static func findings(_ d: DesignIndex) -> [Finding] {
        var out: [Finding] = []
        for hpa in d.components where hpa.kind == .hpa {
            guard let target = cpuTarget(of: hpa) else { continue }
            for k in d.connections(from: hpa.id) where k.kind == .manages {
                guard let workload = d.component(k.to), workload.kind.managesPods else { continue }
                // Its Pods: the template inside it and the Pods its manages arrows point at.
                let pods = (d.children(of: workload.id) + d.connections(from: workload.id).filter { $0.kind == .manages }
                    .compactMap { d.component($0.to) }).filter { $0.kind == .pod }
                let containers = pods.flatMap { d.children(of: $0.id) }.filter {
                    // Init containers have finished before the Pod runs, except sidecars (restartPolicy:
                    // Always), which run beside the app and are measured with it.
                    $0.kind == .container && (($0.properties["containerType"]?.string ?? "containers") == "containers"
                        || $0.properties["manifest"]?.object?["restartPolicy"]?.string == "Always")
                }
                // A cpu limit alone sets the request to the limit, so such a container has one.
                let missing = containers.filter {
                    $0.cpuRequest == nil && $0.properties["manifest"]?.object?["resources"]?.object?["limits"]?
                        .object?["cpu"] == nil
                }
                guard !missing.isEmpty else { continue }
                let names = listed(missing.map { "container \(SafeText.escape($0.name))" })
                out.append(Finding(.warning, "hpa-without-cpu-request", component: hpa.id,
                    "\(CheckEngine.name(hpa)) scales \(CheckEngine.name(workload)) on CPU use as a share of its "
                    + "containers' CPU requests (\(target)), but \(names) \(missing.count == 1 ? "requests" : "request") "
                    + "no CPU, so the HPA cannot measure it and never scales with load: give "
                    + "\(missing.count == 1 ? "it" : "each") a cpu request (e on the container, for example 100m), "
                    + "unless a LimitRange in the namespace gives a default; the cluster also needs metrics-server"))
            }
        }
        return out
    }

    /// How the HPA's CPU target reads, or nil when it scales on something else. An HPA written
    /// without metrics (as Hops exports a drawn one) targets 80% average CPU utilisation.
    static func cpuTarget(of hpa: Component) -> String? {
        let metrics = hpa.properties["manifest"]?.object?["spec"]?.object?["metrics"]?.array ?? []
        guard !metrics.isEmpty else { return "80%, the default of an HPA without metrics" }
        for m in metrics {
            guard let o = m.object, let type = o["type"]?.string else { continue }
            // (A ContainerResource metric needs the request of one container only: not judged here.)
            guard type == "Resource", let r = o["resource"]?.object, r["name"]?.string == "cpu",
                  r["target"]?.object?["type"]?.string == "Utilization" else { continue }
            let share = r["target"]?.object?["averageUtilization"]?.int.map { "\($0)%" } ?? "a share"
            return "\(share), its cpu metric"
        }
        return nil
    }
}
