import HopsCanvas
import HopsDesign

/// Geometry derived from the design: box rectangles, the scene, and the routed edges.
/// Rebuilt when the design's structure changes; a move updates it incrementally, re-routing only
/// the edges the move can affect (Router.move).
final class SceneCache {
    private(set) var rects: [String: Rect]
    private(set) var designScene: DesignScene
    private(set) var router: Router
    /// Boxes parents first, for painting; moves do not change it.
    let paintOrder: [Int]

    /// Hop paths that follow no arrow, by hop and start (see HopPath.free): searched once.
    var hopPaths: [HopPath.Key: [Point]] = [:]
    /// The last overview drawn (without the selection or packets), for its area.
    var overviewGrid: (size: Size, grid: Grid)?
    private var drawn: Rect?

    /// `fit` is the screen's canvas area: what has no saved position is laid out to fit it.
    init(design: Design, catalog: Catalog, glyphs: GlyphSet, fit: Size? = nil) {
        rects = DesignLayout.rects(design, catalog: catalog, glyphs: glyphs, maxWidth: fit?.width,
                                   maxHeight: fit?.height)
        designScene = DesignScene(design: design, catalog: catalog, rects: rects, glyphs: glyphs)
        router = Router(scene: designScene.scene)
        paintOrder = Painter.paintOrder(designScene.scene)
    }

    var scene: Scene { router.scene }
    var routes: [Route?] { router.routes }

    /// Applies new rectangles for some components (a move), keeping everything else.
    func move(_ changed: [String: Rect]) {
        var byIndex: [Int: Rect] = [:]
        for (id, r) in changed {
            rects[id] = r
            if let i = designScene.boxIndex[id] { byIndex[i] = r }
        }
        router.move(byIndex)
        hopPaths.removeAll()
        overviewGrid = nil
        drawn = nil
    }

    /// The component whose box is innermost at a canvas cell.
    func component(at p: Point) -> String? {
        var best: (id: String, depth: Int)?
        for (i, box) in scene.boxes.enumerated() where box.rect.contains(p) {
            let d = scene.depth(of: i)
            if best == nil || d > best!.depth { best = (designScene.boxIDs[i], d) }
        }
        return best?.id
    }

    /// The whole drawn area.
    var bounds: Rect { scene.bounds.insetBy(-1) }

    /// Every cell the drawing uses: boxes, the replica copies behind them, arrows.
    var drawnBounds: Rect {
        if let drawn { return drawn }
        let b = scene.drawnBounds(routes: routes)
        drawn = b
        return b
    }
}
