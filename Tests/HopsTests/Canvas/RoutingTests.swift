import HopsCanvas
import HopsDesign
import HopsEditor
import Testing

@Suite struct RoutingTests {
    /// Routes for a design laid out the way `hops render` lays it out.
    func routed(_ design: Design) -> (DesignScene, Router) {
        let rects = DesignLayout.rects(design, catalog: Fixtures.catalog)
        let ds = DesignScene(design: design, catalog: Fixtures.catalog, rects: rects, glyphs: .unicode)
        return (ds, Router(scene: ds.scene))
    }

    /// A route may only enter boxes that hold one of its ends, and only to cross their border.
    func crossings(_ scene: Scene, _ routes: [Route?]) -> [String] {
        var bad: [String] = []
        for (i, r) in routes.enumerated() {
            guard let r else { continue }
            let e = scene.edges[i]
            let allowed = Set(scene.ancestors(of: e.from) + scene.ancestors(of: e.to))
            for p in r.cells {
                for (b, box) in scene.boxes.enumerated() where box.rect.contains(p) && !allowed.contains(b) {
                    bad.append("edge \(i) crosses box \(b) at \(p)")
                }
            }
        }
        return bad
    }

    @Test func bundledDesignArrowsCrossNoBox() throws {
        let (ds, router) = routed(try Fixtures.bundledDesign())
        let routes = router.routes.compactMap { $0 }
        #expect(routes.count == ds.scene.edges.count)
        #expect(routes.allSatisfy { !$0.isDirect })
        #expect(crossings(ds.scene, router.routes).isEmpty)
    }

    @Test(arguments: [30, 100])
    func generatedDesignsArrowsCrossNoBoxAndNoneIsDropped(n: Int) {
        let (ds, router) = routed(Fixtures.generated(n))
        #expect(router.routes.count == ds.scene.edges.count)
        let routes = router.routes.compactMap { $0 }
        #expect(routes.count == ds.scene.edges.count)
        #expect(routes.filter(\.isDirect).isEmpty)
        #expect(crossings(ds.scene, router.routes).isEmpty)
    }

    @Test func arrowMeetsItsTargetAtTheSideFacingTheSource() {
        // a at the left, b to the right: the arrow enters b from its left side, pointing right.
        let scene = Scene(boxes: [SceneBox(rect: Rect(x: 0, y: 0, width: 6, height: 3)),
                                  SceneBox(rect: Rect(x: 20, y: 4, width: 6, height: 3)),
                                  SceneBox(rect: Rect(x: 8, y: 10, width: 6, height: 3))],
                          edges: [SceneEdge(from: 0, to: 1), SceneEdge(from: 0, to: 2)])
        let router = Router(scene: scene)
        let right = router.routes[0]!
        #expect(right.targetPort.x == 20)
        #expect(right.headDirection == .right)
        #expect(right.cells.last == Point(x: 19, y: right.targetPort.y))
        #expect(right.sourcePort.x == 5) // leaves a from its right side
        let below = router.routes[1]!
        #expect(below.targetPort.y == 10)
        #expect(below.headDirection == .down)
        #expect(below.sourcePort.y == 2) // leaves a from its bottom side
    }

    @Test func anArrowGoesAroundABoxInTheWay() {
        let scene = Scene(boxes: [SceneBox(rect: Rect(x: 0, y: 4, width: 6, height: 3)),
                                  SceneBox(rect: Rect(x: 12, y: 0, width: 4, height: 11)),
                                  SceneBox(rect: Rect(x: 24, y: 4, width: 6, height: 3))],
                          edges: [SceneEdge(from: 0, to: 2)])
        let router = Router(scene: scene)
        let r = router.routes[0]!
        #expect(!r.isDirect)
        #expect(!r.cells.contains { scene.boxes[1].rect.contains($0) })
        #expect(r.cells.last == Point(x: 23, y: r.targetPort.y))
    }

    @Test func movingABoxReroutesOnlyWhatItTouches() {
        let design = Fixtures.generated(120)
        let (ds, router) = routed(design)
        let before = router.routes
        let box = ds.scene.edges[0].from
        let moved = ds.scene.boxes[box].rect.offsetBy(dx: 0, dy: 1)
        let changed = router.move([box: moved])
        #expect(!changed.isEmpty)
        #expect(changed.count < ds.scene.edges.count / 2)
        for i in ds.scene.edges.indices where !changed.contains(i) { #expect(router.routes[i] == before[i]) }
        #expect(crossings(router.scene, router.routes).isEmpty)
    }
}
