@testable import HopsCanvas
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

    @Test func longArrowsGoThroughACorridorAndStayUnbroken() {
        let (ds, router) = routed(Fixtures.generated(300))
        // Long edges were planned over blocks first, and most such plans held.
        #expect(router.searchesPerTier[0] > ds.scene.edges.count / 4)
        let routes = router.routes.compactMap { $0 }
        #expect(routes.count == ds.scene.edges.count)
        #expect(routes.filter(\.isDirect).isEmpty)
        #expect(crossings(ds.scene, router.routes).isEmpty)
        for r in routes {
            let steps = zip(r.travel, r.travel.dropFirst())
            #expect(steps.allSatisfy { abs($0.x - $1.x) + abs($0.y - $1.y) == 1 }, "a route jumps between cells")
        }
    }

    @Test func aLongArrowGoesAroundAWallWhoseEdgesFallBetweenBlocks() {
        // The wall's top and bottom rows sit in the middle of 4x4 blocks, which once let a
        // corridor run straight through it.
        let scene = Scene(boxes: [SceneBox(rect: Rect(x: 30, y: 0, width: 8, height: 3)),
                                  SceneBox(rect: Rect(x: 5, y: 35, width: 80, height: 4)),
                                  SceneBox(rect: Rect(x: 30, y: 80, width: 8, height: 3))],
                          edges: [SceneEdge(from: 0, to: 2)])
        let router = Router(scene: scene)
        let r = router.routes[0]!
        #expect(router.searchesPerTier[0] == 1) // planned over blocks
        #expect(router.searchesPerTier[1] == 0) // and the corridor held the route
        #expect(!r.isDirect)
        #expect(!r.cells.contains { scene.boxes[1].rect.contains($0) })
        #expect(r.cells.last == Point(x: r.targetPort.x, y: 79))
    }

    @Test func theOpenListPopsTheLowestPriorityLastInFirst() {
        var queue = BucketQueue()
        queue.reset()
        for (state, f) in [(1, 5), (2, 3), (3, 5), (4, 9), (5, 3)] { queue.push(state: Int32(state), f: Int32(f)) }
        #expect(queue.pop()! == (5, 3))
        #expect(queue.pop()! == (2, 3))
        // A priority below the lowest left (weighted A* may step down) comes out next.
        queue.push(state: 6, f: 1)
        #expect(queue.pop()! == (6, 1))
        #expect(queue.pop()! == (3, 5))
        #expect(queue.pop()! == (1, 5))
        #expect(queue.pop()! == (4, 9))
        #expect(queue.pop() == nil)
        queue.reset()
        queue.push(state: 7, f: 2)
        #expect(queue.pop()! == (7, 2))
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
