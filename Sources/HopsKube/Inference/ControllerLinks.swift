import HopsDesign

/// HPA → the workload its `scaleTargetRef` names; StatefulSet → its headless Service
/// (`serviceName`) and → its volumeClaimTemplates.
extension Inferrer {
    mutating func linkScaleTargets() {
        for e in entries where e.kind == .hpa {
            let ref = e.object.body.object(at: ["spec", "scaleTargetRef"])
            guard let kind = ref["kind"]?.string, let name = ref["name"]?.string else { continue }
            let lo = e.object.body.value(at: ["spec", "minReplicas"])?.int ?? 1
            let hi = e.object.body.value(at: ["spec", "maxReplicas"])?.int
            let range = hi.map { "\(lo)-\($0)" } ?? "from \(lo)"
            guard let to = target(kind, name, namespace: e.object.namespaceOrDefault,
                                  referencedBy: "scaleTargetRef of HorizontalPodAutoscaler \(e.object.name)",
                                  at: e.object.place(["spec", "scaleTargetRef"])) else { continue }
            connect(e.id, to, .manages, label: "scales \(range)", rule: "scaleTargetRef names \(kind) \(name)")
        }
    }

    mutating func linkStatefulSets() {
        for e in entries where e.kind == .statefulSet {
            if let svc = e.object.body.string(at: ["spec", "serviceName"]), !svc.isEmpty,
               let to = target("Service", svc, namespace: e.object.namespaceOrDefault,
                               referencedBy: "serviceName of StatefulSet \(e.object.name)",
                               at: e.object.place(["spec", "serviceName"])) {
                connect(e.id, to, .annotation, label: "serviceName", rule: "serviceName names Service \(svc)")
            }
            for claim in e.claims {
                connect(e.id, claim, .mounts, label: "volumeClaimTemplate",
                        rule: "volumeClaimTemplates of StatefulSet \(e.object.name)")
            }
        }
    }
}
