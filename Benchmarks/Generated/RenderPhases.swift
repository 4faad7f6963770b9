import HopsCanvas
import HopsDesign
import HopsEditor

/// One render taken apart into its phases, each timed: what the benchmarks report next to their
/// numbers and what the probe prints, so that both say where the time goes the same way.
public struct RenderPhases {
    public let scene: Scene
    public let router: Router
    public let grid: Grid
    public let layout: Duration
    public let sceneBuild: Duration
    public let routing: Duration
    public let painting: Duration

    public init(_ design: Design, catalog: Catalog, glyphs: GlyphSet = .unicode) {
        let clock = ContinuousClock()
        var rects: [String: Rect] = [:]
        var scene = Scene()
        var router: Router? = nil
        var grid: Grid? = nil
        layout = clock.measure { rects = DesignLayout.rects(design, catalog: catalog, glyphs: glyphs) }
        sceneBuild = clock.measure { scene = DesignScene(design: design, catalog: catalog, rects: rects, glyphs: glyphs).scene }
        routing = clock.measure { router = Router(scene: scene) }
        painting = clock.measure {
            let b = DesignRenderer.drawnBounds(scene, routes: router!.routes)
            var g = Grid(width: b.width, height: b.height, origin: b.origin, glyphs: glyphs)
            Painter.draw(scene, routes: router!.routes, into: &g)
            grid = g
        }
        self.scene = scene
        self.router = router!
        self.grid = grid!
    }

    /// "layout 4.5 ms, scene 2.1 ms, routing 120 ms, painting 21 ms".
    public var summary: String {
        "layout \(RenderPhases.text(layout)), scene \(RenderPhases.text(sceneBuild)), routing \(RenderPhases.text(routing)), painting \(RenderPhases.text(painting))"
    }

    public static func text(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return s >= 1 ? "\(Double(Int(s * 100)) / 100) s" : "\(Double(Int(s * 100_000)) / 100) ms"
    }
}
