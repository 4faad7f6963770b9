/// One thing to place: its own minimum size, its enclosing node, and a saved position (absolute,
/// in canvas cells) that the layout keeps.
public struct LayoutNode: Sendable {
    public var minSize: Size
    public var parent: Int?
    public var fixed: Point?
    /// Rows inside the node above its children (title and lines).
    public var headerRows: Int
    /// Cells the node's drawing reaches beyond its rectangle, right and down (the stacked
    /// copies behind a Pod with replicas): kept clear of its siblings and inside its parent.
    public var shadow: Int
    public init(minSize: Size, parent: Int? = nil, fixed: Point? = nil, headerRows: Int = 1, shadow: Int = 0) {
        self.minSize = minSize; self.parent = parent; self.fixed = fixed; self.headerRows = headerRows; self.shadow = shadow
    }
}

/// Which way layers advance. `columns` is left to right with consecutive layers stacked in one
/// column while it stays within `height` rows: a short chain of layers then takes the width of
/// its widest node instead of the sum of all of them.
public enum LayoutDirection: Sendable, Equatable { case leftToRight, topToBottom, columns(height: Int) }

/// Sugiyama-style layered layout, nested: the inside of each container is laid out first and
/// the container then counts as one box (DESIGN.md). Steps per level: break cycles by DFS,
/// longest-path layers with sources pulled next to their targets, barycenter ordering sweeps,
/// then coordinates that put each node level with the mean of its predecessors. Long edges get
/// no virtual nodes; the router draws them afterwards.
public enum LayeredLayout {
    /// Cells between layers (room for arrows to turn) and between nodes of one layer.
    public static let layerGap = 6
    public static let nodeGap = 2
    /// Above this many nodes no folded layout is tried to fit a screen: a screen cannot show
    /// them anyway, and each try is a whole layout.
    static let foldLimit = 200

    /// Rectangles for every node, absolute. Nodes with a saved position keep it (a child's only
    /// when its parent's is saved too); others are laid out, below the saved ones.
    /// `layerGap` is the room between layers in cells (wider for long edge labels).
    /// With `maxHeight` too (a screen: `maxWidth` by `maxHeight` cells), a drawing that does not
    /// fit either way is tried once more in `columns`, with each gap only as wide as the labels
    /// crossing it (`labelWidths`, columns per edge); that one is taken when it fits, or when it
    /// leaves fewer cells off screen.
    public static func layout(_ nodes: [LayoutNode], edges: [(Int, Int)], direction: LayoutDirection = .leftToRight,
                              maxWidth: Int? = nil, maxHeight: Int? = nil, layerGap: Int = LayeredLayout.layerGap,
                              labelWidths: [Int] = []) -> [Rect] {
        let roomy = arrange(nodes, edges: edges, direction: direction, maxWidth: maxWidth,
                            spacing: Spacing(layerGap: layerGap))
        // Only what has no saved position can move to fit.
        guard let maxWidth, let maxHeight, nodes.count <= foldLimit, nodes.contains(where: { $0.fixed == nil }) else {
            return roomy.rects
        }
        let fits = { (s: Size) in s.width <= maxWidth && s.height <= maxHeight }
        guard !fits(roomy.extent) else { return roomy.rects }
        let labels = edges.indices.map { labelWidths.indices.contains($0) ? labelWidths[$0] : 0 }
        let tight = Spacing(layerGap: LayeredLayout.layerGap, labels: labels)
        let folded = arrange(nodes, edges: edges, direction: .columns(height: maxHeight), maxWidth: nil, spacing: tight)
        if fits(folded.extent) { return folded.rects }
        // Neither fits: the one that leaves the fewest cells off screen (a short canvas, as in
        // the tour's, sees more of a folded drawing a few rows too tall than of a tall column).
        let hidden = { (s: Size) in s.width * s.height - min(s.width, maxWidth) * min(s.height, maxHeight) }
        return hidden(folded.extent) < hidden(roomy.extent) ? folded.rects : roomy.rects
    }

    /// Room between layers: `layerGap`, or with `labels` (columns per edge) each gap as wide as
    /// the widest label leaving that layer needs (see `labelPadding`).
    struct Spacing {
        var layerGap: Int
        var labels: [Int]?
        /// A label's line on each side and the arrowhead: `├─label─▶│`.
        static let labelPadding = 3
    }

    /// One whole layout: the rectangles and the size of the top level, replica shadows included.
    private static func arrange(_ nodes: [LayoutNode], edges: [(Int, Int)], direction: LayoutDirection,
                                maxWidth: Int?, spacing: Spacing) -> (rects: [Rect], extent: Size) {
        let n = nodes.count
        var children = Array(repeating: [Int](), count: n)
        var roots: [Int] = []
        for i in 0..<n { if let p = nodes[i].parent { children[p].append(i) } else { roots.append(i) } }

        // Lift every edge to the level where both ends are siblings, with its label's width.
        var groupEdges: [Int: [GroupEdge]] = [:] // key: parent index, or -1 for top level
        let chains = (0..<n).map { chain(of: $0, nodes) }
        for (e, (u, v)) in edges.enumerated() where u != v && u < n && v < n {
            let cu = chains[u], cv = chains[v] // from root down to the node
            var k = 0
            while k < cu.count && k < cv.count && cu[k] == cv[k] { k += 1 }
            guard k < cu.count, k < cv.count else { continue } // one contains the other
            let key = k == 0 ? -1 : cu[k - 1]
            groupEdges[key, default: []].append(GroupEdge(from: cu[k], to: cv[k], label: spacing.labels?[e] ?? 0))
        }

        var size = nodes.map(\.minSize)
        // What placement works with: each node with its shadow.
        var outer = nodes.map { Size(width: $0.minSize.width + $0.shadow, height: $0.minSize.height + $0.shadow) }
        var rel = Array(repeating: Point.zero, count: n)
        // Bottom-up: deepest containers first.
        let depth = chains.map { $0.count }
        let containers = (0..<n).filter { !children[$0].isEmpty }.sorted { depth[$0] > depth[$1] }
        for c in containers {
            let inner = innerOffset(nodes[c])
            let placed = place(children[c], edges: groupEdges[c] ?? [], sizes: outer, nodes: nodes,
                               fixedOrigin: nodes[c].fixed.map { $0 + inner }, direction: .leftToRight,
                               spacing: spacing)
            var bottomRight = Point.zero
            for (i, p) in placed {
                rel[i] = p
                bottomRight.x = max(bottomRight.x, p.x + outer[i].width)
                bottomRight.y = max(bottomRight.y, p.y + outer[i].height)
            }
            size[c].width = max(size[c].width, inner.x + bottomRight.x + 2)
            size[c].height = max(size[c].height, inner.y + bottomRight.y + 2)
            outer[c] = Size(width: size[c].width + nodes[c].shadow, height: size[c].height + nodes[c].shadow)
        }
        var top = place(roots, edges: groupEdges[-1] ?? [], sizes: outer, nodes: nodes, fixedOrigin: .zero,
                        direction: direction, spacing: spacing)
        if let maxWidth, direction == .leftToRight, extent(top, outer).width > maxWidth {
            let alt = place(roots, edges: groupEdges[-1] ?? [], sizes: outer, nodes: nodes, fixedOrigin: .zero,
                            direction: .topToBottom, spacing: spacing)
            if extent(alt, outer).width < extent(top, outer).width { top = alt }
        }
        for (i, p) in top { rel[i] = p }

        // Top-down: absolute positions.
        var rects = Array(repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: n)
        func assign(_ i: Int, _ origin: Point) {
            rects[i] = Rect(origin: origin, size: size[i])
            let inner = origin + innerOffset(nodes[i])
            for c in children[i] { assign(c, inner + rel[c]) }
        }
        for r in roots { assign(r, rel[r]) }
        return (rects, extent(top, outer))
    }

    /// An edge between two members of one group, and the columns its label takes.
    struct GroupEdge { var from: Int; var to: Int; var label: Int }

    /// Where children start inside a container: after the border, a padding column, the
    /// header rows and a blank row.
    public static func innerOffset(_ node: LayoutNode) -> Point { Point(x: 2, y: node.headerRows + 2) }

    private static func chain(of i: Int, _ nodes: [LayoutNode]) -> [Int] {
        var out = [i]
        var p = nodes[i].parent
        while let q = p, out.count <= nodes.count { out.append(q); p = nodes[q].parent }
        return out.reversed()
    }

    private static func extent(_ placed: [(Int, Point)], _ size: [Size]) -> Size {
        var w = 0, h = 0
        for (i, p) in placed { w = max(w, p.x + size[i].width); h = max(h, p.y + size[i].height) }
        return Size(width: w, height: h)
    }

    /// Positions of `members` relative to their group's origin. Members with saved positions
    /// keep them (when `fixedOrigin` says where the group's origin is on the canvas).
    private static func place(_ members: [Int], edges: [GroupEdge], sizes: [Size], nodes: [LayoutNode],
                              fixedOrigin: Point?, direction: LayoutDirection, spacing: Spacing) -> [(Int, Point)] {
        var out: [(Int, Point)] = []
        var free: [Int] = []
        var fixedBottom = 0
        for m in members {
            if let origin = fixedOrigin, let f = nodes[m].fixed {
                let p = Point(x: max(0, f.x - origin.x), y: max(0, f.y - origin.y))
                out.append((m, p))
                fixedBottom = max(fixedBottom, p.y + sizes[m].height + nodeGap)
            } else {
                free.append(m)
            }
        }
        guard !free.isEmpty else { return out }
        let freeSet = Set(free)
        let local = edges.filter { freeSet.contains($0.from) && freeSet.contains($0.to) }
        let labels = spacing.labels == nil ? nil : local.map(\.label)
        let auto = Layering.positions(free, edges: local.map { ($0.from, $0.to) }, sizes: sizes, direction: direction,
                                      layerGap: spacing.layerGap, labels: labels)
        for (m, p) in auto { out.append((m, Point(x: p.x, y: p.y + fixedBottom))) }
        return out
    }
}
