import Foundation
import HopsDesign
import HopsFlow
import HopsFormats
import HopsResources

/// Small designs for the flow tests, built in code so each test states exactly what it breaks.
enum FlowFixtures {
    static func component(_ id: String, _ kind: Kind, _ name: String, parent: String? = nil,
                          _ properties: [String: JSONValue] = [:]) -> Component {
        Component(id: id, kind: kind, name: name, parent: parent, properties: properties)
    }

    /// A traffic arrow; `port` is the port the connection dials.
    static func traffic(_ from: String, _ to: String, label: String? = nil, port: Int? = nil) -> Connection {
        var c = Connection(id: "\(from)->\(to)", from: from, to: to, kind: .traffic, label: label)
        c.port = port
        return c
    }

    /// The name Hops gives replica `index` of a Pod template in `state` (see PodNames).
    static func podName(_ design: Design, _ index: Int, pod: String = "pod-web", state: FlowState = FlowState()) -> String {
        FlowEngine.instanceName(of: pod, index: index, in: design, state: state) ?? "?"
    }

    static func labels(_ pairs: [String: String]) -> JSONValue { .object(pairs.mapValues { .string($0) }) }

    static func ports(_ list: [(String, Int)], key: String = "containerPort") -> JSONValue {
        .array(list.map { .object(["name": .string($0.0), key: .integer($0.1)]) })
    }

    /// A Service with a selector and one port 80 → `targetPort`.
    static func service(_ id: String, _ name: String, selector: [String: String], targetPort: JSONValue = .number(8080)) -> Component {
        component(id, .service, name, [
            "selector": labels(selector),
            "ports": .array([.object(["port": .number(80), "targetPort": targetPort])]),
        ])
    }

    /// The bundled design's twin: User → Service web → (Deployment web ▸ Pod web: app → db).
    /// Here the Pod is nested inside the Deployment (the bundled file uses a `manages` arrow),
    /// so both ways of saying "Pod template" are exercised.
    static func web(replicas: Int = 3, selector: [String: String] = ["app": "web"],
                    podLabels: [String: String] = ["app": "web"], targetPort: JSONValue = .number(8080),
                    appCallsDB: Bool = true) -> Design {
        let podProps: [String: JSONValue] = podLabels.isEmpty ? [:] : ["labels": labels(podLabels)]
        let comps = [
            component("user", .user, "User"),
            service("svc-web", "web", selector: selector, targetPort: targetPort),
            component("deploy-web", .deployment, "web", ["replicas": .integer(replicas), "selector": labels(selector)]),
            component("pod-web", .pod, "web", parent: "deploy-web", podProps),
            component("ctr-app", .container, "app", parent: "pod-web", ["ports": ports([("http", 8080)])]),
            component("ctr-db", .container, "db", parent: "pod-web", ["ports": ports([("postgres", 5432)])]),
        ]
        var conns = [traffic("user", "svc-web", label: "HTTP", port: 80),
                     Connection(id: "web-selects", from: "svc-web", to: "pod-web", kind: .selects)]
        if appCallsDB { conns.append(traffic("ctr-app", "ctr-db", port: 5432)) }
        return Design(name: "web", components: comps, connections: conns)
    }

    /// Adds a second tier: Service api selecting Deployment api's 2 Pods, with one container.
    static func addAPI(to design: inout Design, replicas: Int = 2) {
        design.components += [
            service("svc-api", "api", selector: ["app": "api"], targetPort: .string("grpc")),
            component("deploy-api", .deployment, "api", ["replicas": .integer(replicas)]),
            component("pod-api", .pod, "api", ["labels": labels(["app": "api"])]),
            component("ctr-api", .container, "server", parent: "pod-api", ["ports": ports([("grpc", 9000)])]),
        ]
        design.connections.append(Connection(id: "api-manages", from: "deploy-api", to: "pod-api", kind: .manages))
    }

    /// The design that ships with Hops, decoded the way the app decodes it.
    static func bundled() throws -> Design {
        let catalog = try JSONDecoder().decode(Catalog.self, from: BundledResources.catalogJSON)
        return try DesignFile.decode(BundledResources.requestFlowJSON, file: BundledResources.requestFlowName, catalog: catalog)
    }

    /// Runs `count` requests in a row, threading the state, and returns the traces and final state.
    static func run(_ design: Design, _ count: Int, from source: String = "user", state: FlowState = FlowState(),
                    host: String? = nil, path: String = "/") -> ([Trace], FlowState) {
        var state = state
        var traces: [Trace] = []
        for _ in 0..<count {
            let (t, s) = FlowEngine.trace(design, from: source, state: state, host: host, path: path)
            traces.append(t); state = s
        }
        return (traces, state)
    }

    /// The Pod replica each trace's Service hop chose (nil when none was chosen).
    static func chosen(_ traces: [Trace], service: String = "svc-web") -> [Int?] {
        traces.map { t in t.hops.first { $0.from == service && $0.direction == .request }?.instance }
    }
}
