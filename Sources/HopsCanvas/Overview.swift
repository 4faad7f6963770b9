/// A reduced drawing of a whole canvas that fits a smaller area: a map. Every box is scaled
/// into the area (at least one cell); a box with room shows as an outline with its name, a
/// smaller one as a mark with its name beside it where the cells are free; arrows are drawn as
/// their straight stretches scaled, unless there are too many for the map's size. Work is
/// linear in boxes and route turns, never in cells of the full drawing: a 10,000-component
/// design draws in about 7 ms (release build, 86 x 38 cells).
public struct Overview: Sendable, Equatable {
    /// The canvas rectangle shown (the whole drawing), in canvas cells.
    public let content: Rect
    /// The area it is drawn into, in screen cells.
    public let area: Size
    /// Overview cells per canvas cell, across and down: at most 1, and each axis on its own, so
    /// the map fills the area.
    let fx: Double, fy: Double

    public init(content: Rect, area: Size) {
        self.content = content
        self.area = area
        fx = min(1, Double(max(1, area.width)) / Double(max(1, content.width)))
        fy = min(1, Double(max(1, area.height)) / Double(max(1, content.height)))
    }

    /// False when the content fits the area as it is: then a map would only lose detail.
    public var isReduced: Bool { fx < 1 || fy < 1 }

    /// The overview cell (0-based in the area) showing a canvas cell.
    public func map(_ p: Point) -> Point {
        Point(x: Int((Double(p.x - content.x) * fx).rounded(.down)),
              y: Int((Double(p.y - content.y) * fy).rounded(.down)))
    }

    /// The overview cells a canvas rectangle covers (never empty).
    public func map(_ r: Rect) -> Rect {
        let a = map(r.origin), b = map(Point(x: r.maxX, y: r.maxY))
        return Rect(x: a.x, y: a.y, width: max(1, b.x - a.x + 1), height: max(1, b.y - a.y + 1))
    }

    /// The canvas cell at the middle of what an overview cell shows.
    public func unmap(_ p: Point) -> Point {
        Point(x: content.x + Int((Double(p.x) + 0.5) / fx), y: content.y + Int((Double(p.y) + 0.5) / fy))
    }

    /// Columns of a small box's name written beside its mark.
    static let nameColumns = 12
    /// Map cells per arrow below which the arrows are left out.
    static let cellsPerLine = 40

    /// Draws the scene's map into `grid` (whose origin is the area's top-left, at zero): boxes
    /// parents first (`order`), then the arrows, dimmed, over open map and into borders only,
    /// then the names of marked boxes.
    public func draw(_ scene: Scene, routes: [Route?], order: [Int], into grid: inout Grid) {
        let mark: Character = grid.glyphs.isASCII ? "#" : "■"
        var marked: [(Point, String, CellStyle)] = []
        // Where each box was drawn, so a child shows only inside its parent's free inside: one
        // scaled too small to fit there is summed up by its parent's outline and name.
        var inside: [Rect?] = Array(repeating: nil, count: scene.boxes.count)
        // Cells inside outlines, where no arrow is drawn.
        var covered = Array(repeating: false, count: grid.width * grid.height)
        let isFree = { (g: Grid, p: Point) in g.cell(at: p).map { $0.isSpace && $0.lines == 0 } ?? false }
        for b in order {
            let box = scene.boxes[b]
            var r = map(box.rect)
            if let p = box.parent {
                guard let room = inside[p], !room.isEmpty else { continue }
                r = r.clipped(to: room)
                // Scaled, a child can fall past its parent's inside on one axis and overlap it on
                // the other: the clipped rectangle is then empty, and there is nothing to draw.
                guard !r.isEmpty, room.contains(map(box.rect)) || r.width >= 3 else { continue }
            }
            let titleStyle = CellStyle(fg: box.color.fg, attrs: box.color.attrs.union(.bold))
            // An outline where nothing is drawn yet (scaled down, neighbours can meet) and that
            // shows a few letters of the name at least; else a mark on the first free cell of its
            // place; with none free it is left out.
            let cells = (r.y...r.maxY).flatMap { y in (r.x...r.maxX).map { Point(x: $0, y: y) } }
            let free = cells.filter { isFree(grid, $0) }
            let roomy = r.width >= 3 && r.height >= 2 && r.width - 2 >= min(DisplayWidth.of(box.title), 4)
            if roomy && (free.count == cells.count || box.parent != nil) {
                grid.fill(r, with: " ")
                Painter.border(r, style: box.border, color: box.color, into: &grid)
                // Inside when there is a row for it, else over the top border.
                let y = r.height >= 3 ? r.y + 1 : r.y
                let name = DisplayWidth.truncate(box.title, to: r.width - 2, ellipsis: grid.glyphs.ellipsis)
                grid.put(name, at: Point(x: r.x + 1, y: y), style: titleStyle)
                inside[b] = Rect(x: r.x + 1, y: y + 1, width: r.width - 2, height: r.maxY - y - 1)
                for p in cells where p.x > r.x && p.x < r.maxX && p.y > r.y && p.y < r.maxY {
                    covered[p.y * grid.width + p.x] = true
                }
            } else if let at = free.first {
                grid.set(mark, at: at, style: box.color)
                marked.append((Point(x: at.x + 1, y: at.y), box.title, titleStyle))
            }
        }
        // Scaled down, many arrows become a tangle that hides the boxes: a crowded map shows boxes only.
        if routes.count * Overview.cellsPerLine <= area.width * area.height {
            for (i, route) in routes.enumerated() {
                guard let route, i < scene.edges.count else { continue }
                let edge = scene.edges[i]
                drawLine(route.corners.map(map), style: edge.style, color: edge.color.with(dim: true), covered: covered,
                         into: &grid)
            }
        }
        // Names beside marks go only on free cells, one left free before whatever follows, so a
        // crowded map shows marks and short names, not a jumble.
        let state = { (g: Grid, p: Point) in g.cell(at: p).map { $0.isSpace && $0.lines == 0 } }
        for (p, name, style) in marked {
            var run = 0
            while run <= Overview.nameColumns, state(grid, Point(x: p.x + run, y: p.y)) == true { run += 1 }
            let atEdge = state(grid, Point(x: p.x + run, y: p.y)) == nil
            let columns = min(Overview.nameColumns, atEdge ? run : run - 1)
            guard columns > 0 else { continue }
            grid.put(DisplayWidth.truncate(name, to: columns, ellipsis: grid.glyphs.ellipsis), at: p, style: style)
        }
    }

    /// A polyline of overview cells drawn as joined line glyphs over open map and into box
    /// borders (never over text, marks or the inside of an outline); a diagonal step (two
    /// corners scaled apart on both axes) goes across, then down.
    private func drawLine(_ points: [Point], style: LineStyle, color: CellStyle, covered: [Bool],
                          into grid: inout Grid) {
        var path: [Point] = []
        for p in points {
            guard let last = path.last else { path.append(p); continue }
            var q = last
            while q.x != p.x { q.x += p.x > q.x ? 1 : -1; path.append(q) }
            while q.y != p.y { q.y += p.y > q.y ? 1 : -1; path.append(q) }
        }
        guard path.count > 1 else { return }
        for (i, p) in path.enumerated() {
            guard let c = grid.cell(at: p), !covered[p.y * grid.width + p.x], c.lines != 0 || c.isSpace else {
                continue
            }
            var mask: UInt8 = 0
            if i > 0 { mask |= Route.bit(from: p, toward: path[i - 1]) }
            if i + 1 < path.count { mask |= Route.bit(from: p, toward: path[i + 1]) }
            if mask != 0 { grid.addLine(mask, at: p, style: style, color: c.lines != 0 ? c.style : color) }
        }
    }
}
