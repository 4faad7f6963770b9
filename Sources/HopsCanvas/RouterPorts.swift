/// Where on a box's border each line leaves or arrives: slots spread along the side the line
/// faces, each as near as it can be to where the line would run straight.
extension Router {
    /// The slot on a side nearest the wished coordinate that no kept route uses as its port.
    func freePort(at b: Int, side: Side, toward other: Int, excluding: Set<Int>) -> Point? {
        var used = Set<Point>()
        for e in incident[b] where !excluding.contains(e) {
            if let r = routes[e] { used.insert(r.sourcePort); used.insert(r.targetPort) }
            // (A line not routed yet keeps the ports it was given.)
            if let (a, z) = deferred.ports[e] { if let a { used.insert(a) }; if let z { used.insert(z) } }
        }
        let slots = PortPlan.slots(scene.boxes[b], side)
        let want = wish(b, toward: other, side: side)
        let vertical = side == .left || side == .right
        let free = slots.filter { !used.contains($0) }
        let along = { (p: Point) in abs((vertical ? p.y : p.x) - want) }
        return (free.isEmpty ? slots : free).min { along($0) < along($1) }
    }

    /// Port cells for every edge end at the given boxes: edge index → (source port?, target port?).
    func assignPorts(boxes: [Int]) -> [Int: (Point?, Point?)] {
        var out: [Int: (Point?, Point?)] = [:]
        out.reserveCapacity(boxes.reduce(0) { $0 + incident[$1].count })
        // Per side (by its raw value): the ends on it. Kept across boxes to reuse their memory.
        var groups: [[(edge: Int, isSource: Bool, key: Int)]] = Array(repeating: [], count: Side.allCases.count)
        for b in boxes {
            for k in groups.indices { groups[k].removeAll(keepingCapacity: true) }
            for e in incident[b] {
                let edge = scene.edges[e]
                if edge.from == edge.to { continue }
                if edge.from == b {
                    let side = ends[e].0.side
                    groups[side.rawValue].append((e, true, wish(b, toward: edge.to, side: side)))
                }
                if edge.to == b {
                    let side = ends[e].1.side
                    groups[side.rawValue].append((e, false, wish(b, toward: edge.from, side: side)))
                }
            }
            for side in Side.allCases where !groups[side.rawValue].isEmpty {
                let sorted = groups[side.rawValue].sorted { ($0.key, $0.edge) < ($1.key, $1.edge) }
                let cells = PortPlan.nearest(PortPlan.slots(scene.boxes[b], side), wishes: sorted.map(\.key),
                                             vertical: side == .left || side == .right)
                for (m, cell) in zip(sorted, cells) {
                    var pair = out[m.edge] ?? (nil, nil)
                    if m.isSource { pair.0 = cell } else { pair.1 = cell }
                    out[m.edge] = pair
                }
            }
        }
        return out
    }

    /// Where along its side a port would best sit: in the middle of the span where both boxes
    /// have port slots facing each other (so the line can run straight: a kind tag in the top
    /// border holds none), else level with the other box's centre.
    func wish(_ b: Int, toward other: Int, side: Side) -> Int {
        let o = scene.boxes[other].rect
        let vertical = side == .left || side == .right
        let facing = side.opposite
        let mine = PortPlan.slotRange(scene.boxes[b], side), theirs = PortPlan.slotRange(scene.boxes[other], facing)
        let lo = max(mine.lowerBound, theirs.lowerBound), hi = min(mine.upperBound, theirs.upperBound)
        if lo <= hi { return (lo + hi) / 2 }
        return vertical ? o.center.y : o.center.x
    }

    func currentPorts(_ e: Int) -> (Point, Point)? {
        guard let r = routes[e] else { return nil }
        return (r.sourcePort, r.targetPort)
    }
}
