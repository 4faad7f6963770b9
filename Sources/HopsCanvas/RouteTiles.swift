/// Which lines pass through each tile of 64 by 64 cells, so that a frame finds the few lines
/// near its window without asking every line of a big design: the 15,000 random links of a
/// 10,000-component design each span most of the canvas, and asking each of them whether it
/// crosses the window was a quarter of a frame. Kept up to date with the lines a change
/// re-routed (`update`); a line's tiles cover every cell of it, so the lines found are a superset
/// of those with a cell in the area, each once and in index order.
public final class RouteTiles {
    private struct Tile: Hashable { let x: Int, y: Int }
    /// A line listed in a tile, as it was when listed: entries of an older version of the line
    /// are skipped, and dropped when they are half of their tile's list (removing a long line
    /// from each of its tiles' lists at once was a tenth of a move's key).
    private struct Entry { let line: Int32, version: UInt32 }
    private static let shift = 6
    private var lines: [Tile: [Entry]] = [:]
    /// Per tile: entries of the lines' current versions.
    private var live: [Tile: Int] = [:]
    /// Per line: the tiles it is listed in, and its version.
    private var tilesOf: [[Tile]] = []
    private var versions: [UInt32] = []
    /// Per line: equal to `stamp` once `near` has listed it (no line twice).
    private var seen: [UInt32] = []
    private var stamp: UInt32 = 0

    public init(routes: [Route?]) {
        update(routes.indices, routes: routes)
    }

    /// Lists lines `changed` as `routes` has them now (a line that became nil is dropped).
    public func update<S: Sequence<Int>>(_ changed: S, routes: [Route?]) {
        if tilesOf.count < routes.count {
            let more = routes.count - tilesOf.count
            tilesOf += Array(repeating: [], count: more)
            versions += Array(repeating: 0, count: more)
            seen += Array(repeating: 0, count: more)
        }
        for i in changed where i < routes.count {
            for t in tilesOf[i] { live[t, default: 1] -= 1 }
            versions[i] &+= 1
            let entry = Entry(line: Int32(truncatingIfNeeded: i), version: versions[i])
            tilesOf[i] = routes[i].map(RouteTiles.tiles) ?? []
            for t in tilesOf[i] {
                lines[t, default: []].append(entry)
                let count = (live[t] ?? 0) + 1
                live[t] = count
                if let listed = lines[t]?.count, listed > 2 * count + 16 {
                    lines[t] = lines[t]!.filter { versions[Int($0.line)] == $0.version }
                }
            }
        }
    }

    /// The lines listed in tiles that `area` meets, in index order.
    public func near(_ area: Rect) -> [Int] {
        guard !area.isEmpty else { return [] }
        stamp &+= 1
        if stamp == 0 { seen = Array(repeating: 0, count: seen.count); stamp = 1 }
        var out: [Int] = []
        let s = RouteTiles.shift
        for ty in (area.y >> s)...(area.maxY >> s) {
            for tx in (area.x >> s)...(area.maxX >> s) {
                for e in lines[Tile(x: tx, y: ty)] ?? [] {
                    let i = Int(e.line)
                    guard versions[i] == e.version, seen[i] != stamp else { continue }
                    seen[i] = stamp
                    out.append(i)
                }
            }
        }
        return out.sorted()
    }

    /// The tiles a line's stretches (and so its cells) are in, each once.
    private static func tiles(of route: Route) -> [Tile] {
        var out = Set<Tile>()
        let v = route.vertices
        for k in v.indices {
            let r = Route.stretch(from: v[max(0, k - 1)], to: v[k])
            for ty in (r.y >> shift)...(r.maxY >> shift) {
                for tx in (r.x >> shift)...(r.maxX >> shift) { out.insert(Tile(x: tx, y: ty)) }
            }
        }
        return Array(out)
    }
}
