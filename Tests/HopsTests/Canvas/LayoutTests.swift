import HopsCanvas
import HopsDesign
import HopsEditor
import Testing

@Suite struct LayoutTests {
    @Test func childrenSitInsideTheirParentAndSiblingsDoNotOverlap() {
        let design = Fixtures.generated(200)
        let rects = DesignLayout.rects(design, catalog: Fixtures.catalog)
        for c in design.components {
            let r = rects[c.id]!
            if let p = c.parent { #expect(rects[p]!.insetBy(1).contains(r)) }
            for o in design.components where o.id < c.id && o.parent == c.parent {
                #expect(!rects[o.id]!.intersects(r), "\(o.id) overlaps \(c.id)")
            }
        }
    }

    @Test func savedPositionsAreKept() throws {
        var design = try Fixtures.bundledDesign()
        design.components[0].position = Position(x: 40, y: 30)
        let rects = DesignLayout.rects(design, catalog: Fixtures.catalog)
        #expect(rects[design.components[0].id]!.origin == Point(x: 40, y: 30))
    }

    @Test func widthLimitSwitchesToTopToBottomWhenNeeded() throws {
        let design = try Fixtures.bundledDesign()
        let wide = DesignRenderer.render(design, catalog: Fixtures.catalog)
        let narrow = DesignRenderer.render(design, catalog: Fixtures.catalog, maxWidth: 60)
        #expect(wide.width > 60)
        #expect(narrow.width <= 60)
    }
}

/// The map of a whole canvas (Overview): scaled boxes, names, lines, linear in what it draws.
@Suite struct OverviewMapTests {
    func scene() -> Scene {
        Scene(boxes: [SceneBox(rect: Rect(x: 0, y: 0, width: 20, height: 6), tag: "svc", title: "frontend"),
                      SceneBox(rect: Rect(x: 40, y: 0, width: 20, height: 8), tag: "pod", title: "backend"),
                      SceneBox(rect: Rect(x: 42, y: 4, width: 8, height: 3), parent: 1, tag: "ctr", title: "app"),
                      SceneBox(rect: Rect(x: 0, y: 15, width: 8, height: 3), tag: "cm", title: "settings")],
              edges: [SceneEdge(from: 0, to: 1)])
    }

    @Test func halfTheSizeEachWay() {
        let s = scene()
        let routes = Router(scene: s).routes
        let map = Overview(content: s.drawnBounds(routes: routes), area: Size(width: 30, height: 9))
        #expect(map.isReduced)
        var grid = Grid(width: 30, height: 9)
        map.draw(s, routes: routes, order: Painter.paintOrder(s), into: &grid)
        #expect(grid.text == """
        ┌────────┐          ┌────────┐
        │frontend├──────────┤backend │
        └────────┘          │■app    │
                            └────────┘



        ■settings

        """) // (the last row of the map is empty)
        #expect(map.map(Point(x: 40, y: 0)) == Point(x: 20, y: 0))
        #expect(map.unmap(Point(x: 20, y: 0)) == Point(x: 41, y: 1))
    }

    @Test func aDesignThatFitsIsNotReduced() {
        #expect(!Overview(content: Rect(x: 0, y: 0, width: 30, height: 9), area: Size(width: 30, height: 9)).isReduced)
    }

    /// A Namespace holding five Services beside 40 top-level ones far apart, mapped into every
    /// area from 20 x 5 to 200 x 60: scaled, a child can land below its parent's inside while overlapping
    /// it across (the map at 200 x 60 crashed on an empty clipped rectangle). Every map draws,
    /// within its area, and the Namespace's outline or mark is on it.
    @Test func childrenScaledPastTheirParentsInsideAreLeftOut() {
        var boxes = [SceneBox(rect: Rect(x: 0, y: 0, width: 30, height: 26), tag: "ns", title: "team")]
        for i in 0..<5 {
            boxes.append(SceneBox(rect: Rect(x: 2, y: 2 + i * 5, width: 26, height: 4), parent: 0, tag: "svc",
                                  title: "inner-\(i)"))
        }
        for i in 0..<40 {
            boxes.append(SceneBox(rect: Rect(x: 34 + (i % 8) * 35, y: (i / 8) * 36, width: 12, height: 4),
                                  tag: "svc", title: "out-\(i)"))
        }
        let s = Scene(boxes: boxes)
        let order = Painter.paintOrder(s)
        for width in stride(from: 20, through: 200, by: 3) {
            for height in stride(from: 5, through: 60, by: 1) {
                let map = Overview(content: s.bounds, area: Size(width: width, height: height))
                var grid = Grid(width: width, height: height)
                map.draw(s, routes: [], order: order, into: &grid)
                #expect(grid.width == width && grid.height == height)
                let corner = map.map(boxes[0].rect).origin
                #expect(grid.cell(at: corner).map { $0.ch != " " } == true, "\(width)x\(height)")
            }
        }
    }

    /// Ten thousand boxes on a 100 x 30 map: every cell a box scales to shows something (its
    /// outline or mark, or a neighbour's), nothing is drawn outside the map, and it takes one
    /// pass over the boxes (the time is printed; `Benchmarks` has no overview case yet).
    @Test func tenThousandBoxes() {
        var boxes: [SceneBox] = []
        for i in 0..<10_000 {
            let r = Rect(x: (i % 100) * 14, y: (i / 100) * 6, width: 10, height: 4)
            boxes.append(SceneBox(rect: r, tag: "svc", title: "svc-\(i)"))
        }
        let s = Scene(boxes: boxes)
        let map = Overview(content: s.bounds, area: Size(width: 100, height: 30))
        var grid = Grid(width: 100, height: 30)
        let clock = ContinuousClock()
        let took = clock.measure { map.draw(s, routes: [], order: Painter.paintOrder(s), into: &grid) }
        print("overview of 10,000 boxes: \(took)")
        for b in boxes {
            let c = map.map(b.rect).origin
            #expect(grid.cell(at: c).map { $0.ch != " " } == true, "\(b.title) at \(c)")
        }
    }
}

/// Laying out for a screen: `maxWidth` and `maxHeight` together.
@Suite struct ScreenFitLayoutTests {
    /// Neither left to right (115 columns) nor top to bottom (29 rows) fits 80 by 17 cells, the
    /// canvas above the panel at 80x24; the layers folded into columns do, shadows included.
    @Test func theBundledDesignFoldsToFitEightyByTwentyFourAboveThePanel() throws {
        let design = try Fixtures.bundledDesign()
        let rects = DesignLayout.rects(design, catalog: Fixtures.catalog, maxWidth: 80, maxHeight: 17)
        let scene = DesignScene(design: design, catalog: Fixtures.catalog, rects: rects, glyphs: .unicode).scene
        let drawn = scene.drawnBounds(routes: Router(scene: scene).routes)
        #expect(drawn.width <= 80 && drawn.height <= 17, "\(drawn)")
        // User above the Service, in one column; the Pod to their right.
        #expect(rects["user"]!.maxY < rects["svc-web"]!.y && rects["user"]!.x == rects["svc-web"]!.x)
        #expect(rects["pod-web"]!.x > rects["svc-web"]!.maxX)
    }

    @Test func aLayoutThatFitsIsKept() throws {
        let design = try Fixtures.bundledDesign()
        let free = DesignLayout.rects(design, catalog: Fixtures.catalog)
        #expect(DesignLayout.rects(design, catalog: Fixtures.catalog, maxWidth: 140, maxHeight: 40) == free)
        // As `render --width 86` does, top to bottom when only that fits.
        #expect(DesignLayout.rects(design, catalog: Fixtures.catalog, maxWidth: 86, maxHeight: 39)
                == DesignLayout.rects(design, catalog: Fixtures.catalog, maxWidth: 86))
    }
}

@Suite struct ViewportTests {
    @Test func revealAddsTargetsInOrderWhileTheyFit() {
        var v = Viewport(origin: .zero, size: Size(width: 20, height: 10))
        let packet = Rect(x: 40, y: 2, width: 1, height: 1)
        let near = Rect(x: 44, y: 3, width: 6, height: 3), far = Rect(x: 80, y: 3, width: 6, height: 3)
        v.reveal([packet, near, far], margin: 0)
        #expect(v.rect.contains(packet) && v.rect.contains(near) && !v.rect.contains(far))
    }

    @Test func showKeepsContentThatFitsWhole() {
        var v = Viewport(origin: Point(x: 50, y: 50), size: Size(width: 80, height: 17))
        v.show(Rect(x: 0, y: 0, width: 80, height: 17))
        #expect(v.origin == .zero) // no room for a margin: none, rather than cutting the far side
        v.show(Rect(x: 0, y: 0, width: 40, height: 10))
        #expect(v.origin == Point(x: -1, y: -1))
    }
}
