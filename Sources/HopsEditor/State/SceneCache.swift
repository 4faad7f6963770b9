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

    /// What is drawn of the design: folded groups as one box, hidden layers left out.
    let shown: ShownDesign
    /// Hop paths that follow no arrow, by hop and start (see HopPath.free): searched once.
    var hopPaths: [HopPath.Key: [Point]] = [:]
    /// The last overview drawn (without the selection or packets), for its area.
    var overviewGrid: (size: Size, grid: Grid)?
    private var drawn: Rect?

    /// Above this many lines the lines that may show in the view are routed first and the rest
    /// a little at each tick (`routePending`): the first screen of a big design need not wait for
    /// all of them (10,000 components with random links took 3 to 4 s to route).
    static let deferRoutingAbove = 2_000
    /// States the router may expand in one tick for the lines still pending: about 20 ms here.
    static let expansionsPerTick = 150_000

    /// `fit` is the screen's canvas area: what has no saved position is laid out to fit it.
    /// With layers hidden the shown components are laid out anew, so that what is hidden takes
    /// no space; the design's saved positions stay as they are (see Editor.pinned).
    /// `view` is the canvas area on screen (nil: the drawing's start), whose lines come first.
    /// `rects` are the shown boxes' rectangles when the caller laid them out the same way already.
    init(design: Design, catalog: Catalog, glyphs: GlyphSet, fit: Size? = nil, layers: Layers = Layers(),
         view: Rect? = nil, rects known: [String: Rect]? = nil) {
        shown = ShownDesign(design, layers: layers)
        rects = known ?? DesignLayout.rects(shown.design, catalog: catalog, glyphs: glyphs, maxWidth: fit?.width,
                                            maxHeight: fit?.height, ignoreSaved: !layers.isEmpty,
                                            hiddenInside: shown.hiddenInside)
        designScene = DesignScene(design: shown.design, catalog: catalog, rects: rects, glyphs: glyphs,
                                  hiddenInside: shown.hiddenInside)
        let scene = designScene.scene
        let first = scene.edges.count > SceneCache.deferRoutingAbove
            ? (view ?? Rect(origin: scene.bounds.origin, size: fit ?? Size(width: 200, height: 60))) : nil
        router = Router(scene: scene, first: first)
        paintOrder = Painter.paintOrder(scene)
    }

    /// Lines not routed yet (see `deferRoutingAbove`).
    var pendingLines: Int { router.pendingCount }

    /// Routes some of the pending lines, those that may show in `view` first; true while some
    /// are left.
    func routePending(view: Rect) -> Bool {
        guard !router.isComplete else { return false }
        router.routePending(expansions: SceneCache.expansionsPerTick, near: view)
        routesChanged()
        return !router.isComplete
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
        routesChanged()
    }

    /// Forgets what was worked out from the routes: the drawn area, the overview, and the
    /// packets' ways off the arrows (which keep off the arrows as they are now).
    private func routesChanged() {
        hopPaths.removeAll()
        overviewGrid = nil
        drawn = nil
    }

    /// The rectangle where a component of the whole design is drawn: its own box, or the folded
    /// group's that holds it; nil when a hidden layer holds it.
    func shownRect(_ id: String) -> Rect? { rects[shown.shownID(id)] }

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
