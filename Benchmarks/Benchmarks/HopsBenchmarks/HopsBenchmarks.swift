import Benchmark
import Foundation
import HopsCanvas
import HopsDesign
import HopsEditor
import HopsFlow
import HopsResources
import HopsTerminal

// Hops's performance benchmarks: drawing a whole design, one move in the editor, and one traced
// request. Designs are generated from a fixed seed, so every run measures the same work.
// Set-up and correctness checks run in `setup:` hooks, outside the measured region.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        maxDuration: .seconds(5),
        maxIterations: 50
    )

    for n in [10, 100, 1000] {
        let fixture = Fixture<(Design, Catalog)>()
        // One render of 1000 components takes minutes at present: no warm-up run for it.
        var config = Benchmark.defaultConfiguration
        if n >= 1000 { config.warmupIterations = 0 }
        Benchmark("render \(n) components", configuration: config) { benchmark in
            let (design, catalog) = fixture.value
            benchmark.startMeasurement()
            blackHole(DesignRenderer.render(design, catalog: catalog, glyphs: .unicode))
        } setup: {
            let catalog = try loadCatalog()
            let design = DesignGenerator.mixed(count: n)
            checkRoutes(design, catalog: catalog)
            fixture.value = (design, catalog)
        }
    }

    let editorFixture = Fixture<(editor: Editor, moves: Int)>()
    // A move takes seconds at 1000 components: allow a few samples for a median.
    var moveConfig = Benchmark.defaultConfiguration
    moveConfig.maxDuration = .seconds(30)
    moveConfig.maxIterations = 10
    Benchmark("move one box in 1000 components", configuration: moveConfig) { benchmark in
        let editor = editorFixture.value.editor
        // Alternate right and left so the box stays where it was.
        let key: Character = editorFixture.value.moves % 2 == 0 ? "L" : "H"
        editorFixture.value.moves += 1
        benchmark.startMeasurement()
        editor.handle(.key(.char(key)))
        blackHole(editor.draw())
    } setup: {
        let catalog = try loadCatalog()
        let design = DesignGenerator.mixed(count: 1000)
        let start = ContinuousClock.now
        let editor = Editor(design: design, catalog: catalog, path: nil, glyphs: .unicode, screen: Size(width: 200, height: 60))
        let built = ContinuousClock.now - start
        let target = DesignGenerator.busiestTopLevel(in: editor.design)
        selectByTab(editor, target)
        precondition(editor.selection == target, "could not select \(target)")
        let links = editor.design.connections.filter { $0.from == target || $0.to == target }.count
        report("move: editor ready in \(seconds(built)); selected \(target) (\(editor.design.component(target)!.kind), \(links) connections) among \(editor.design.components.count) components")
        _ = editor.draw()
        // Where one move's time goes: the key (re-routing) and the frame (painting).
        for key: Character in ["L", "H"] {
            let clock = ContinuousClock()
            let handled = clock.measure { editor.handle(.key(.char(key))) }
            let drawn = clock.measure { _ = editor.draw() }
            report("move: \(key) handled in \(seconds(handled)), frame drawn in \(seconds(drawn))")
        }
        editorFixture.value = (editor, 0)
    }

    // The frame alone: what every key and tick costs on top of its own work.
    let frameFixture = Fixture<Editor>()
    Benchmark("draw one frame of 1000 components", configuration: moveConfig) { benchmark in
        let editor = frameFixture.value
        benchmark.startMeasurement()
        blackHole(editor.draw())
    } setup: {
        let editor = Editor(design: DesignGenerator.mixed(count: 1000), catalog: try loadCatalog(), path: nil, glyphs: .unicode,
                            screen: Size(width: 200, height: 60))
        selectByTab(editor, DesignGenerator.busiestTopLevel(in: editor.design))
        frameFixture.value = editor
    }

    let flowFixture = Fixture<(design: Design, source: String)>()
    Benchmark("trace a request through 1000 components") { benchmark in
        let (design, source) = flowFixture.value
        benchmark.startMeasurement()
        blackHole(FlowEngine.trace(design, from: source, state: FlowState()))
    } setup: {
        let (design, source) = DesignGenerator.requestChain(count: 1000)
        let (trace, _) = FlowEngine.trace(design, from: source, state: FlowState())
        precondition(trace.succeeded, "the generated chain should answer: \(trace.failure ?? "")")
        report("trace: \(design.components.count) components, \(design.connections.count) connections, \(trace.requestHops.count) request hops, \(trace.responseHops.count) response hops, succeeded \(trace.succeeded)")
        flowFixture.value = (design, source)
    }
}

// MARK: - Set-up helpers

/// Holds what a benchmark's `setup:` builds for its measured closure (the closures run one after
/// the other on the benchmark's thread, never at once).
final class Fixture<Value>: @unchecked Sendable {
    private var stored: Value?
    var value: Value {
        get { stored! }
        set { stored = newValue }
    }
}

func loadCatalog() throws -> Catalog {
    try JSONDecoder().decode(Catalog.self, from: BundledResources.catalogJSON)
}

/// Check lines go to standard error, so they show under `swift package benchmark` too.
func report(_ line: String) {
    FileHandle.standardError.write(Data("[HopsBenchmarks] \(line)\n".utf8))
}

/// Every connection must get a route, and none should fall back to a direct line. Reports how
/// long each phase of a render took (layout, scene, routing, painting).
func checkRoutes(_ design: Design, catalog: Catalog) {
    let clock = ContinuousClock()
    var rects: [String: Rect] = [:]
    var scene: Scene? = nil
    var router: Router? = nil
    let tLayout = clock.measure { rects = DesignLayout.rects(design, catalog: catalog, glyphs: .unicode) }
    let tScene = clock.measure { scene = DesignScene(design: design, catalog: catalog, rects: rects, glyphs: .unicode).scene }
    let tRoute = clock.measure { router = Router(scene: scene!) }
    let tPaint = clock.measure { blackHole(paint(scene!, routes: router!.routes, glyphs: .unicode)) }
    let routes = router!.routes
    let routed = routes.compactMap { $0 }
    let direct = routes.indices.filter { routes[$0]?.isDirect == true }
    report("render \(design.components.count): \(design.connections.count) connections, \(scene!.edges.count) edges, \(routed.count) routes, \(direct.count) direct, scene \(scene!.bounds.width)x\(scene!.bounds.height)")
    report("render \(design.components.count): layout \(seconds(tLayout)), scene \(seconds(tScene)), routing \(seconds(tRoute)), painting \(seconds(tPaint))")
    let byID = Dictionary(uniqueKeysWithValues: design.components.map { ($0.id, $0) })
    for e in direct.prefix(5) {
        // Scene edges follow the design's connections in order (all ends exist here).
        let k = design.connections[e]
        let nested = design.ancestors(of: k.to).contains(k.from) || design.ancestors(of: k.from).contains(k.to)
        report("  direct: \(k.id) \(k.kind) \(k.from) (\(byID[k.from]!.kind)) -> \(k.to) (\(byID[k.to]!.kind))\(nested ? ", one inside the other" : "")")
    }
    precondition(routed.count == scene!.edges.count, "\(scene!.edges.count - routed.count) connections got no route")
}

func seconds(_ d: Duration) -> String {
    let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    return s >= 1 ? "\(Double(Int(s * 100)) / 100) s" : "\(Double(Int(s * 100_000)) / 100) ms"
}

/// Only the painting step of a render, on a scene already routed (to time it on its own).
func paint(_ scene: Scene, routes: [Route?], glyphs: GlyphSet) -> Grid {
    var b = scene.bounds
    for r in routes { for p in r?.cells ?? [] { b = b.union(Rect(origin: p, size: Size(width: 1, height: 1))) } }
    var grid = Grid(width: b.width, height: b.height + 1, origin: Point(x: b.x, y: b.y - 1), glyphs: glyphs)
    Painter.draw(scene, routes: routes, into: &grid)
    return grid
}

/// Selects a component the way a person would: Tab walks the components in design order.
func selectByTab(_ editor: Editor, _ id: String) {
    for _ in 0..<editor.design.components.count where editor.selection != id {
        editor.handle(.key(.tab))
    }
}

// MARK: - Generated designs

/// A small linear congruential generator: the same seed gives the same design everywhere.
struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
    /// A number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
}

enum DesignGenerator {
    /// `count` components of mixed kinds (Containers inside Pods, Pods inside Deployments and
    /// StatefulSets) and about 1.5 connections per component, between existing ids, no self loops.
    static func mixed(count: Int, seed: UInt64 = 0x4f_70_73) -> Design {
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
                    "ports": .array([.object(["containerPort": .number(Double(c == 0 ? 8080 : 9901))])]),
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
                let dep = add(.deployment, "web\(a)", ["replicas": .number(Double(1 + rng.below(4))), "selector": app(a)])
                let pod = add(.pod, "web\(a)", parent: dep, ["labels": app(a)])
                containers(in: pod, a)
            case 44..<52 where left >= 3:
                let sts = add(.statefulSet, "db\(a)", ["replicas": .number(Double(1 + rng.below(3))), "selector": app(a)])
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
    static func busiestTopLevel(in design: Design) -> String {
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
    static func requestChain(count: Int, stagesPerChain: Int = 20) -> (Design, String) {
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
