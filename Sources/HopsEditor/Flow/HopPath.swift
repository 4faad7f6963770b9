import HopsCanvas
import HopsDesign
import HopsFlow

/// The cells a packet crosses on one hop: along the routed arrow of the hop's connection
/// (backwards for a response), or, when the hop follows no arrow (a Pod handing the request to
/// its container, a response going straight back past the Service), a way of its own that
/// never crosses another box or any box's text.
enum HopPath {
    /// The hop's arrow, port to port; nil when it follows none.
    static func arrow(_ hop: Hop, design: Design, cache: SceneCache) -> [Point]? {
        guard let cid = hop.connection, let e = cache.designScene.edgeIndex[cid], e < cache.routes.count,
              let route = cache.routes[e] else { return nil }
        // Forward when the hop leaves from the arrow's drawn source (a folded group for what it holds).
        let forward = cache.designScene.boxIndex[cache.shown.shownID(hop.from)] == cache.scene.edges[e].from
        return forward ? route.travel : route.travel.reversed()
    }

    /// A point on a box's border facing the other box (beside the inner one when nested).
    static func anchor(_ r: Rect, toward o: Rect) -> Point {
        if r.contains(o) { return Point(x: r.x, y: o.center.y) }
        if o.contains(r) { return Point(x: r.x, y: r.center.y) }
        if o.x > r.maxX { return Point(x: r.maxX, y: r.center.y) }
        if o.maxX < r.x { return Point(x: r.x, y: r.center.y) }
        return o.y > r.maxY ? Point(x: r.center.x, y: r.maxY) : Point(x: r.center.x, y: r.y)
    }

    static func straight(from a: Point, to b: Point) -> [Point] {
        var out = [a]
        var p = a
        while p.x != b.x { p.x += b.x > p.x ? 1 : -1; out.append(p) }
        while p.y != b.y { p.y += b.y > p.y ? 1 : -1; out.append(p) }
        return out
    }

    /// What a free path is searched for: the hop's ends and where it starts.
    struct Key: Hashable { var from: String; var to: String; var start: Point }

    /// The way of a hop that follows no arrow, from `start` to the border of the hop's target:
    /// shortest with few turns, through no box but the target and the boxes holding either end,
    /// over no box's text, off other arrows where it can. Searched once per scene (cached);
    /// nil when the search finds no way (then the caller draws a straight one).
    static func free(_ hop: Hop, from start: Point, design: Design, cache: SceneCache) -> [Point]? {
        let key = Key(from: hop.from, to: hop.to, start: start)
        if let known = cache.hopPaths[key] { return known.isEmpty ? nil : known }
        guard let target = cache.shownRect(hop.to) else { return nil }
        // The packet leaves its source by the border it stands on, not back through the box;
        // it may cross the boxes holding either end and enter the target.
        let open = Set([cache.shown.shownID(hop.to)] + design.ancestors(of: hop.from) + design.ancestors(of: hop.to))
        let near = target.union(Rect(origin: start, size: Size(width: 1, height: 1))).insetBy(-FreeSearch.margin)
        let found = [near, cache.drawnBounds.union(near).insetBy(-FreeSearch.margin)].lazy.compactMap { window in
            FreeSearch(window: window, scene: cache.scene, routes: cache.routes, open: open,
                       ids: cache.designScene.boxIDs)?.path(from: start, to: target)
        }.first
        cache.hopPaths[key] = found ?? [] // none found: not searched again
        return found
    }
}
