import Dispatch

/// A band of a grid's rows that one thread draws lines into while other threads draw the other
/// bands. Whatever a line written here touches is in the band: the cell, and the other half of a
/// wide character it overwrites, which is in the same row.
public struct GridRows {
    fileprivate let cells: UnsafeMutableBufferPointer<Cell>
    fileprivate let width: Int
    fileprivate let origin: Point
    fileprivate let glyphs: GlyphSet
    /// The canvas rectangle of the band: the grid's width, some of its rows.
    public let window: Rect

    /// `Grid.addLine`, for a cell of this band (others are left to their own band).
    @inline(__always) public func addLine(_ mask: UInt8, at p: Point, style: LineStyle, color: CellStyle) {
        guard window.contains(p) else { return }
        Grid.addLine(mask, at: (p.y - origin.y) * width + (p.x - origin.x), in: cells, width: width,
                     glyphs: glyphs, style: style, color: color)
    }

    /// `Grid.addLine` for the cells of a route's run in this band (what `Route.forEachMask`
    /// gives, without a call and a bounds check per cell: a big design paints millions).
    @inline(__always) func addLine(_ run: Route.Run, style: LineStyle, color: CellStyle) {
        let ks = run.indices(within: window)
        guard !ks.isEmpty else { return }
        let step = run.dx &+ run.dy &* width
        var i = (run.start.y - origin.y) * width + (run.start.x - origin.x) + ks.lowerBound * step
        for k in ks {
            Grid.addLine(k == 0 ? run.firstMask : run.mask, at: i, in: cells, width: width, glyphs: glyphs,
                         style: style, color: color)
            i &+= step
        }
    }
}

extension Grid {
    /// Calls `body` once for each of `count` bands of the grid's rows (top to bottom, as even as
    /// they can be), all at once, on as many threads when there are more than one. When the
    /// same things are drawn in the same order into every band, the grid ends as if they had
    /// been drawn once into the whole of it: no cell belongs to two bands.
    public mutating func inRowBands(_ count: Int, _ body: (GridRows) -> Void) {
        let (width, height, origin, glyphs) = (width, height, origin, glyphs)
        let n = max(1, min(count, height))
        cells.withUnsafeMutableBufferPointer { cells in
            let bands = (0..<n).map { k in
                let y0 = height * k / n, y1 = height * (k + 1) / n
                return GridRows(cells: cells, width: width, origin: origin, glyphs: glyphs,
                                window: Rect(x: origin.x, y: origin.y + y0, width: width, height: y1 - y0))
            }
            guard n > 1 else { return body(bands[0]) }
            withoutActuallyEscaping(body) { body in
                // The bands write disjoint cells of one buffer (see above).
                nonisolated(unsafe) let body = body, bands = bands
                DispatchQueue.concurrentPerform(iterations: n) { k in body(bands[k]) }
            }
        }
    }
}
