import HopsCanvas
import HopsDesign
import HopsFlow

/// The cells a packet crosses on one hop: along the routed arrow of the hop's connection
/// (backwards for a response), or straight from one box to the other when the hop follows no
/// arrow (a Pod handing the request to its container).
enum HopPath {
    static func cells(_ hop: Hop, design: Design, cache: SceneCache) -> [Point] {
        if let cid = hop.connection, let e = cache.designScene.edgeIDs.firstIndex(of: cid),
           e < cache.routes.count, let route = cache.routes[e], let k = design.connections.first(where: { $0.id == cid }) {
            let forward = route.travel
            return k.from == hop.from ? forward : forward.reversed()
        }
        // A hop inside a folded group plays on the group's box.
        guard let a = cache.shownRect(hop.from), let b = cache.shownRect(hop.to) else { return [] }
        if a == b { return [Point(x: a.x + 1, y: a.y)] }
        return straight(from: anchor(a, toward: b), to: anchor(b, toward: a))
    }

    /// A point on a box's border facing the other box (or its top-left inside when nested).
    static func anchor(_ r: Rect, toward o: Rect) -> Point {
        if r.contains(o) { return Point(x: r.x + 1, y: r.y + 1) }
        if o.contains(r) { return Point(x: r.x, y: r.center.y) }
        if o.x > r.maxX { return Point(x: r.maxX, y: r.center.y) }
        if o.maxX < r.x { return Point(x: r.x, y: r.center.y) }
        return o.y > r.maxY ? Point(x: r.center.x, y: r.maxY) : Point(x: r.center.x, y: r.y)
    }

    /// The way of a response that skips components (from a Pod straight back to its caller,
    /// past the Service): down below every box between the two ends, across, and up into the
    /// caller, so the packet visibly does not pass through the Service's box.
    /// `margin` leaves room for the stacked replicas drawn under a Pod (2 rows for 3 or more).
    static func around(from start: Point, to target: Rect, rects: [Rect], margin: Int = 3) -> [Point] {
        let end = Point(x: target.center.x, y: target.maxY)
        let (lo, hi) = (min(start.x, end.x), max(start.x, end.x))
        let between = rects.filter { $0.maxX >= lo && $0.x <= hi }
        let floor = (between.map(\.maxY) + [start.y, end.y]).max()! + margin
        var out = straight(from: start, to: Point(x: start.x, y: floor))
        out += straight(from: Point(x: start.x, y: floor), to: Point(x: end.x, y: floor)).dropFirst()
        out += straight(from: Point(x: end.x, y: floor), to: end).dropFirst()
        return out
    }

    static func straight(from a: Point, to b: Point) -> [Point] {
        var out = [a]
        var p = a
        while p.x != b.x { p.x += b.x > p.x ? 1 : -1; out.append(p) }
        while p.y != b.y { p.y += b.y > p.y ? 1 : -1; out.append(p) }
        return out
    }
}
