import HopsDesign

// MARK: - Generated designs

/// A small linear congruential generator: the same seed gives the same design everywhere.
public struct LCG {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
    /// A number in 0..<n.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    public mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
}

public enum DesignGenerator {
    /// `count` components of mixed kinds (Containers inside Pods, Pods inside Deployments and
    /// StatefulSets) and about 1.5 connections per component, between existing ids, no self loops.
    public static func mixed(count: Int, seed: UInt64 = 0x4f_70_73) -> Design {
        var rng = LCG(seed: seed &+ UInt64(count))
        var components: [Component] = []
        var byKind: [Kind: [String]] = [:]
        func add(_ kind: Kind, _ name: String, parent: String? = nil, _ properties: [String: JSONValue] = [:]) -> String {
            let id = "\(kind.rawValue.lowercased())-\(components.count)"
            components.append(Component(id: id, kind: kind, name: name, parent: parent, properties: properties))
            byKind[kind, default: []].append(id)
            return id
        }
        func app(_ i: Int) -> JSONValue { .object(["app": .string("app\(i)")]) }
        func containers(in pod: String, _ app: Int) {
            let k = 1 + rng.below(2)
            for c in 0..<k where components.count < count {
                _ = add(.container, c == 0 ? "app\(app)" : "sidecar\(app)", parent: pod, [
                    "image": .string(c == 0 ? "registry/app\(app):1.\(rng.below(20))" : "envoy:1.30"),
                    "ports": .array([.object(["containerPort": .integer(c == 0 ? 8080 : 9901)])]),
                ])
            }
        }
        while components.count < count {
            let left = count - components.count
            let a = rng.below(max(1, count / 4))
            switch rng.below(100) {
            case 0..<6:
                _ = add(.user, "user\(components.count)")
            case 6..<26:
                _ = add(.service, "svc\(a)", [
                    "type": .string("ClusterIP"), "selector": app(a),
                    "ports": .array([.object(["port": .number(80), "targetPort": .number(8080)])]),
                ])
            case 26..<44 where left >= 3:
                let dep = add(.deployment, "web\(a)", ["replicas": .integer(1 + rng.below(4)), "selector": app(a)])
                let pod = add(.pod, "web\(a)", parent: dep, ["labels": app(a)])
                containers(in: pod, a)
            case 44..<52 where left >= 3:
                let sts = add(.statefulSet, "db\(a)", ["replicas": .integer(1 + rng.below(3)), "selector": app(a)])
                let pod = add(.pod, "db\(a)", parent: sts, ["labels": app(a)])
                containers(in: pod, a)
            case 52..<62 where left >= 2:
                let pod = add(.pod, "pod\(a)", ["labels": app(a)])
                containers(in: pod, a)
            case 62..<72:
                _ = add(.configMap, "config\(a)")
            case 72..<78:
                _ = add(.secret, "secret\(a)")
            case 78..<83:
                _ = add(.pvc, "data\(a)", ["storage": .string("\(1 + rng.below(20))Gi")])
            case 83..<88:
                _ = add(.ingress, "edge\(a)")
            case 88..<94:
                _ = add(.hpa, "hpa\(a)", ["minReplicas": .number(1), "maxReplicas": .number(5)])
            default:
                _ = add(.job, "job\(a)")
            }
        }

        let ids = components.map(\.id)
        let pods = byKind[.pod] ?? []
        let services = byKind[.service] ?? []
        let managers = (byKind[.deployment] ?? []) + (byKind[.statefulSet] ?? []) + (byKind[.job] ?? [])
        let labels = ["http :80", "grpc :9090", "GET /api", "sql :5432"]
        var connections: [Connection] = []
        var seen = Set<String>()
        let wanted = count * 3 / 2
        var attempts = 0
        while connections.count < wanted && attempts < wanted * 20 {
            attempts += 1
            let from: String, to: String, kind: ConnectionKind
            switch rng.below(10) {
            case 0..<2 where !services.isEmpty && !pods.isEmpty:
                (from, to, kind) = (rng.pick(services), rng.pick(pods), .selects)
            case 2..<3 where !managers.isEmpty && !pods.isEmpty:
                (from, to, kind) = (rng.pick(managers), rng.pick(pods), .manages)
            default:
                (from, to, kind) = (rng.pick(ids), rng.pick(ids), .traffic)
            }
            guard from != to, seen.insert("\(from)>\(to)").inserted else { continue }
            let label = kind == .traffic && rng.below(5) == 0 ? rng.pick(labels) : nil
            connections.append(Connection(id: "c\(connections.count)", from: from, to: to, kind: kind, label: label))
        }
        return Design(name: "generated-\(count)", components: components, connections: connections)
    }

    /// A top-level component with the most connections (the first such in design order).
    public static func busiestTopLevel(in design: Design) -> String {
        var degree: [String: Int] = [:]
        for c in design.connections { degree[c.from, default: 0] += 1; degree[c.to, default: 0] += 1 }
        var best = design.components[0].id, most = -1
        for c in design.components where c.parent == nil && degree[c.id, default: 0] > most {
            best = c.id; most = degree[c.id, default: 0]
        }
        return best
    }

    /// `count` components: a User, then stages of Service → Deployment/Pod(replicas 3) → Container,
    /// each container calling the next stage's Service. The chain from the User runs through
    /// `stagesPerChain` stages (the flow engine stops a request after 64 hops, so a chain through
    /// all 1000 components would be a failure, not a trace); the other stages form chains of the
    /// same shape that share the design, so every lookup searches all the components.
    public static func requestChain(count: Int, stagesPerChain: Int = 20) -> (Design, String) {
        var components = [Component(id: "user", kind: .user, name: "browser")]
        var connections: [Connection] = []
        let stages = (count - 1) / 4
        for i in 0..<stages {
            let app: JSONValue = .object(["app": .string("s\(i)")])
            components.append(Component(id: "svc-\(i)", kind: .service, name: "svc\(i)", properties: [
                "type": .string("ClusterIP"), "selector": app,
                "ports": .array([.object(["port": .number(80), "targetPort": .number(8080)])]),
            ]))
            components.append(Component(id: "dep-\(i)", kind: .deployment, name: "app\(i)",
                                        properties: ["replicas": .number(3), "selector": app]))
            components.append(Component(id: "pod-\(i)", kind: .pod, name: "app\(i)", parent: "dep-\(i)", properties: ["labels": app]))
            components.append(Component(id: "ctr-\(i)", kind: .container, name: "app\(i)", parent: "pod-\(i)", properties: [
                "image": .string("registry/app\(i):1.0"),
                "ports": .array([.object(["containerPort": .number(8080)])]),
            ]))
            connections.append(Connection(id: "sel-\(i)", from: "svc-\(i)", to: "pod-\(i)", kind: .selects))
            if (i + 1) % stagesPerChain != 0 && i + 1 < stages {
                connections.append(Connection(id: "call-\(i)", from: "ctr-\(i)", to: "svc-\(i + 1)", kind: .traffic, label: "http :80"))
            }
        }
        connections.insert(Connection(id: "req", from: "user", to: "svc-0", kind: .traffic, label: "GET /"), at: 0)
        var n = 0
        while components.count < count {
            components.append(Component(id: "config-\(n)", kind: .configMap, name: "config\(n)"))
            n += 1
        }
        return (Design(name: "chain-\(count)", components: components, connections: connections), "user")
    }
}
