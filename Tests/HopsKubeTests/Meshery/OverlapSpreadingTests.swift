import HopsCanvas
import HopsDesign
import HopsEditor
import Testing

/// Boxes placed from Kanvas' pixels overlap; spreading moves them apart. The quick way (a
/// top-level box's move shifts its own rectangles, the search goes on where it was) must give
/// what laying the whole design out after every move gives.
@Suite struct OverlapSpreadingTests {
    /// Positioned siblings whose rectangles meet with the gap kept right of and below the
    /// earlier one (2 columns, 1 row), as "a|b".
    static func overlaps(_ d: Design) -> [String] {
        let rects = DesignLayout.rects(d, catalog: KubeSupport.catalog)
        var out: [String] = []
        let placed = d.components.filter { $0.position != nil }
        for (j, b) in placed.enumerated() {
            for a in placed[..<j] where a.parent == b.parent {
                let ra = rects[a.id]!
                guard Rect(x: ra.x, y: ra.y, width: ra.width + 2, height: ra.height + 1).intersects(rects[b.id]!) else {
                    continue
                }
                out.append("\(a.id)|\(b.id)")
            }
        }
        return out
    }

    /// Top-level boxes piled on a few spots, some holding a Pod with containers that overlap too.
    static func pile(_ count: Int) -> Design {
        var comps: [Component] = []
        for i in 0..<count {
            var box = Component(id: "d\(i)", kind: .deployment, name: "app\(i)")
            box.position = Position(x: (i % 5) * 7 - 3, y: (i % 3) * 2)
            comps.append(box)
            guard i % 4 == 0 else { continue }
            var pod = Component(id: "p\(i)", kind: .pod, name: "p\(i)", parent: "d\(i)")
            pod.position = Position(x: box.position!.x + 2, y: box.position!.y + 3)
            comps.append(pod)
            for k in 0..<3 {
                var c = Component(id: "c\(i)-\(k)", kind: .container, name: "c\(k)", parent: "p\(i)")
                c.position = Position(x: pod.position!.x + 2 + k, y: pod.position!.y + 3)
                comps.append(c)
            }
        }
        return Design(name: "pile", components: comps)
    }

    @Test func theQuickWayMovesEveryBoxWhereLayingOutAfterEachMoveDoes() throws {
        var designs = [Self.pile(16)]
        for name in MesherySupport.fixtures { designs.append(try MesherySupport.load(name).0) }
        #expect(designs.count >= 4)
        for d in designs {
            let quick = OverlapSpreading.spread(d, catalog: KubeSupport.catalog)
            let exact = OverlapSpreading.spread(d, catalog: KubeSupport.catalog, exact: true)
            #expect(quick == exact, "\(d.name)")
            #expect(Self.overlaps(quick).isEmpty, "\(d.name): \(Self.overlaps(quick).prefix(5))")
        }
        // The pile did overlap, inside and out, so both ways had work to do.
        let pile = Self.pile(16)
        #expect(Self.overlaps(pile).count > 40)
        #expect(Self.overlaps(pile).contains("c0-0|c0-1"))
    }

    @Test func spreadingStopsAfterItsRoundsWithTheRestAsTheyWere() {
        let pile = Self.pile(60)
        let few = OverlapSpreading.spread(pile, catalog: KubeSupport.catalog, maxRounds: 3)
        let exact = OverlapSpreading.spread(pile, catalog: KubeSupport.catalog, maxRounds: 3, exact: true)
        #expect(few == exact)
        let moved = zip(pile.components, few.components).filter { $0.position != $1.position }.map(\.0.id)
        // Three moves of top-level boxes: each took what it holds along.
        #expect(!moved.isEmpty && moved.count <= 3 + 3 * 4)
        #expect(!Self.overlaps(few).isEmpty)
    }
}
