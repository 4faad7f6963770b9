/// The flat part of the layered layout: one group of sibling nodes and the edges among them.
enum Layering {
    /// `labels` (columns per edge, beside `edges`) widens each gap to what the labels leaving
    /// that layer need; nil keeps every gap `layerGap`.
    static func positions(_ members: [Int], edges: [(Int, Int)], sizes: [Size], direction: LayoutDirection,
                          layerGap: Int, labels: [Int]? = nil) -> [(Int, Point)] {
        let n = members.count
        var localIndex: [Int: Int] = [:]
        for (k, m) in members.enumerated() { localIndex[m] = k }
        var succ = Array(repeating: [Int](), count: n)
        var pred = Array(repeating: [Int](), count: n)
        var seen = Set<Int>()
        // Edges with labels, in local indices: (from, to, columns).
        var labelled: [(Int, Int, Int)] = []
        for (e, (u, v)) in edges.enumerated() {
            guard let a = localIndex[u], let b = localIndex[v], a != b else { continue }
            if let w = labels?[e], w > 0 { labelled.append((a, b, w)) }
            guard seen.insert(a * n + b).inserted else { continue }
            succ[a].append(b)
        }
        breakCycles(&succ)
        for a in 0..<n { for b in succ[a] { pred[b].append(a) } }

        let layer = assignLayers(succ: succ, pred: pred)
        let layerCount = (layer.max() ?? 0) + 1
        var layers = Array(repeating: [Int](), count: layerCount)
        for v in 0..<n { layers[layer[v]].append(v) }
        order(&layers, succ: succ, pred: pred)

        if n > 24, let rows = compactRows(layers, members: members, sizes: sizes, layerGap: layerGap) { return rows }
        // The gap after a layer (or column): the room the widest label leaving it needs, at least
        // `layerGap`. Without `labels` the caller sized `layerGap` for the longest label.
        let gapAfter = { (l: [Int]) -> Int in
            let inside = Set(l)
            let widest = labelled.lazy.filter { inside.contains($0.0) && !inside.contains($0.1) }.map(\.2).max() ?? 0
            return widest == 0 ? layerGap : max(layerGap, widest + LayeredLayout.Spacing.labelPadding)
        }
        if case .columns(let height) = direction {
            return columns(layers, members: members, sizes: sizes, pred: pred, height: height, gapAfter: gapAfter)
        }

        // Along = the axis layers advance on; across = the axis inside a layer.
        let along: (Size) -> Int = direction == .leftToRight ? { $0.width } : { $0.height }
        let across: (Size) -> Int = direction == .leftToRight ? { $0.height } : { $0.width }
        let gapAcross = direction == .leftToRight ? LayeredLayout.nodeGap : LayeredLayout.nodeGap * 3
        let gapAlong = direction == .leftToRight ? layerGap : LayeredLayout.layerGap / 2 + 1
        var alongPos = Array(repeating: 0, count: n)
        var acrossPos = Array(repeating: 0, count: n)
        var cursor = 0
        for l in layers {
            let thickness = l.map { along(sizes[members[$0]]) }.max() ?? 0
            for v in l { alongPos[v] = cursor }
            cursor += thickness + (direction == .leftToRight ? gapAfter(l) : gapAlong)
        }
        for (li, l) in layers.enumerated() {
            var next = 0
            for v in l {
                let s = across(sizes[members[v]])
                var want = next
                if li > 0, !pred[v].isEmpty {
                    let centre = pred[v].map { acrossPos[$0] + across(sizes[members[$0]]) / 2 }.reduce(0, +) / pred[v].count
                    want = max(next, centre - s / 2)
                }
                acrossPos[v] = want
                next = want + s + gapAcross
            }
        }
        return (0..<n).map { v in
            (members[v], direction == .leftToRight ? Point(x: alongPos[v], y: acrossPos[v]) : Point(x: acrossPos[v], y: alongPos[v]))
        }
    }

    /// Rows between two layers stacked in one column: a line, its label beside it, the arrowhead.
    static let columnRowGap = 3

    /// Layers left to right, but consecutive layers share a column, one below the other, while
    /// the column stays within `height` rows; each layer's nodes stack downwards. A column's
    /// first nodes sit level with the mean of their predecessors, kept within `height` rows.
    static func columns(_ layers: [[Int]], members: [Int], sizes: [Size], pred: [[Int]], height: Int,
                        gapAfter: ([Int]) -> Int) -> [(Int, Point)] {
        let size = { (v: Int) in sizes[members[v]] }
        let stacked = { (l: [Int]) in
            l.reduce(0) { $0 + size($1).height } + LayeredLayout.nodeGap * max(0, l.count - 1)
        }
        var groups: [[Int]] = [] // layer indices per column
        var used = 0
        for (li, l) in layers.enumerated() {
            let h = stacked(l)
            if let last = groups.indices.last, used + columnRowGap + h <= height {
                groups[last].append(li); used += columnRowGap + h
            } else {
                groups.append([li]); used = h
            }
        }
        var pos = Array(repeating: Point.zero, count: members.count)
        var x = 0
        for g in groups {
            let nodes = g.flatMap { layers[$0] }
            var y = 0
            for (k, li) in g.enumerated() {
                for v in layers[li] {
                    var want = y
                    if k == 0, !pred[v].isEmpty {
                        let centre = pred[v].map { pos[$0].y + size($0).height / 2 }.reduce(0, +) / pred[v].count
                        want = max(y, min(centre - size(v).height / 2, height - size(v).height))
                    }
                    pos[v] = Point(x: x, y: want)
                    y = want + size(v).height + LayeredLayout.nodeGap
                }
                y += columnRowGap - LayeredLayout.nodeGap
            }
            x += (nodes.map { size($0).width }.max() ?? 0) + gapAfter(nodes)
        }
        return pos.indices.map { (members[$0], pos[$0]) }
    }

    /// For big groups whose layers would make a drawing far wider than tall (a random graph of
    /// a thousand nodes has a hundred layers), the nodes go in reading order, layer by layer,
    /// into rows about as wide as the drawing is tall (in screen proportions, cells being twice
    /// as tall as wide). Neighbours stay near each other, so arrows stay short. Nil when the
    /// layered drawing is already compact enough.
    static func compactRows(_ layers: [[Int]], members: [Int], sizes: [Size], layerGap: Int) -> [(Int, Point)]? {
        let rowGap = 3
        var area = 0, layeredWidth = 0, layeredHeight = 0
        for l in layers {
            layeredWidth += (l.map { sizes[members[$0]].width }.max() ?? 0) + layerGap
            layeredHeight = max(layeredHeight, l.reduce(0) { $0 + sizes[members[$1]].height + LayeredLayout.nodeGap })
            for v in l { let s = sizes[members[v]]; area += (s.width + layerGap) * (s.height + rowGap) }
        }
        let target = max(120, Int((Double(area) * 2).squareRoot()))
        guard layeredWidth > target * 2 || layeredHeight * 4 > target * 2 else { return nil }
        // Columns of one pitch line up from row to row, so the gaps between them form straight
        // channels through the whole drawing: long arrows run down them without detours.
        // As many columns as make the drawing about twice as wide as tall, in cells.
        let all = Array(layers.joined())
        let widest = all.map { sizes[members[$0]].width }.max() ?? 1
        let pitch = widest + layerGap
        let rowPitch = Double(all.map { sizes[members[$0]].height }.reduce(0, +)) / Double(max(1, all.count)) + Double(rowGap)
        let columns = max(1, Int((2 * Double(all.count) * rowPitch / Double(pitch)).squareRoot().rounded()))
        // Each layer fills a band of rows, column by column: the k-th of a layer's n nodes goes to
        // the column at k/n of the width in every band, so a node and its neighbours in the next
        // layer (which the ordering put at about the same fraction) share a column and the arrows
        // between bands run short and straight. (Filling rows in reading order sent arrows
        // between layers of different sizes to random columns: at 10,000 components three
        // quarters of the drawing's line cells.)
        var out: [(Int, Point)] = []
        // Many small layers (a long chain) would give one mostly empty band each: then reading
        // order, rows filled layer after layer, as before.
        let bandRowCount = layers.reduce(0) { $0 + ($1.count + columns - 1) / columns }
        if bandRowCount * 2 > ((all.count + columns - 1) / columns) * 3 {
            var column = 0, y = 0, rowHeight = 0
            for v in all {
                let s = sizes[members[v]]
                if column == columns { column = 0; y += rowHeight + rowGap; rowHeight = 0 }
                out.append((members[v], Point(x: column * pitch, y: y)))
                column += 1
                rowHeight = max(rowHeight, s.height)
            }
            return out
        }
        var y = 0
        for l in layers where !l.isEmpty {
            let bandRows = (l.count + columns - 1) / columns
            var heights = Array(repeating: 0, count: bandRows)
            for (k, v) in l.enumerated() { heights[k % bandRows] = max(heights[k % bandRows], sizes[members[v]].height) }
            var rowY = Array(repeating: y, count: bandRows)
            for r in 1..<max(1, bandRows) { rowY[r] = rowY[r - 1] + heights[r - 1] + rowGap }
            // A layer with fewer nodes than columns spreads them over the width.
            let used = (l.count + bandRows - 1) / bandRows
            for (k, v) in l.enumerated() {
                out.append((members[v], Point(x: (k / bandRows) * columns / used * pitch, y: rowY[k % bandRows])))
            }
            y = rowY[bandRows - 1] + heights[bandRows - 1] + rowGap
        }
        return out
    }

    /// Reverses back edges found by an iterative depth-first search, so the graph is acyclic.
    static func breakCycles(_ succ: inout [[Int]]) {
        let n = succ.count
        var state = Array(repeating: 0, count: n) // 0 new, 1 on stack, 2 done
        var reversed: [(Int, Int)] = []
        for root in 0..<n where state[root] == 0 {
            var stack: [(Int, Int)] = [(root, 0)]
            state[root] = 1
            while let (v, k) = stack.last {
                if k < succ[v].count {
                    stack[stack.count - 1].1 += 1
                    let w = succ[v][k]
                    if state[w] == 0 { state[w] = 1; stack.append((w, 0)) } else if state[w] == 1 { reversed.append((v, w)) }
                } else {
                    state[v] = 2; stack.removeLast()
                }
            }
        }
        for (v, w) in reversed {
            succ[v].removeAll { $0 == w }
            if !succ[w].contains(v) { succ[w].append(v) }
        }
    }

    /// Longest path from the sources, then each source moved up next to its nearest target.
    static func assignLayers(succ: [[Int]], pred: [[Int]]) -> [Int] {
        let n = succ.count
        var indegree = pred.map(\.count)
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var layer = Array(repeating: 0, count: n)
        var head = 0
        var topo: [Int] = []
        while head < queue.count {
            let v = queue[head]; head += 1
            topo.append(v)
            for w in succ[v] {
                layer[w] = max(layer[w], layer[v] + 1)
                indegree[w] -= 1
                if indegree[w] == 0 { queue.append(w) }
            }
        }
        for v in topo.reversed() where pred[v].isEmpty && !succ[v].isEmpty {
            layer[v] = max(layer[v], (succ[v].map { layer[$0] }.min() ?? 1) - 1)
        }
        return layer
    }

    /// Barycenter sweeps, down then up, to reduce crossings.
    static func order(_ layers: inout [[Int]], succ: [[Int]], pred: [[Int]]) {
        let n = succ.count
        var pos = Array(repeating: 0, count: n)
        func index() { for l in layers { for (i, v) in l.enumerated() { pos[v] = i } } }
        index()
        for sweep in 0..<4 {
            let down = sweep % 2 == 0
            let range: [Int] = down ? Array(layers.indices.dropFirst()) : Array(layers.indices.dropLast().reversed())
            for li in range {
                let keyed = layers[li].map { v -> (Double, Int) in
                    let nb = down ? pred[v] : succ[v]
                    guard !nb.isEmpty else { return (Double(pos[v]), v) }
                    return (Double(nb.map { pos[$0] }.reduce(0, +)) / Double(nb.count), v)
                }
                layers[li] = keyed.sorted { ($0.0, pos[$0.1]) < ($1.0, pos[$1.1]) }.map(\.1)
                for (i, v) in layers[li].enumerated() { pos[v] = i }
            }
        }
    }
}
