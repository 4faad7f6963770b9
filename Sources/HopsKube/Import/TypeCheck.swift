import HopsDesign

/// The fields Hops reads must have the type Kubernetes gives them; the first one that does not
/// is reported (the API server would refuse the object too), quoting the value.
enum TypeCheck {
    static func firstProblem(in o: KubeObject) -> KubeIssue? {
        // A name Hops shows must be one a terminal can show (a cluster would refuse the object too).
        var named: [(path: [String], text: String, what: String)] = [(["metadata", "name"], o.name, "the name")]
        if let ns = o.body.string(at: ["metadata", "namespace"]) {
            named.append((["metadata", "namespace"], ns, "the namespace"))
        }
        if let pod = WorkloadShape.podPaths(o.kind) {
            for list in WorkloadShape.containerLists {
                for (i, c) in (o.body.value(at: pod.spec + [list.rawValue])?.array ?? []).enumerated() {
                    if let n = c.object?["name"]?.string {
                        named.append((pod.spec + [list.rawValue, "\(i)", "name"], n, "the name"))
                    }
                }
            }
        }
        // Labels and selectors too: Hops shows them on arrows and boxes (a cluster refuses these as well).
        var maps: [[String]] = [["metadata", "labels"], ["spec", "selector", "matchLabels"]]
        if o.kind == "Service" { maps.append(["spec", "selector"]) }
        if let pod = WorkloadShape.podPaths(o.kind) { maps.append(pod.labels) }
        for path in maps {
            for (k, v) in o.body.value(at: path)?.object ?? [:] {
                named.append((path + [k], k, "the label"))
                if let s = v.string { named.append((path + [k], s, "the label")) }
            }
        }
        for (path, text, what) in named {
            guard let problem = Validation.textProblem(text, what: what) else { continue }
            let field = path.joined(separator: ".")
            return KubeIssue(o.place(Array(path.prefix(2))), "\(field): \(problem); \(o.title) skipped")
        }
        var checks: [(path: [String], expect: Expect)] = [(["metadata", "labels"], .stringMap)]
        if WorkloadShape.hasReplicas(o.kind) { checks.append((["spec", "replicas"], .integer)) }
        if WorkloadShape.hasSelector(o.kind) { checks.append((["spec", "selector", "matchLabels"], .stringMap)) }
        if let pod = WorkloadShape.podPaths(o.kind) {
            checks.append((pod.labels, .stringMap))
            for list in WorkloadShape.containerLists { checks.append((pod.spec + [list.rawValue], .arrayOfObjects)) }
        }
        switch o.kind {
        case "Service":
            checks += [
                (["spec", "selector"], .stringMap), (["spec", "ports"], .arrayOfObjects), (["spec", "type"], .string),
            ]
        case "HorizontalPodAutoscaler":
            checks += [(["spec", "minReplicas"], .integer), (["spec", "maxReplicas"], .integer)]
        case "Ingress":
            checks += [(["spec", "rules"], .arrayOfObjects), (["spec", "tls"], .arrayOfObjects)]
        default: break
        }
        for (path, expect) in checks {
            guard let v = o.body.value(at: path), v != .null, !expect.accepts(v) else { continue }
            return KubeIssue(
                o.place(path),
                "\(path.joined(separator: ".")) must be \(expect.text), not \(describe(v)); "
                    + "\(o.title) skipped")
        }
        if let pod = WorkloadShape.podPaths(o.kind) { return containerProblem(o, spec: pod.spec) }
        if o.kind == "Service" { return servicePortProblem(o) }
        return nil
    }

    private static func containerProblem(_ o: KubeObject, spec: [String]) -> KubeIssue? {
        for list in WorkloadShape.containerLists {
            for (i, c) in (o.body.value(at: spec + [list.rawValue])?.array ?? []).enumerated() {
                let at = spec.map(YamlDocument.Step.key) + [.key(list.rawValue), .index(i)]
                let fields: [(String, Expect)] = [("name", .string), ("image", .string), ("ports", .arrayOfObjects)]
                for (key, expect) in fields {
                    guard let v = c.object?[key], v != .null, !expect.accepts(v) else { continue }
                    return KubeIssue(
                        o.place(steps: at + [.key(key)]),
                        "\(list.rawValue)[\(i)].\(key) must be "
                            + "\(expect.text), not \(describe(v)); \(o.title) skipped")
                }
                for (j, p) in (c.object?["ports"]?.array ?? []).enumerated() {
                    guard let v = p.object?["containerPort"], !Expect.integer.accepts(v) else { continue }
                    return KubeIssue(
                        o.place(steps: at + [.key("ports"), .index(j), .key("containerPort")]),
                        "containerPort must be \(Expect.integer.text), not \(describe(v)); \(o.title) skipped")
                }
            }
        }
        return nil
    }

    private static func servicePortProblem(_ o: KubeObject) -> KubeIssue? {
        for (i, p) in (o.body.value(at: ["spec", "ports"])?.array ?? []).enumerated() {
            let at: [YamlDocument.Step] = [.key("spec"), .key("ports"), .index(i)]
            if let v = p.object?["port"], !Expect.integer.accepts(v) {
                return KubeIssue(
                    o.place(steps: at + [.key("port")]),
                    "ports[\(i)].port must be \(Expect.integer.text), "
                        + "not \(describe(v)); \(o.title) skipped")
            }
            if let v = p.object?["targetPort"], v.int == nil, v.string == nil {
                return KubeIssue(
                    o.place(steps: at + [.key("targetPort")]),
                    "ports[\(i)].targetPort must be a port "
                        + "number or name, not \(describe(v)); \(o.title) skipped")
            }
        }
        return nil
    }

    /// `the string "three"`, `an object`: the value's type, and a short quote of a scalar.
    static func describe(_ v: JSONValue) -> String { v.described }

    enum Expect {
        case integer, string, stringMap, arrayOfObjects
        func accepts(_ v: JSONValue) -> Bool {
            switch self {
            case .integer: v.int != nil
            case .string: v.string != nil
            case .stringMap: v.stringMap != nil
            case .arrayOfObjects: v.array.map { $0.allSatisfy { $0.object != nil } } ?? false
            }
        }
        var text: String {
            switch self {
            case .integer: "a whole number"
            case .string: "a string"
            case .stringMap: "a map of strings"
            case .arrayOfObjects: "a list of objects"
            }
        }
    }
}
