import HopsCanvas
import HopsDesign

/// Boxes make room for a box that grew. A rename, a longer image, more replicas or a new child
/// makes a box bigger where it stands; a neighbour at its saved position would then be drawn
/// under it (text over text, arrows with nowhere to go). The neighbour moves the way the box
/// grew (a longer name pushes its row along, more lines push the column down; both: the shorter
/// way on screen), with what it holds, and pushes the next one the same way in turn.
/// Boxes that already overlapped before the edit (placed so by hand) are left as they are.
enum RoomMaking {
    /// At most this many pushes for one edit: a cascade stops there rather than run long (and
    /// the message says it stopped).
    static let maxMoves = 2_000

    /// Which ways a box pushes: the ways it grew, or the way it was pushed.
    struct Ways { var right: Bool, down: Bool }

    /// `new` with its boxes moved apart where the edit from the design drawn as `before` (its
    /// shown boxes' rectangles) made a box grow into a sibling; the boxes that moved, in the order
    /// they moved; whether it stopped with some still overlapping. When nothing moved, `rects`
    /// are the shown boxes' rectangles as the editor lays them out (`fit` is what it lays unplaced
    /// boxes out to fit), so that its scene need not lay the design out a second time.
    static func make(_ new: Design, before: [String: Rect], catalog: Catalog, glyphs: GlyphSet,
                     fit: Size?) -> (design: Design, moved: [String], stopped: Bool, rects: [String: Rect]?) {
        let shown = ShownDesign(new)
        var plan = DesignLayout.Plan(shown.design, catalog: catalog, glyphs: glyphs, hiddenInside: shown.hiddenInside)
        var rects = plan.rects(maxWidth: fit?.width, maxHeight: fit?.height)
        let comps = shown.design.components
        var index: [String: Int] = [:]
        for (i, c) in comps.enumerated() { index[c.id] = i }
        var siblings: [String: [Int]] = [:]
        for (i, c) in comps.enumerated() { siblings[c.parent ?? "", default: []].append(i) }
        var shownChildren: [Int: [Int]] = [:]
        for (i, c) in comps.enumerated() {
            if let p = c.parent.flatMap({ index[$0] }) { shownChildren[p, default: []].append(i) }
        }

        /// Where a box's drawing reaches: its rectangle and the stacked copies behind it.
        func reach(_ r: Rect, _ i: Int) -> Rect {
            Rect(x: r.x, y: r.y, width: r.width + plan.nodes[i].shadow, height: r.height + plan.nodes[i].shadow)
        }
        func grew(_ i: Int, from old: Rect?) -> Bool {
            guard let old else { return true }
            return rects[i].width > old.width || rects[i].height > old.height
        }
        func overlappedBefore(_ a: Int, _ b: Int) -> Bool {
            guard let ra = before[comps[a].id], let rb = before[comps[b].id] else { return false }
            return reach(ra, a).intersects(reach(rb, b))
        }

        var design = new
        var fullIndex: [String: Int] = [:]
        for (i, c) in new.components.enumerated() where fullIndex[c.id] == nil { fullIndex[c.id] = i }
        var fullChildren: [String: [String]] = [:]
        for c in new.components { if let p = c.parent { fullChildren[p, default: []].append(c.id) } }

        /// The ways a box grew from `old` (both when it is new).
        func ways(_ i: Int, from old: Rect?) -> Ways {
            guard let old else { return Ways(right: true, down: true) }
            return Ways(right: rects[i].maxX > old.maxX, down: rects[i].maxY > old.maxY)
        }
        var queue = comps.indices.filter { grew($0, from: before[comps[$0].id]) }
        var pushing: [Int: Ways] = [:]
        for i in queue { pushing[i] = ways(i, from: before[comps[i].id]) }
        var moved: [String] = [], movedSet: Set<Int> = []
        var pushes = 0, stopped = false
        // A box inside a group is placed by laying the design out again, which takes 5 ms at 1,000
        // components and 60 ms at 10,000: a bounded number of those, about a second in all.
        var relayouts = max(8, 200_000 / max(1, comps.count))
        var k = 0
        while k < queue.count {
            let p = queue[k]
            k += 1
            for s in siblings[comps[p].parent ?? ""] ?? [] where s != p {
                let rp = reach(rects[p], p), rs = reach(rects[s], s)
                guard rp.intersects(rs), !overlappedBefore(p, s) else { continue }
                // A box without a saved position is placed by the layout, not moved here.
                guard let f = fullIndex[comps[s].id], design.components[f].position != nil else { continue }
                guard pushes < maxMoves, relayouts > 0 else { stopped = true; break }
                pushes += 1
                let right = rp.maxX + 1 + OverlapSpreading.gap.columns - rs.x
                let down = rp.maxY + 1 + OverlapSpreading.gap.rows - rs.y
                // The way the pusher grows (a longer name pushes the row along, more lines push
                // the column down); either way, the shorter on screen, a row being about twice as
                // tall as a column is wide.
                let w = pushing[p] ?? Ways(right: true, down: true)
                let goRight = w.right && (!w.down || right <= down * 2) && right > 0 || !w.down && !w.right
                let (dx, dy) = goRight ? (max(right, 0), 0) : (0, max(down, 0))
                guard dx > 0 || dy > 0 else { continue }
                // The box and all it holds, folded away or not, keep their places relative to it.
                var stack = [comps[s].id], clamped = false
                while let id = stack.popLast() {
                    stack += fullChildren[id] ?? []
                    guard let f = fullIndex[id], var pos = design.components[f].position else { continue }
                    pos.x = min(Limits.maxCoordinate, pos.x + dx)
                    pos.y = min(Limits.maxCoordinate, pos.y + dy)
                    clamped = clamped || pos.x != design.components[f].position!.x + dx
                        || pos.y != design.components[f].position!.y + dy
                    design.components[f].position = pos
                    if let i = index[id] { plan.nodes[i].fixed = Point(x: pos.x, y: pos.y) }
                }
                let was = rects[s]
                if comps[s].parent == nil && !clamped {
                    // A top-level box and what it holds shift as laying out again would place
                    // them (every box has its position), without laying out 10,000 boxes again;
                    // nothing around a top-level box grows.
                    var shift = [s]
                    while let i = shift.popLast() {
                        rects[i].origin = Point(x: rects[i].x + dx, y: rects[i].y + dy)
                        shift += shownChildren[i] ?? []
                    }
                } else {
                    let old = rects
                    rects = plan.rects(maxWidth: fit?.width, maxHeight: fit?.height)
                    relayouts -= 1
                    // A parent that grew around the moved box pushes too.
                    for i in comps.indices where i != s && grew(i, from: old[i]) {
                        queue.append(i)
                        pushing[i] = ways(i, from: old[i])
                    }
                }
                // At the canvas's limit a box cannot go further, nor push the next one.
                if clamped { stopped = true }
                guard rects[s] != was else { continue }
                if movedSet.insert(s).inserted { moved.append(comps[s].id) }
                // The moved box may meet the next one: it pushes the same way.
                if !clamped {
                    queue.append(s)
                    pushing[s] = Ways(right: dx > 0, down: dy > 0)
                }
            }
            if stopped && (pushes >= maxMoves || relayouts == 0) { break }
        }
        var byID: [String: Rect]? = nil
        if moved.isEmpty {
            byID = [:]
            for (i, c) in comps.enumerated() { byID![c.id] = rects[i] }
        }
        return (design, moved, stopped, byID)
    }
}
