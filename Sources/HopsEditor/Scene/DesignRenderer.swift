import HopsCanvas
import HopsDesign

/// A whole design drawn into one grid: layout, routing, painting. What `hops render` prints and
/// what the benchmarks measure.
public enum DesignRenderer {
    /// `relayout` ignores saved positions and sizes, laying out everything anew.
    public static func render(_ design: Design, catalog: Catalog, glyphs: GlyphSet = .unicode, maxWidth: Int? = nil,
                              relayout: Bool = false) -> Grid {
        // Folded groups are drawn folded here too, as the editor shows them.
        let shown = ShownDesign(design)
        let rects = DesignLayout.rects(shown.design, catalog: catalog, glyphs: glyphs, maxWidth: maxWidth,
                                       ignoreSaved: relayout, hiddenInside: shown.hiddenInside)
        let ds = DesignScene(design: shown.design, catalog: catalog, rects: rects, glyphs: glyphs,
                             hiddenInside: shown.hiddenInside)
        let scene = ds.scene
        // Only the routes are kept: the router's obstacle map and its two threads' search memory
        // are gone before the grid is made (at 10,000 components each is tens of megabytes).
        // (The boxes were once drawn on the other core while this one routed; the router now
        // uses both cores for a big design.)
        let routes = Router(scene: scene).routes
        let bounds = drawnBounds(scene, routes: routes)
        var grid = Grid(width: bounds.width, height: bounds.height, origin: bounds.origin, glyphs: glyphs)
        Painter.drawBoxes(scene, into: &grid)
        Painter.drawLines(scene, routes: routes, into: &grid)
        return grid
    }

    /// Boxes, replica shadows, lines and labels all inside, starting at the top-left drawn cell.
    public static func drawnBounds(_ scene: Scene, routes: [Route?]) -> Rect {
        let b = scene.drawnBounds(routes: routes)
        // One row above for labels placed over a top line.
        return Rect(x: b.x, y: b.y - 1, width: b.width, height: b.height + 1)
    }
}
