import Dispatch
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
        let rects = DesignLayout.rects(shown.design, catalog: catalog, glyphs: glyphs, maxWidth: maxWidth, ignoreSaved: relayout,
                                       hiddenInside: shown.hiddenInside)
        let ds = DesignScene(design: shown.design, catalog: catalog, rects: rects, glyphs: glyphs, hiddenInside: shown.hiddenInside)
        let scene = ds.scene
        // The boxes do not depend on the lines: they are drawn on the other core while this one
        // routes, into a grid as big as anything can be drawn, which is then cut to what was.
        let outer = Router.area(of: scene).union(drawnBounds(scene, routes: []))
        let boxes = BoxesDrawing()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            var g = Grid(width: outer.width, height: outer.height, origin: outer.origin, glyphs: glyphs)
            Painter.drawBoxes(scene, into: &g)
            boxes.grid = g
            done.signal()
        }
        // Only the routes are kept: the router's obstacle map is gone before the lines are drawn
        // (at 10,000 components it is tens of megabytes).
        let routes = Router(scene: scene).routes
        done.wait()
        var grid = boxes.grid!
        boxes.grid = nil
        grid.crop(to: drawnBounds(scene, routes: routes))
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

/// The grid the boxes were drawn into on another thread, handed back once (after the semaphore
/// says it is there, so the two threads never touch it at once).
private final class BoxesDrawing: @unchecked Sendable {
    var grid: Grid?
}
