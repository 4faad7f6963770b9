@testable import HopsCanvas
import HopsDesign
import HopsEditor
import Testing

/// The pieces routing is made of, each against a plain reference: a route's crossing test, the
/// obstacle map's marks, the budgeted search's table and the open list.
@Suite struct SearchAndMapTests {
    @Test func aRouteCrossesAnAreaExactlyWhenOneOfItsCellsIsInIt() {
        // crosses() rejects by bands of rows and tests stretches as intervals: it must agree with
        // looking at every cell, for lines far taller than the 64 bands and areas anywhere.
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<200 {
            var p = Point(x: next(300), y: next(9000)), cells = [p]
            for k in 0..<(1 + next(5)) {
                let length = 1 + next(k % 2 == 0 ? 200 : 3000), sign = next(2) == 0 ? 1 : -1
                for _ in 0..<length {
                    if k % 2 == 0 { p.x += sign } else { p.y += sign }
                    cells.append(p)
                }
            }
            let route = Route(cells: cells, sourcePort: Point(x: cells[0].x - 1, y: cells[0].y),
                              targetPort: Point(x: p.x + 1, y: p.y), startDirection: .right, headDirection: .right)
            for _ in 0..<20 {
                let area = Rect(x: next(400) - 50, y: next(10_000) - 500, width: 1 + next(80), height: 1 + next(70))
                #expect(route.crosses(area) == cells.contains { area.contains($0) })
            }
        }
    }

    @Test func tilesFindEveryLineNearAnAreaAndTheFrameIsTheSame() {
        // A frame draws the lines the router's tiles find near its window: each line with a cell
        // there must be among them, before and after moves re-route some (the router keeps its
        // tiles up to date), and the drawing unchanged.
        let (ds, router) = RoutingTests().routed(Fixtures.generated(150))
        let tiles = router.tiles
        let b = Router.area(of: ds.scene)
        var seed: UInt64 = 3
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        func check() {
            for _ in 0..<40 {
                let area = Rect(x: b.x + next(b.width), y: b.y + next(b.height), width: 1 + next(120),
                                height: 1 + next(50))
                let found = tiles.near(area)
                #expect(found == Array(Set(found)).sorted())
                let crossing = router.routes.indices.filter { router.routes[$0]?.crosses(area) == true }
                #expect(Set(crossing).isSubset(of: found), "\(area)")
                var with = Grid(width: area.width, height: area.height, origin: area.origin, glyphs: .unicode)
                var without = with
                Painter.draw(ds.scene, routes: router.routes, into: &with, tiles: tiles)
                Painter.draw(ds.scene, routes: router.routes, into: &without)
                #expect(with.cells == without.cells)
            }
        }
        check()
        for k in 0..<6 {
            let i = next(ds.scene.boxes.count)
            guard ds.scene.boxes[i].parent == nil else { continue }
            let r = router.scene.boxes[i].rect
            router.move([i: Rect(x: r.x + 3 * (k % 2 == 0 ? 1 : -1), y: r.y + 1, width: r.width, height: r.height)])
        }
        check()
        // Many more moves, so that tiles' lists drop the entries of lines routed again.
        for k in 0..<60 {
            let i = next(ds.scene.boxes.count)
            guard ds.scene.boxes[i].parent == nil else { continue }
            let r = router.scene.boxes[i].rect
            router.move([i: Rect(x: r.x + (k % 2 == 0 ? 1 : -1), y: r.y, width: r.width, height: r.height)])
        }
        check()
        #expect(router.routes.compactMap { $0 }.count > 100)
    }

    @Test func linesMarkedInBandsOfRowsLeaveTheMapAsMarkingThemOneByOne() {
        // A big design's batches are marked on two threads, each in its own rows; the counts
        // and flags must be those of marking line after line, and unmarking must undo them.
        let (ds, router) = RoutingTests().routed(Fixtures.generated(150))
        let routes = router.routes.compactMap { $0 }
        #expect(routes.count > 100)
        let bounds = router.map.bounds
        let fresh = ObstacleMap(scene: ds.scene, bounds: bounds)
        var serial = fresh
        for r in routes { serial.mark(r) }
        #expect(serial.flags != fresh.flags)
        for threads in [2, 3] {
            var banded = fresh
            banded.mark(routes, threads: threads)
            #expect(banded.hUse == serial.hUse && banded.vUse == serial.vUse)
            #expect(banded.reserved == serial.reserved && banded.flags == serial.flags)
        }
        // The router's own map is the same (it routed them in order, one by one or in batches).
        #expect(router.map.flags == serial.flags)
        for r in routes { serial.unmark(r) }
        #expect(serial.flags == fresh.flags && serial.hUse.allSatisfy { $0 == 0 } && serial.reserved == fresh.reserved)
    }

    @Test func aSearchOnABudgetFindsTheSamePathAsOneWithout() {
        // A search on a budget below PathSearch.sparseBudget keeps its states in a small hash
        // table, one on a larger budget in a word per state of its window: the two must explore
        // alike (both are weighted as budgeted searches are). A wall with a gap makes the path
        // turn three times.
        let scene = Scene(boxes: [SceneBox(rect: Rect(x: 0, y: 0, width: 6, height: 3)),
                                  SceneBox(rect: Rect(x: 0, y: 20, width: 50, height: 3)),
                                  SceneBox(rect: Rect(x: 54, y: 20, width: 30, height: 3)),
                                  SceneBox(rect: Rect(x: 70, y: 40, width: 6, height: 3))],
                          edges: [SceneEdge(from: 0, to: 3)])
        let bounds = Router.area(of: scene)
        let map = ObstacleMap(scene: scene, bounds: bounds)
        let rule = Passage(scene: scene, from: 0, to: 3)
        func find(_ search: inout PathSearch, budget: Int) -> FoundPath? {
            search.find(map: map, rule: rule, window: bounds, start: Point(x: 3, y: 3), startDir: .down,
                        goal: Point(x: 72, y: 39), headDir: .down, budget: budget)
        }
        var sparse = PathSearch(), dense = PathSearch()
        let a = find(&sparse, budget: PathSearch.sparseBudget - 1), b = find(&dense, budget: PathSearch.sparseBudget)
        #expect(a != nil && a?.vertices == b?.vertices && a?.count == b?.count)
        #expect((b?.vertices.count ?? 0) >= 4)
        #expect(sparse.expansions == dense.expansions)
        // Many searches in a row reuse the table (each starts empty without clearing it) and
        // outlast the stamps' wrap, and still agree.
        for _ in 0..<(Int(PathSearch.stampLimit) + 10) { _ = find(&sparse, budget: 200) }
        #expect(find(&sparse, budget: 1 << 19)?.vertices == b?.vertices)
        #expect(find(&dense, budget: PathSearch.sparseBudget)?.vertices == b?.vertices)
    }

    @Test func theOpenListPopsTheLowestPriorityLastInFirst() {
        let queue = BucketQueue()
        queue.reset()
        // Each entry carries a word of its own back out (a lazy search's cost and way back).
        func push(_ state: Int, _ f: Int) { queue.push(state: Int32(state), f: Int32(f), carried: UInt32(state * 10)) }
        func pop() -> [Int]? { queue.pop().map { [Int($0.state), Int($0.f), Int($0.carried)] } }
        for (state, f) in [(1, 5), (2, 3), (3, 5), (4, 9), (5, 3)] { push(state, f) }
        #expect(pop() == [5, 3, 50])
        #expect(pop() == [2, 3, 20])
        // A priority below the lowest left (weighted A* may step down) comes out next.
        push(6, 1)
        #expect(pop() == [6, 1, 60])
        #expect(pop() == [3, 5, 30])
        #expect(pop() == [1, 5, 10])
        #expect(pop() == [4, 9, 40])
        #expect(pop() == nil)
        queue.reset()
        push(7, 2)
        #expect(pop() == [7, 2, 70])
    }
}
