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
            for (b, box) in scene.boxes.enumerated() where !allowed.contains(b) && r.crosses(box.rect) {
                bad.append("edge \(i) crosses box \(b) at \(r.cells.first { box.rect.contains($0) }!)")
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
        // The effort stays near the length drawn: no search re-expands its states over and over
        // (one corridor search once took 4 million expansions for a 400-cell line).
        let drawn = routes.reduce(0) { $0 + $1.cells.count }
        #expect(router.expansions < 4 * drawn, "\(router.expansions) expansions for \(drawn) cells")
        // Lines in corridors run straight where they can instead of stair-stepping: with turns as
        // cheap as in the open, they bent about 10 times per line here; now about 5.
        let bends = routes.reduce(0) { $0 + max(0, $1.vertices.count - 2) }
        #expect(bends < 7 * routes.count, "\(bends) bends in \(routes.count) lines")
    }

    /// Routes one edge from box 0 to box 2 past box 1 (in the way), and checks it goes around.
    func routedAround(_ from: Rect, _ obstacle: Rect, _ to: Rect) -> (Router, Route) {
        let scene = Scene(boxes: [SceneBox(rect: from), SceneBox(rect: obstacle), SceneBox(rect: to)],
                          edges: [SceneEdge(from: 0, to: 2)])
        let router = Router(scene: scene)
        let r = router.routes[0]!
        #expect(!r.isDirect)
        #expect(!r.cells.contains { obstacle.contains($0) })
        return (router, r)
    }

    @Test func aLongArrowGoesAroundAWallWhoseEdgesFallBetweenBlocks() {
        // The wall's top and bottom rows sit in the middle of 4x4 blocks, which once let a
        // corridor run straight through it.
        let (router, r) = routedAround(Rect(x: 30, y: 0, width: 8, height: 3), Rect(x: 5, y: 35, width: 80, height: 4),
                                       Rect(x: 30, y: 80, width: 8, height: 3))
        #expect(router.searchesPerTier[0] == 1) // planned over blocks
        #expect(router.searchesPerTier[1] == 0) // and the corridor held the route
        #expect(r.cells.last == Point(x: r.targetPort.x, y: 79))
    }

    @Test func linesInsideABoxPassBesideItsTextNeverAcrossIt() {
        // A Service above a Deployment reaches the Pod inside it: the line crosses the
        // Deployment's border and goes down to the Pod, around the Deployment's title and lines.
        let scene = Scene(boxes: [SceneBox(rect: Rect(x: 10, y: 0, width: 12, height: 3), title: "svc"),
                                  SceneBox(rect: Rect(x: 0, y: 8, width: 40, height: 14),
                                           title: "a-long-deployment-name",
                                           lines: ["3 replicas", "app=web"]),
                                  SceneBox(rect: Rect(x: 4, y: 15, width: 12, height: 4), parent: 1, title: "pod")],
                          edges: [SceneEdge(from: 0, to: 2)])
        let router = Router(scene: scene)
        let r = router.routes[0]!
        #expect(!r.isDirect)
        let text = (0..<3).map { k in Rect(x: 2, y: 9 + k, width: [22, 10, 7][k], height: 1) }
        #expect(!r.cells.contains { p in text.contains { $0.contains(p) } })
        #expect(r.cells.last!.y == 14) // into the Pod from above
    }

    @Test func aBigDesignRoutedInBatchesOnTwoCoresIsTheSameEveryTimeAndClean() {
        // Above Router.batchAbove lines, two threads plan each batch and take lines as they
        // come free: which thread planned what differs from run to run, the drawing must not.
        let design = Fixtures.generated(700)
        let (ds, first) = routed(design)
        #expect(ds.scene.edges.count > Router.batchAbove)
        let (_, second) = routed(design)
        #expect(first.routes.map { $0?.cells } == second.routes.map { $0?.cells })
        #expect(first.routes.allSatisfy { $0 != nil && !$0!.isDirect })
        #expect(crossings(ds.scene, first.routes).isEmpty)
        // The busiest box nudged right and back, as `L` and `H` do (far enough moves would
        // make it overlap its neighbours): the lines it routes whole go in a batch too.
        let busiest = ds.scene.boxes.indices.filter { ds.scene.boxes[$0].parent == nil }
            .max { first.incident[$0].count < first.incident[$1].count }!
        let steps = 2 * Router.patchLimit + 2
        for step in 0..<steps {
            let rect = first.scene.boxes[busiest].rect.offsetBy(dx: step % 2 == 0 ? 1 : -1, dy: 0)
            first.move([busiest: rect])
            second.move([busiest: rect])
        }
        // After patchLimit patches a line is routed whole again: some moves did that.
        #expect(first.incident[busiest].count > 1)
        #expect(first.patchedRoutes < steps * first.incident[busiest].count)
        #expect(first.routes.map { $0?.cells } == second.routes.map { $0?.cells })
        #expect(first.routes.allSatisfy { $0 != nil && !$0!.isDirect })
        #expect(crossings(first.scene, first.routes).isEmpty)
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
        let (_, r) = routedAround(Rect(x: 0, y: 4, width: 6, height: 3), Rect(x: 12, y: 0, width: 4, height: 11),
                                  Rect(x: 24, y: 4, width: 6, height: 3))
        #expect(r.cells.last == Point(x: 23, y: r.targetPort.y))
    }

    @Test func nudgingABoxManyTimesKeepsEveryLineWholeAndClearOfBoxes() {
        let design = Fixtures.generated(200)
        let (ds, router) = routed(design)
        // The box with the most edges, nudged along a fixed walk (some steps patch the ends of
        // its lines, every few re-route them whole).
        var degree = Array(repeating: 0, count: ds.scene.boxes.count)
        for e in ds.scene.edges { degree[e.from] += 1; degree[e.to] += 1 }
        let box = degree.indices.filter { ds.scene.boxes[$0].parent == nil }.max { degree[$0] < degree[$1] }!
        let walk = [(1, 0), (0, 1), (-1, 0), (0, -1), (-1, 0), (1, 0), (0, -1), (0, 1)]
        for (dx, dy) in walk + walk + walk {
            router.move([box: router.scene.boxes[box].rect.offsetBy(dx: dx, dy: dy)])
            // A box moved against another leaves no clean way in: those lines are drawn direct.
            let moved = router.scene.boxes[box].rect
            let touching = router.scene.boxes.indices.contains {
                $0 != box && router.scene.boxes[$0].rect.insetBy(-1).intersects(moved)
            }
            let clean = router.routes.map { $0?.isDirect == true ? nil : $0 }
            if !touching { #expect(clean == router.routes, "a line fell back to a direct one") }
            #expect(crossings(router.scene, clean).isEmpty)
            for r in router.routes.compactMap({ $0 }) {
                let steps = zip(r.travel, r.travel.dropFirst())
                #expect(steps.allSatisfy { abs($0.x - $1.x) + abs($0.y - $1.y) == 1 })
            }
        }
        #expect(router.patchedRoutes > 0)
        // Every line of the moved box still meets it.
        for (i, e) in router.scene.edges.enumerated() where e.from == box || e.to == box {
            let r = router.routes[i]!
            let rect = router.scene.boxes[box].rect
            let port = e.from == box ? r.sourcePort : r.targetPort
            #expect(port.x == rect.x || port.x == rect.maxX || port.y == rect.y || port.y == rect.maxY)
            #expect(rect.contains(port))
        }
    }

    @Test func pendingLinesGoInBatchesOnTwoCoresTheSameEveryTimeAndClean() {
        // After the first line of a call, the pending lines are planned 64 at a time on both
        // cores: one call with a big budget routes far more than one batch, and the result
        // depends on neither the threads nor the run.
        let design = Fixtures.generated(300)
        let rects = DesignLayout.rects(design, catalog: Fixtures.catalog)
        let ds = DesignScene(design: design, catalog: Fixtures.catalog, rects: rects, glyphs: .unicode)
        let area = Rect(origin: ds.scene.bounds.origin, size: Size(width: 80, height: 24))
        func routedLater() -> (Router, [Int]) {
            let router = Router(scene: ds.scene, first: area)
            return (router, router.routePending(expansions: .max))
        }
        let (a, done) = routedLater(), (b, _) = routedLater()
        #expect(done.count > 1 + Router.batchSize)
        #expect(a.isComplete)
        #expect(a.routes.map { $0?.cells } == b.routes.map { $0?.cells })
        #expect(a.routes.allSatisfy { $0?.isDirect != true })
        #expect(crossings(ds.scene, a.routes).isEmpty)
    }

    @Test func linesFarFromTheFirstAreaWaitAndAreRoutedCleanLaterEvenAfterAMove() {
        let design = Fixtures.generated(300)
        let rects = DesignLayout.rects(design, catalog: Fixtures.catalog)
        let ds = DesignScene(design: design, catalog: Fixtures.catalog, rects: rects, glyphs: .unicode)
        let area = Rect(origin: ds.scene.bounds.origin, size: Size(width: 80, height: 24))
        let router = Router(scene: ds.scene, first: area)
        let total = ds.scene.edges.filter { $0.from != $0.to }.count
        let routedFirst = router.routes.compactMap { $0 }
        // Only the lines whose ends are near the area are routed: some, not all.
        #expect(!routedFirst.isEmpty && router.pendingCount > 0)
        #expect(routedFirst.count + router.pendingCount == total)
        for (i, e) in ds.scene.edges.enumerated() where router.routes[i] != nil {
            let ends = ds.scene.boxes[e.from].rect.union(ds.scene.boxes[e.to].rect)
            #expect(ends.intersects(area.insetBy(-Router.margin)))
        }
        // A move while lines wait: a pending line of the moved box is routed from where it is now.
        func waits(_ i: Int) -> Bool { router.routes[i] == nil && ds.scene.edges[i].from != ds.scene.edges[i].to }
        func endsBox(_ i: Int) -> Rect {
            ds.scene.boxes[ds.scene.edges[i].from].rect.union(ds.scene.boxes[ds.scene.edges[i].to].rect)
        }
        let e = ds.scene.edges.indices.first(where: waits)!
        let box = ds.scene.edges[e].from
        let moved = ds.scene.boxes[box].rect.offsetBy(dx: 0, dy: 1)
        router.move([box: moved])
        // Where the view goes, its lines come next: ask for the lines near one that waits.
        let waiting = ds.scene.edges.indices.last(where: waits)!
        let there = endsBox(waiting)
        let next = router.routePending(expansions: 1, near: there)
        #expect(next.count == 1)
        let ends = endsBox(next[0])
        #expect(ends.intersects(there.insetBy(-Router.margin)))
        var steps = 0
        while !router.isComplete {
            let done = router.routePending(expansions: 2_000)
            #expect(!done.isEmpty) // every step makes progress
            steps += 1
        }
        #expect(steps > 1)
        #expect(router.routes.compactMap { $0 }.count == total)
        #expect(router.routes.allSatisfy { $0?.isDirect != true })
        #expect(crossings(router.scene, router.routes).isEmpty)
        let r = router.routes[e]!
        #expect(moved.contains(r.sourcePort) && !moved.insetBy(1).contains(r.sourcePort))
        // A move out of the mapped area rebuilds the router: it defers the far lines again
        // instead of routing all of them in that one key.
        let far = moved.offsetBy(dx: 0, dy: -(ds.scene.bounds.height + 40))
        router.move([box: far])
        #expect(!router.isComplete)
        while !router.isComplete { router.routePending(expansions: 50_000) }
        #expect(router.routes.compactMap { $0 }.count == total)
        #expect(crossings(router.scene, router.routes).isEmpty)
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

@Suite struct RouteStretchTests {
    /// A route with stretches in all four directions.
    let route = Route(cells: [Point(x: 1, y: 0), Point(x: 2, y: 0), Point(x: 3, y: 0),
                              Point(x: 3, y: 1), Point(x: 3, y: 2),
                              Point(x: 2, y: 2), Point(x: 1, y: 2), Point(x: 1, y: 3), Point(x: 1, y: 4)],
                      sourcePort: Point(x: 0, y: 0), targetPort: Point(x: 1, y: 5),
                      startDirection: .right, headDirection: .down)

    @Test(arguments: [Rect(x: 0, y: 0, width: 9, height: 9), Rect(x: 2, y: 0, width: 1, height: 9),
                      Rect(x: 1, y: 1, width: 3, height: 2), Rect(x: 3, y: 2, width: 1, height: 1),
                      Rect(x: 5, y: 5, width: 2, height: 2), Rect(x: 0, y: 3, width: 2, height: 1)])
    func drawingAWindowVisitsExactlyTheCellsInsideIt(area: Rect) {
        var all: [(Point, UInt8)] = []
        route.forEachMask(within: nil) { all.append(($0, $1)) }
        var clipped: [(Point, UInt8)] = []
        route.forEachMask(within: area) { clipped.append(($0, $1)) }
        let expected = all.filter { area.contains($0.0) }
        #expect(clipped.map(\.0) == expected.map(\.0))
        #expect(clipped.map(\.1) == expected.map(\.1))
        #expect(route.crosses(area) == route.cells.contains { area.contains($0) })
    }
}

@Suite struct PatchTests {
    @Test func aNewStretchThatFoldsBackOverTheKeptLineIsRefused() {
        let near = Rect(x: 0, y: 0, width: 10, height: 10)
        let kept: [Point] = [Point(x: 12, y: 5), Point(x: 13, y: 5), Point(x: 14, y: 5)]
        // Ends at the joint (12,5) after passing (13,5), a cell of the kept part.
        let folding: [Point] = [Point(x: 9, y: 4), Point(x: 10, y: 4), Point(x: 11, y: 4), Point(x: 12, y: 4),
                                Point(x: 13, y: 4),
                                Point(x: 13, y: 5), Point(x: 12, y: 5)]
        #expect(Router.overlaps(folding.dropLast()[...], kept[...], outside: near))
        let clean: [Point] = [Point(x: 9, y: 5), Point(x: 10, y: 5), Point(x: 11, y: 5), Point(x: 12, y: 5)]
        #expect(!Router.overlaps(clean.dropLast()[...], kept[...], outside: near))
    }

    @Test func aLineThatDoublesBackCountsAsTurningThere() {
        // Not made by the router, but a route must still clip and test stretches correctly.
        let r = Route(cells: [Point(x: 1, y: 0), Point(x: 2, y: 0), Point(x: 3, y: 0),
                              Point(x: 2, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1)],
                      sourcePort: Point(x: 0, y: 0), targetPort: Point(x: 1, y: 2),
                      startDirection: .right, headDirection: .down)
        #expect(r.crosses(Rect(x: 3, y: 0, width: 1, height: 1)))
        var seen: [Point] = []
        r.forEachMask(within: Rect(x: 1, y: 0, width: 2, height: 1)) { p, _ in seen.append(p) }
        #expect(seen == [Point(x: 1, y: 0), Point(x: 2, y: 0), Point(x: 2, y: 0), Point(x: 1, y: 0)])
    }
}
