import HopsCanvas
import HopsInput

/// The overview (`f`, `:fit`): the whole design at once. A design that fits the canvas is only
/// scrolled into full view; a bigger one is drawn as a map (HopsCanvas.Overview), on which the
/// selection keys still work, and Enter (or a click) goes back to the full drawing at the
/// selection.
extension Editor {
    /// Where the map goes: the canvas area under its title row.
    var overviewArea: Rect {
        let a = canvasArea
        return Rect(x: a.x, y: a.y + 1, width: a.width, height: max(1, a.height - 1))
    }

    /// The map of the whole drawing for the overview area.
    var overviewMap: Overview { Overview(content: cache.drawnBounds, area: overviewArea.size) }

    /// Zooms out; from the overview, back to the drawing at the selection.
    func toggleOverview() -> [Effect] {
        if overview { return leaveOverview() }
        guard overviewMap.isReduced else {
            viewport.show(cache.drawnBounds)
            message = "the whole design fits on the screen"
            return []
        }
        overview = true
        message = "overview of the whole design: Enter shows the selection, f or Esc goes back"
        return []
    }

    /// Back to the full drawing, with the selection (when there is one) in the middle of the
    /// view, as far as the drawing's edges allow.
    func leaveOverview() -> [Effect] {
        overview = false
        if let s = selection, let r = cache.rects[s] {
            viewport.center(on: r)
            viewport.clamp(to: cache.drawnBounds, margin: 1)
        }
        return []
    }

    /// Enter: the selection on screen, from the overview or after panning away from it.
    func showSelection() -> [Effect] {
        guard selection.flatMap({ cache.rects[$0] }) != nil else {
            if overview { return leaveOverview() }
            message = "nothing selected: Tab selects"
            return []
        }
        return leaveOverview()
    }

    /// In the overview a click selects what is under it (a click on the selection goes back to
    /// the drawing there); the wheel and drags do nothing, the map has nothing to scroll.
    func overviewMouse(_ m: MouseEvent) -> [Effect] {
        let area = overviewArea, map = overviewMap
        guard mode == .normal, m.action == .press, area.contains(m.at) else { return [] }
        let cell = Point(x: m.at.x - area.x, y: m.at.y - area.y)
        // The innermost box drawn over that cell of the map; else what is under it on the canvas.
        let boxes = cache.scene.boxes.indices.filter { map.map(cache.scene.boxes[$0].rect).contains(cell) }
        let hit = boxes.max { cache.scene.depth(of: $0) < cache.scene.depth(of: $1) }
        guard let id = hit.map({ cache.designScene.boxIDs[$0] }) ?? cache.component(at: map.unmap(cell)) else {
            return []
        }
        if id == selection { return leaveOverview() }
        selection = id
        return []
    }

    /// The map into the canvas area of the screen, under a title that says how to leave it,
    /// with the selection and the packets on it.
    func drawOverview(into screenGrid: inout Grid) {
        let map = overviewMap, area = overviewArea
        var grid: Grid
        if let (size, cached) = cache.overviewGrid, size == area.size {
            grid = cached
        } else {
            grid = Grid(width: area.width, height: area.height, glyphs: glyphs)
            map.draw(cache.scene, routes: cache.routes, order: cache.paintOrder, into: &grid)
            cache.overviewGrid = (area.size, grid)
        }
        if let s = selection, let r = cache.rects[s] {
            grid.restyle(map.map(r)) { $0.attrs.insert(.reverse) }
        }
        if let player {
            for p in player.packets where !p.finished || p == player.focus {
                guard let hop = p.current else { continue }
                let cells = hopPath(of: p)
                grid.set(glyphs.packet, at: map.map(cells[min(p.cell, cells.count - 1)]), style: packetStyle(hop))
            }
        }
        screenGrid.blit(grid, at: area.origin)
        let dot = glyphs.isASCII ? "-" : "·"
        let title = "overview \(dot) Enter shows the selection \(dot) f goes back"
        screenGrid.put(title, at: Point(x: area.x + 1, y: area.y - 1), style: CellStyle(attrs: .bold),
                       maxColumns: area.width - 1)
    }
}
