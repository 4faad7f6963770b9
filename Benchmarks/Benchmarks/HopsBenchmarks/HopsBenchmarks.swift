import Benchmark
import Foundation
import Generated
import HopsCanvas
import HopsDesign
import HopsEditor
import HopsFlow
import HopsKube
import HopsResources
import HopsInput

// Hops's performance benchmarks: drawing a whole design, one move in the editor, and one traced
// request. Designs are generated from a fixed seed, so every run measures the same work.
// Set-up and correctness checks run in `setup:` hooks, outside the measured region.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        maxDuration: .seconds(5),
        maxIterations: 50
    )

    // 10,000 is issue 13's size: the mixed generator's random links make it the hardest case
    // (Benchmarks/README.md; `scale-table.sh` has the flat and imported designs of that size).
    for n in [10, 100, 1000, 10_000] {
        let fixture = Fixture<(Design, Catalog)>()
        // Big renders: no warm-up run, and at 10,000 (seconds each) a few samples.
        var config = Benchmark.defaultConfiguration
        if n >= 1000 { config.warmupIterations = 0 }
        if n >= 10_000 { config.maxDuration = .seconds(20); config.maxIterations = 5 }
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

    // A move and a frame in an editor of 200x60 with the busiest top-level component selected.
    // Targets: at 1,000 a move under 2 ms; at 10,000 a move under 5 ms and a frame under 3 ms.
    var moveConfig = Benchmark.defaultConfiguration
    moveConfig.maxDuration = .seconds(30)
    moveConfig.maxIterations = 200
    for n in [1000, 10_000] {
        let editorFixture = Fixture<(editor: Editor, moves: Int)>()
        Benchmark("move one box in \(n) components", configuration: moveConfig) { benchmark in
            let editor = editorFixture.value.editor
            // Alternate right and left so the box stays where it was.
            let key: Character = editorFixture.value.moves % 2 == 0 ? "L" : "H"
            editorFixture.value.moves += 1
            benchmark.startMeasurement()
            editor.handle(.key(.char(key)))
            blackHole(editor.draw())
        } setup: {
            let start = ContinuousClock.now
            let editor = try editorWithBusiestSelected(n)
            report("move: editor ready in \(RenderPhases.text(ContinuousClock.now - start)) among \(n) components")
            // Where one move's time goes: the key (re-routing) and the frame (painting).
            for key: Character in ["L", "H"] {
                let clock = ContinuousClock()
                let handled = clock.measure { editor.handle(.key(.char(key))) }
                let drawn = clock.measure { _ = editor.draw() }
                report("move: \(key) handled in \(RenderPhases.text(handled)), "
                    + "frame drawn in \(RenderPhases.text(drawn))")
            }
            editorFixture.value = (editor, 0)
        }

        // The frame alone: what every key and tick costs on top of its own work.
        let frameFixture = Fixture<Editor>()
        Benchmark("draw one frame of \(n) components", configuration: moveConfig) { benchmark in
            let editor = frameFixture.value
            benchmark.startMeasurement()
            blackHole(editor.draw())
        } setup: {
            frameFixture.value = try editorWithBusiestSelected(n)
        }
    }

    // Kubernetes manifests: 500 apps of 4 objects (Deployment, Service, ConfigMap, Secret).
    // Import is YAML reading, objects to components, inference and the reading order; the
    // render lays the imported design out, routes and paints it. Targets: under 1 s each.
    let manifest = Fixture<Data>()
    var importConfig = Benchmark.defaultConfiguration
    importConfig.maxIterations = 10
    Benchmark("import a 2000-object manifest", configuration: importConfig) { benchmark in
        let data = manifest.value
        benchmark.startMeasurement()
        blackHole(try KubeImport.design(named: "generated", from: [("generated.yaml", data)]))
    } setup: {
        manifest.value = Data(ManifestGenerator.apps(500).utf8)
        let (design, warnings) = try KubeImport.design(named: "generated", from: [("generated.yaml", manifest.value)])
        report("import: \(design.components.count) components, \(design.connections.count) connections, "
            + "\(warnings.count) warnings")
    }
    let imported = Fixture<(Design, Catalog)>()
    Benchmark("render an imported 2000-object manifest", configuration: importConfig) { benchmark in
        let (design, catalog) = imported.value
        benchmark.startMeasurement()
        blackHole(DesignRenderer.render(design, catalog: catalog, glyphs: .unicode))
    } setup: {
        let data = Data(ManifestGenerator.apps(500).utf8)
        let design = try KubeImport.design(named: "generated", from: [("generated.yaml", data)]).0
        imported.value = (design, try loadCatalog())
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
        report("trace: \(design.components.count) components, \(design.connections.count) connections, "
            + "\(trace.requestHops.count) request hops, \(trace.responseHops.count) response hops, "
            + "succeeded \(trace.succeeded)")
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
    let phases = RenderPhases(design, catalog: catalog)
    let scene = phases.scene
    let routes = phases.router.routes
    let routed = routes.compactMap { $0 }
    let direct = routes.indices.filter { routes[$0]?.isDirect == true }
    report("render \(design.components.count): \(design.connections.count) connections, \(scene.edges.count) edges, "
        + "\(routed.count) routes, \(direct.count) direct, scene \(scene.bounds.width)x\(scene.bounds.height)")
    report("render \(design.components.count): \(phases.summary)")
    let byID = Dictionary(uniqueKeysWithValues: design.components.map { ($0.id, $0) })
    for e in direct.prefix(5) {
        // Scene edges follow the design's connections in order (all ends exist here).
        let k = design.connections[e]
        let nested = design.ancestors(of: k.to).contains(k.from) || design.ancestors(of: k.from).contains(k.to)
        report("  direct: \(k.id) \(k.kind) \(k.from) (\(byID[k.from]!.kind)) -> \(k.to) (\(byID[k.to]!.kind))"
            + (nested ? ", one inside the other" : ""))
    }
    precondition(routed.count == scene.edges.count, "\(scene.edges.count - routed.count) connections got no route")
}


/// An editor of 200x60 on the mixed design of `n` components, every line routed (a big design
/// routes the lines out of view tick by tick: the ticks run here, untimed), with the busiest
/// top-level component selected and one frame drawn.
func editorWithBusiestSelected(_ n: Int) throws -> Editor {
    let editor = Editor(design: DesignGenerator.mixed(count: n), catalog: try loadCatalog(), path: nil,
                        glyphs: .unicode, screen: Size(width: 200, height: 60))
    while editor.isRouting { _ = editor.handle(.tick(milliseconds: 33)) }
    let target = DesignGenerator.busiestTopLevel(in: editor.design)
    selectByTab(editor, target)
    precondition(editor.selection == target, "could not select \(target)")
    let links = editor.design.connections.filter { $0.from == target || $0.to == target }.count
    report("editor \(n): selected \(target) (\(editor.design.component(target)!.kind), \(links) connections)")
    _ = editor.draw()
    return editor
}

/// Selects a component the way a person would: Tab walks the components in design order.
func selectByTab(_ editor: Editor, _ id: String) {
    for _ in 0..<editor.design.components.count where editor.selection != id {
        editor.handle(.key(.tab))
    }
}
