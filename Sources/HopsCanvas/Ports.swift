/// Where each edge leaves and meets its boxes: the side that faces the other box, with edges on
/// one side spread evenly along it in the order of their other ends, so lines do not bunch up.
struct PortPlan {
    struct End: Equatable {
        var side: Side
        /// True for an edge from a box to one nested inside it: the line leaves the border inwards.
        var inner: Bool
    }

    /// The sides for an edge between two boxes.
    static func sides(_ scene: Scene, from s: Int, to t: Int) -> (End, End) {
        let a = scene.boxes[s].rect, b = scene.boxes[t].rect
        if scene.ancestors(of: t).contains(s) { return (End(side: .left, inner: true), End(side: .left, inner: false)) }
        if scene.ancestors(of: s).contains(t) { return (End(side: .right, inner: false), End(side: .right, inner: true)) }
        let hgap = b.x > a.maxX ? b.x - a.maxX - 1 : (a.x > b.maxX ? a.x - b.maxX - 1 : -1)
        let vgap = b.y > a.maxY ? b.y - a.maxY - 1 : (a.y > b.maxY ? a.y - b.maxY - 1 : -1)
        // Cells are about twice as tall as wide, so a vertical gap counts double.
        if hgap >= 1 && (vgap < 1 || hgap >= vgap * 2) {
            return b.x > a.maxX ? (End(side: .right, inner: false), End(side: .left, inner: false))
                                : (End(side: .left, inner: false), End(side: .right, inner: false))
        }
        if vgap >= 1 {
            return b.y > a.maxY ? (End(side: .bottom, inner: false), End(side: .top, inner: false))
                                : (End(side: .top, inner: false), End(side: .bottom, inner: false))
        }
        return b.center.x >= a.center.x ? (End(side: .right, inner: false), End(side: .left, inner: false))
                                        : (End(side: .left, inner: false), End(side: .right, inner: false))
    }

    /// The cells along a side where ports may sit, corners and the kind tag excluded.
    static func slots(_ box: SceneBox, _ side: Side) -> [Point] {
        let r = box.rect
        switch side {
        case .left, .right:
            let x = side == .left ? r.x : r.maxX
            return slotRange(box, side).map { Point(x: x, y: $0) }
        case .top, .bottom:
            let y = side == .top ? r.y : r.maxY
            return slotRange(box, side).map { Point(x: $0, y: y) }
        }
    }

    /// The coordinates along a side (rows on the left and right, columns on the top and
    /// bottom) of its slots.
    static func slotRange(_ box: SceneBox, _ side: Side) -> ClosedRange<Int> {
        let r = box.rect
        switch side {
        case .left, .right:
            return r.height > 2 ? r.y + 1...r.maxY - 1 : r.y...r.y
        case .top, .bottom:
            guard r.width > 2 else { return r.x...r.x }
            var lo = r.x + 1
            if side == .top && !box.tag.isEmpty {
                let afterTag = r.x + 3 + DisplayWidth.of(box.tag)
                if afterTag <= r.maxX - 1 { lo = afterTag }
            }
            return lo...r.maxX - 1
        }
    }

    /// Picks one slot per wish (the wishes sorted): each as near its wished coordinate as the
    /// others allow, all distinct and in order, so a port faces the box it leads to and lines
    /// run straight where they can. With more wishes than slots, they share slots evenly.
    static func nearest(_ slots: [Point], wishes: [Int], vertical: Bool) -> [Point] {
        let n = wishes.count
        guard n > 0, !slots.isEmpty else { return [] }
        guard n <= slots.count else { return spread(slots, count: n) }
        let coords = slots.map { vertical ? $0.y : $0.x }
        var idx = wishes.map { w in coords.indices.min { abs(coords[$0] - w) < abs(coords[$1] - w) }! }
        for i in 1..<max(1, n) where i < n { idx[i] = max(idx[i], idx[i - 1] + 1) }
        for i in stride(from: n - 1, through: 0, by: -1) {
            idx[i] = min(idx[i], slots.count - (n - i))
            if i < n - 1 { idx[i] = min(idx[i], idx[i + 1] - 1) }
        }
        return idx.map { slots[$0] }
    }

    /// Picks `count` slots spread evenly, in order.
    static func spread(_ slots: [Point], count: Int) -> [Point] {
        guard count > 0, !slots.isEmpty else { return [] }
        return (0..<count).map { i in slots[min(slots.count - 1, (2 * i + 1) * slots.count / (2 * count))] }
    }
}
