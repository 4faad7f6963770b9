import HopsCanvas
import HopsDesign

extension Editor {
    /// The next (`step` 1) or previous (-1) drawn component in design order after the
    /// selection, wrapping; with nothing drawn selected, the first or the last. Only drawn ones
    /// count: not what a fold or a hidden layer holds. (It steps from the selection's place
    /// rather than listing every drawn component: Tab was a scan of 10,000 of them.)
    func cycleSelection(_ step: Int) -> [Effect] {
        let components = design.components, n = components.count
        guard n > 0 else { return [] }
        let direction = step < 0 ? -1 : 1
        var i: Int
        if let sel = selection, cache.rects[sel] != nil, let at = componentLookup.index(of: sel, in: design) {
            i = at
        } else {
            i = direction > 0 ? -1 : n
        }
        for _ in 0..<n {
            i = ((i + direction) % n + n) % n
            if cache.rects[components[i].id] != nil { select(components[i].id); return [] }
        }
        return []
    }

    func select(_ id: String?) {
        selection = id
        if let id, let r = cache.rects[id] { bringIntoView(r) }
    }

    /// Picks the nearest component whose centre lies in that direction, preferring ones straight
    /// ahead; rows count double because cells are about twice as tall as wide. With nothing
    /// there (or nothing selected), pans the view instead.
    func selectToward(_ dir: Direction) -> [Effect] {
        guard let sel = selection, let from = cache.rects[sel]?.center else {
            return pan(dx: dir.dx * 4, dy: dir.dy * 2)
        }
        // Siblings first, so that from a Service "right" reaches the Pod, not a container inside it;
        // with no sibling that way, any component.
        let parent = design.component(sel)?.parent
        let siblings = Set(design.components.lazy.filter { $0.parent == parent }.map(\.id))
        if let b = nearest(from: from, dir, excluding: sel, among: { siblings.contains($0) })
            ?? nearest(from: from, dir, excluding: sel, among: { _ in true }) {
            select(b)
        } else {
            return pan(dx: dir.dx * 4, dy: dir.dy * 2)
        }
        return []
    }

    private func nearest(from: Point, _ dir: Direction, excluding sel: String,
                         among keep: (String) -> Bool) -> String? {
        var best: (String, Int)?
        for (id, r) in cache.rects where id != sel && keep(id) {
            let c = r.center
            let dx = c.x - from.x, dy = (c.y - from.y) * 2
            let ahead = dir.dx != 0 ? dx * dir.dx : dy * dir.dy
            let side = dir.dx != 0 ? abs(dy) : abs(dx)
            guard ahead > 0, side <= ahead * 2 + 4 else { continue }
            let score = ahead + side * 2
            if best == nil || score < best!.1 || (score == best!.1 && id < best!.0) { best = (id, score) }
        }
        return best?.0
    }

    func pan(dx: Int, dy: Int) -> [Effect] {
        viewport.pan(dx: dx, dy: dy, within: cache.drawnBounds, margin: 4)
        return []
    }

    /// Where a box's drawing reaches: its rectangle and the stacked copies behind a box with
    /// replicas (the painter draws at most two).
    func reach(_ r: Rect, _ id: String) -> Rect {
        let n = cache.designScene.boxIndex[id].map { min(2, cache.scene.boxes[$0].stack) } ?? 0
        return Rect(x: r.x, y: r.y, width: r.width + n, height: r.height + n)
    }

    /// Moves the selection and its children by whole cells. A child stays inside its parent:
    /// the parent grows to the right and down; a move out past its left or top is refused.
    /// Only the edges that the move can affect are re-routed.
    func moveSelection(dx: Int, dy: Int) -> [Effect] {
        guard let sel = selection, let r = cache.rects[sel] else { message = "select a component first"; return [] }
        // With layers hidden the canvas is laid out for the view only: a move there would be lost.
        guard layers.isEmpty else {
            message = "boxes stay put while layers are hidden (:show all, then move)"; return []
        }
        let moved = r.offsetBy(dx: dx, dy: dy)
        if let p = componentLookup.component(sel, in: design)?.parent, let pr = cache.rects[p] {
            let header = cache.scene.boxes[cache.designScene.boxIndex[p]!].headerRows
            if moved.x < pr.x + 2 || moved.y < pr.y + header + 2 {
                message = "a child stays inside its parent"; return []
            }
        } else if moved.x < -1000 || moved.y < -1000 {
            return []
        }
        // The loader's limits: what the editor makes, it can open again.
        let span = cache.bounds.union(moved)
        guard Validation.coordinateProblem(Position(x: moved.maxX, y: moved.maxY)) == nil,
              span.width * span.height <= Limits.maxSpanCells else {
            message = "the canvas ends here (at most \(Limits.maxSpanCells) cells)"; return []
        }
        var changed: [String: Rect] = [:]
        let subtree = Set([sel] + design.descendants(of: sel))
        for id in subtree {
            guard let cr = cache.rects[id] else { continue }
            changed[id] = cr.offsetBy(dx: dx, dy: dy)
        }
        // Grow ancestors to keep holding the moved box.
        var inner = moved
        var ancestor = componentLookup.component(sel, in: design)?.parent
        while let a = ancestor, let ar = changed[a] ?? cache.rects[a] {
            let w = max(ar.width, inner.maxX + 3 - ar.x), h = max(ar.height, inner.maxY + 3 - ar.y)
            guard w != ar.width || h != ar.height else { break }
            let grown = Rect(x: ar.x, y: ar.y, width: w, height: h)
            // A group that grows over a neighbour would be drawn across it: the move stops there
            // (the neighbour was not in the way before; boxes placed over each other stay so).
            let outer = componentLookup.component(a, in: design)?.parent
            if let hit = design.components.first(where: { c in
                c.parent == outer && c.id != a && !subtree.contains(c.id) && cache.rects[c.id].map {
                    reach(grown, a).intersects(reach($0, c.id)) && !reach(ar, a).intersects(reach($0, c.id))
                } == true
            }) {
                message = "\(SafeText.escape(design.displayName(a))) would grow over "
                    + "\(SafeText.escape(design.displayName(hit.id))): move that aside first"
                return []
            }
            changed[a] = grown
            inner = grown
            ancestor = outer
        }
        pushUndo(moveOf: sel)
        for (id, nr) in changed {
            guard let i = design.index(of: id) else { continue }
            design.components[i].position = Position(x: nr.x, y: nr.y)
            if design.components[i].size != nil || !subtree.contains(id) {
                design.components[i].size = Extent(width: nr.width, height: nr.height)
            }
        }
        cache.move(changed)
        bringIntoView(moved)
        isDirty = true
        return [.changed]
    }
}
