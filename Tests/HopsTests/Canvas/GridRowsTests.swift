import HopsCanvas
import Synchronization
import Testing

/// Lines drawn in bands of rows on several threads must leave the grid exactly as one pass does.
@Suite struct GridRowsTests {
    static let h = Direction.left.bit | Direction.right.bit, v = Direction.up.bit | Direction.down.bit

    /// A grid away from the canvas origin with wide characters on the rows where bands meet.
    static func grid() -> Grid {
        var g = Grid(width: 8, height: 6, origin: Point(x: 10, y: 20))
        g.put("服务", at: Point(x: 13, y: 21))
        g.put("x服", at: Point(x: 10, y: 22))
        return g
    }

    /// Crossings, a dashed line under a solid one, a wide character cut, cells outside the grid.
    static let strokes: [(UInt8, Point, LineStyle)] =
        (9...18).map { (h, Point(x: $0, y: 22), LineStyle.dashed) }
        + (19...26).map { (v, Point(x: 14, y: $0), LineStyle.light) }
        + (10...17).map { (h, Point(x: $0, y: 22), LineStyle.light) }
        + [(Direction.right.bit | Direction.down.bit, Point(x: 11, y: 23), .light)]

    @Test func bandsDrawWhatOnePassDraws() {
        var once = GridRowsTests.grid()
        for (mask, p, style) in GridRowsTests.strokes { once.addLine(mask, at: p, style: style, color: .plain) }
        #expect(once.rows == [
            "    │   ",
            "    │务 ", // the line took the second half of 服: its first half is blanked
            "────┼───", // the solid line replaced the dashed one, and x and the wide 服
            " ┌  │   ",
            "    │   ",
            "    │   ",
        ])
        for bands in [1, 2, 3, 6, 9] {
            var banded = GridRowsTests.grid()
            banded.inRowBands(bands) { rows in
                for (mask, p, style) in GridRowsTests.strokes { rows.addLine(mask, at: p, style: style, color: .plain) }
            }
            #expect(banded == once, "\(bands) bands")
        }
    }

    @Test func bandsCoverEveryRowOnce() {
        var g = Grid(width: 3, height: 7, origin: Point(x: -1, y: 5))
        let seen = Mutex<[Rect]>([])
        g.inRowBands(3) { rows in seen.withLock { $0.append(rows.window) } }
        let windows = seen.withLock { $0 }.sorted { $0.y < $1.y }
        #expect(windows.map(\.height).reduce(0, +) == 7)
        #expect(windows.map(\.y) == [5, 7, 9])
        #expect(windows.allSatisfy { $0.x == -1 && $0.width == 3 })
    }

    /// A design's worth of ink goes through the two-band painter; the drawing is the one cell by
    /// cell drawing makes.
    @Test func painterOnTwoCoresDrawsWhatOneCellAtATimeDraws() {
        // Zigzags down a 520 x 400 canvas: 400 rows of 515 cells, over 200,000 cells of ink.
        let width = 520, height = 400
        var cells: [Point] = []
        for y in 0..<height {
            let row = (2...516).map { Point(x: y % 2 == 0 ? $0 : 518 - $0, y: y) }
            cells += row
        }
        let route = Route(cells: cells, sourcePort: Point(x: 1, y: 0), targetPort: Point(x: 517, y: height - 1),
                          startDirection: .right, headDirection: .right)
        // A second line straight down the middle crosses every row of the first.
        let down = Route(cells: (0..<height).map { Point(x: 260, y: $0) }, sourcePort: Point(x: 260, y: -1),
                         targetPort: Point(x: 260, y: height), startDirection: .down, headDirection: .down)
        let scene = Scene(edges: [SceneEdge(from: 0, to: 0), SceneEdge(from: 0, to: 0, style: .dashed)])
        var painted = Grid(width: width, height: height + 1, origin: Point(x: 0, y: -1))
        Painter.drawLines(scene, routes: [route, down], into: &painted)

        var reference = Grid(width: width, height: height + 1, origin: Point(x: 0, y: -1))
        for (r, style) in [(route, LineStyle.light), (down, .dashed)] {
            reference.addLine(r.startDirection.bit, at: r.sourcePort, style: style, color: .plain)
            r.forEachMask(within: nil) { reference.addLine($1, at: $0, style: style, color: .plain) }
        }
        for r in [route, down] {
            guard let last = r.arrowhead else { continue }
            reference.set(reference.glyphs.arrowhead(r.headDirection), at: last, style: .plain)
        }
        #expect(painted == reference)
        // And it is a drawing: the crossings are junctions, both halves of the rows hold line.
        #expect(painted.rows[1].contains("┼"))
        #expect(painted.rows[height / 2 + 1].filter { $0 == "─" }.count > 400)
        #expect(painted.rows[height].filter { $0 == "─" }.count > 400)
    }
}
