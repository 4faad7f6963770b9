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
