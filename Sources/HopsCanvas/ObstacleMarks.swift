import Dispatch

/// Routed lines counted into the map: each cell's horizontal and vertical uses, the reserved
/// cells at their ends, and the flags that sum them up for the search.
extension ObstacleMap {
    mutating func mark(_ route: Route) { withLineCells { $0.apply(route, delta: 1, rows: $0.allRows) } }
    mutating func unmark(_ route: Route) { withLineCells { $0.apply(route, delta: -1, rows: $0.allRows) } }

    /// Marks `routes`, each thread in its own band of rows: a big design marks millions of cells
    /// between its batches of lines, while the other core would wait. Counts add up and flags of
    /// added lines only gain bits, so the map ends as if they were marked one after another.
    mutating func mark(_ routes: [Route], threads: Int) {
        withLineCells { cells in
            // Bands of whole tile rows: a tile (8 rows) belongs to one band, so no cell to two threads.
            let tileRows = (cells.height + 7) >> 3
            let n = max(1, min(threads, tileRows))
            let bands = (0..<n).map { k in
                min(cells.height, tileRows * k / n * 8)..<min(cells.height, tileRows * (k + 1) / n * 8)
            }
            DispatchQueue.concurrentPerform(iterations: n) { k in
                for r in routes { cells.apply(r, delta: 1, rows: bands[k]) }
            }
        }
    }

    /// Calls `body` with the map's line counts and flags as raw memory: indexing the arrays of
    /// self checked their uniqueness on every write, and threads cannot share `inout self`.
    private mutating func withLineCells(_ body: (LineCells) -> Void) {
        let (bounds, tileColumns) = (bounds, tileColumns)
        hUse.withUnsafeMutableBufferPointer { hUse in
        vUse.withUnsafeMutableBufferPointer { vUse in
        reserved.withUnsafeMutableBufferPointer { reserved in
        flags.withUnsafeMutableBufferPointer { flags in
            body(LineCells(hUse: hUse, vUse: vUse, reserved: reserved, flags: flags, width: bounds.width,
                           height: bounds.height, origin: Point(x: bounds.x, y: bounds.y), tileColumns: tileColumns))
        }}}}
    }
}

/// The map's line counts and flags, for marking routes run by run. Rows are the map's own
/// (0 is its top row); a call writes only the cells in the rows it is given.
private struct LineCells: @unchecked Sendable {
    let hUse, vUse, reserved, flags: UnsafeMutableBufferPointer<UInt8>
    let width, height: Int
    let origin: Point
    let tileColumns: Int
    var allRows: Range<Int> { 0..<height }

    private static let horizontalBits = Direction.left.bit | Direction.right.bit
    private static let verticalBits = Direction.up.bit | Direction.down.bit
    private typealias Flag = ObstacleMap.Flag

    /// Adds `delta` uses of `route`'s cells within `rows`, and of its two end cells' reservations.
    func apply(_ route: Route, delta: Int, rows: Range<Int>) {
        let band = Rect(x: origin.x, y: origin.y + rows.lowerBound, width: width, height: rows.count)
        route.forEachRun { run in
            let cells = run.indices(within: band)
            guard !cells.isEmpty else { return }
            let sx = run.start.x - origin.x, sy = run.start.y - origin.y
            var k = cells.lowerBound
            if k == 0 { count(ObstacleMap.cell(sx, sy, tileColumns: tileColumns), run.firstMask, delta); k = 1 }
            while k < cells.upperBound {
                count(ObstacleMap.cell(sx &+ run.dx &* k, sy &+ run.dy &* k, tileColumns: tileColumns), run.mask, delta)
                k &+= 1
            }
        }
        for p in [route.vertices.first, route.vertices.last].compactMap({ $0 }) {
            let lx = p.x - origin.x, ly = p.y - origin.y
            guard lx >= 0, lx < width, rows.contains(ly) else { continue }
            let i = ObstacleMap.cell(lx, ly, tileColumns: tileColumns)
            reserved[i] = UInt8(clamping: Int(reserved[i]) + delta)
            update(i)
        }
    }

    /// Counts `mask`'s directions in cell `i`, and keeps each direction's flag saying whether its
    /// count is above zero (so a cell's other counts need not be read).
    @inline(__always) private func count(_ i: Int, _ mask: UInt8, _ delta: Int) {
        if mask & LineCells.horizontalBits != 0 {
            let n = UInt8(clamping: Int(hUse[i]) &+ delta)
            hUse[i] = n
            flags[i] = n > 0 ? flags[i] | Flag.horizontal : flags[i] & ~Flag.horizontal
        }
        if mask & LineCells.verticalBits != 0 {
            let n = UInt8(clamping: Int(vUse[i]) &+ delta)
            vUse[i] = n
            flags[i] = n > 0 ? flags[i] | Flag.vertical : flags[i] & ~Flag.vertical
        }
    }

    /// The flags of cell `i` from its counts (a count may have dropped to zero).
    @inline(__always) private func update(_ i: Int) {
        var f = flags[i] & (Flag.boxed | Flag.text)
        if reserved[i] > 0 { f |= Flag.reserved }
        if hUse[i] > 0 { f |= Flag.horizontal }
        if vUse[i] > 0 { f |= Flag.vertical }
        flags[i] = f
    }
}
