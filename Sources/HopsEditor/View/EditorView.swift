import HopsCanvas
import HopsDesign
import HopsText

extension Editor {
    /// The whole screen for the current state.
    public func draw() -> Grid {
        var screenGrid = Grid(width: screen.width, height: screen.height, glyphs: glyphs)
        guard fitsScreen else {
            let size = Editor.minimumScreen
            let text = "Terminal too small (\(screen.width)x\(screen.height)); Hops needs \(size.width)x\(size.height)"
                + (isDirty ? "; unsaved: enlarge to save" : "; q quits")
            for (i, line) in wrap(text, width: max(1, screen.width)).prefix(screen.height).enumerated() {
                screenGrid.put(line, at: Point(x: 0, y: i))
            }
            return screenGrid
        }
        let area = canvasArea
        if overview {
            drawOverview(into: &screenGrid)
        } else {
            var canvas = Grid(width: area.width, height: area.height, origin: viewport.origin, glyphs: glyphs)
            drawCanvas(into: &canvas)
            screenGrid.blit(canvas, at: area.origin)
        }
        if let p = panelArea { drawPanel(into: &screenGrid, area: p) }
        if let n = narrationArea { drawNarration(into: &screenGrid, area: n) }
        drawStatus(into: &screenGrid)
        drawOverlay(into: &screenGrid)
        return screenGrid
    }

    /// The design as the viewport shows it, with the selection (and the connect target) drawn
    /// with a heavier border so they show without colour too.
    func drawCanvas(into grid: inout Grid) {
        let scene = cache.scene
        // The few boxes drawn differently, instead of a changed copy of the whole scene.
        var changed: [Int: SceneBox] = [:]
        var marked: [String] = []
        if let s = selection { marked.append(s) }
        if case .connect(let source, _, _) = mode { marked.append(source) }
        for id in marked {
            guard let i = cache.designScene.boxIndex[id] else { continue }
            var box = changed[i] ?? scene.boxes[i]
            box.border = box.border == .heavy ? .double : .heavy
            box.color.attrs.insert(.bold)
            if id == selection { box.color.attrs.insert(.reverse) }
            changed[i] = box
        }
        markHighlighted(&changed, scene)
        decorate(&changed, scene)
        decorateMatches(&changed, scene)
        Painter.draw(scene, routes: cache.routes, into: &grid, order: cache.paintOrder, replacing: changed,
                     tiles: cache.router.tiles)
        drawSelectedConnection(into: &grid)
        drawFindingMarks(into: &grid)
        drawFlow(into: &grid)
    }

    /// Text wrapped to `width` columns (TextWrap); no line at all for a text with no words.
    func wrap(_ text: String, width: Int) -> [String] {
        let lines = TextWrap.wrap(text, width: max(1, width))
        return lines == [""] ? [] : lines
    }
}

extension Grid {
    /// Copies another grid's cells onto this one, its top-left at a local position.
    public mutating func blit(_ other: Grid, at p: Point) {
        for y in 0..<other.height {
            let ty = p.y + y
            guard ty >= 0, ty < height else { continue }
            for x in 0..<other.width {
                let tx = p.x + x
                guard tx >= 0, tx < width else { continue }
                self[tx, ty] = other[x, y]
            }
        }
    }
}
