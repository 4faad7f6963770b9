import HopsDesign

/// Service → Pod when the Service's selector is a subset of the Pod template's labels (a
/// Service may select several workloads, several Services one; no selector selects nothing).
/// Each targetPort must name a container port, by number or by name, or the request stops there:
/// that is a warning.
extension Inferrer {
    mutating func linkSelectors() {
        // Labels and namespaces read once, and Pods found by one label pair in a namespace: 1,666
        // Services by 1,666 workloads were 2.8 million pairs (a third of importing 10,000 objects).
        let pods = entries.filter { $0.podID != nil }.map { ($0, $0.podLabels, $0.object.namespaceOrDefault) }
        func pair(_ ns: String, _ key: String, _ value: String) -> String { "\(ns)\u{0}\(key)\u{0}\(value)" }
        var byPair: [String: [Int]] = [:]
        for (i, (_, labels, space)) in pods.enumerated() {
            for (k, v) in labels { byPair[pair(space, k, v), default: []].append(i) }
        }
        for svc in entries where svc.kind == .service {
            guard let selector = svc.object.body.value(at: ["spec", "selector"])?.stringMap, !selector.isEmpty else {
                continue
            }
            let ns = svc.object.namespaceOrDefault
            let text = formatLabels(selector)
            var matched = 0
            // The Pods with the rarest of the selector's pairs, in input order, checked for all.
            let fewest = selector.map { byPair[pair(ns, $0.key, $0.value)] ?? [] }.min { $0.count < $1.count } ?? []
            for i in fewest {
                let (p, labels) = (pods[i].0, pods[i].1)
                guard selector.allSatisfy({ labels[$0.key] == $0.value }) else { continue }
                matched += 1
                selectedBy[p.podID!, default: []].insert(svc.id)
                connect(
                    svc.id, p.podID!, .selects, label: text,
                    rule: "selector \(text) matches the Pod template labels of \(p.object.kind) \(p.object.name)")
                checkTargetPorts(svc, p)
            }
            if matched == 0 {
                warn(
                    svc.object.place(["spec", "selector"]),
                    "Service \(SafeText.escape(svc.object.name)) selects no Pod "
                        + "in the input (selector \(SafeText.escape(text)))")
            }
        }
    }

    private mutating func checkTargetPorts(_ svc: Entry, _ pod: Entry) {
        let declared = pod.containers.filter { $0.list == .containers }.flatMap { c in
            (c.body["ports"]?.array ?? []).compactMap(\.object)
        }
        for (i, p) in (svc.object.body.value(at: ["spec", "ports"])?.array ?? []).enumerated() {
            guard let port = p.object, let number = port["port"]?.int else { continue }
            let target = port["targetPort"] ?? .integer(number)
            let found = declared.contains { d in
                if let n = target.int { return d["containerPort"]?.int == n }
                return d["name"]?.string == target.string
            }
            guard !found else { continue }
            let what = target.int.map(String.init) ?? target.string ?? "?"
            let ports = declared.compactMap { $0["containerPort"]?.int }.map(String.init)
            let have =
                ports.isEmpty
                ? "its containers declare no ports" : "its containers declare \(ports.joined(separator: ", "))"
            warn(
                svc.object.place(steps: [.key("spec"), .key("ports"), .index(i)]),
                "Service \(SafeText.escape(svc.object.name)) port \(number) forwards to targetPort "
                    + "\(SafeText.escape(what)), but no container of \(pod.object.title) declares it (\(have))")
        }
    }
}
