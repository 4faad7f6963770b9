/// What the canvas draws: boxes (maybe nested) and edges between them. It knows rectangles and
/// styles, not Kubernetes; the editor's adapter turns a design into a scene.
public struct Scene: Sendable {
    public var boxes: [SceneBox]
    public var edges: [SceneEdge]
    public init(boxes: [SceneBox] = [], edges: [SceneEdge] = []) { self.boxes = boxes; self.edges = edges }

    /// The rectangle holding every box.
    /// (Box by box through a buffer: copying each box for its rectangle retained its strings,
    /// and an editor asks this after every move of a big design.)
    public var bounds: Rect {
        boxes.withUnsafeBufferPointer { boxes in
            var b = Rect(x: 0, y: 0, width: 0, height: 0)
            for i in boxes.indices { b = b.union(boxes[i].rect) }
            return b
        }
    }

    /// Strict ancestors of box `i`, nearest first.
    public func ancestors(of i: Int) -> [Int] {
        var out: [Int] = []
        var p = boxes[i].parent
        while let q = p, out.count <= boxes.count { out.append(q); p = boxes[q].parent }
        return out
    }

    public func depth(of i: Int) -> Int { ancestors(of: i).count }

    /// Every cell a drawing of the scene uses: boxes, the stacked copies behind them (the
    /// painter draws at most two), and the routes.
    public func drawnBounds(routes: [Route?]) -> Rect {
        var b = bounds
        boxes.withUnsafeBufferPointer { boxes in
            for i in boxes.indices where boxes[i].stack > 0 {
                let k = min(boxes[i].stack, 2)
                b = b.union(boxes[i].rect.offsetBy(dx: k, dy: k))
            }
        }
        routes.withUnsafeBufferPointer { routes in
            for i in routes.indices { if let r = routes[i]?.bounds { b = b.union(r) } }
        }
        return b
    }
}

public struct SceneBox: Sendable {
    /// Where the box stands, border included, in canvas cells.
    public var rect: Rect
    /// Index of the enclosing box in `Scene.boxes`, nil at top level.
    public var parent: Int?
    public var border: LineStyle
    /// Colour of the border and tag.
    public var color: CellStyle
    /// A short kind tag shown in the top border (`svc`, `deploy`).
    public var tag: String
    /// The first line inside, drawn bold.
    public var title: String
    /// Further lines inside, drawn dim.
    public var lines: [String]
    /// How many stacked copies to draw behind the box (replicas), 0 for none.
    public var stack: Int
    /// Picked out (a lesson's highlight): the tag is drawn between marks, `┌▸svc◂──┐`.
    public var marked = false

    public init(rect: Rect, parent: Int? = nil, border: LineStyle = .light, color: CellStyle = .plain,
                tag: String = "", title: String = "", lines: [String] = [], stack: Int = 0) {
        self.rect = rect; self.parent = parent; self.border = border; self.color = color
        self.tag = tag; self.title = title; self.lines = lines; self.stack = stack
    }

    /// Rows inside the box above any children: title and lines.
    public var headerRows: Int { 1 + lines.count }

    /// Where the title (k = 0) and the lines are drawn: from two cells in, at most `width - 4`
    /// columns, on the rows that fit above the bottom border. The painter draws text here and
    /// the router steers lines around it, so both ask this one place.
    public func forEachTextRow(_ body: (_ k: Int, _ text: String, _ origin: Point, _ columns: Int) -> Void) {
        let columns = rect.width - 4
        guard columns > 0 else { return }
        for k in 0...lines.count where rect.y + 1 + k < rect.maxY {
            body(k, k == 0 ? title : lines[k - 1], Point(x: rect.x + 2, y: rect.y + 1 + k), columns)
        }
    }

    /// The smallest size that shows the tag, title and lines, without children, in cells.
    public static func minimumSize(tag: String, title: String, lines: [String]) -> Size {
        let textWidth = max(DisplayWidth.of(title), lines.map { DisplayWidth.of($0) }.max() ?? 0)
        let tagWidth = tag.isEmpty ? 0 : DisplayWidth.of(tag) + 2
        return Size(width: max(textWidth + 4, tagWidth + 4, 8), height: 3 + lines.count)
    }
}

public struct SceneEdge: Sendable {
    public var from: Int
    public var to: Int
    public var style: LineStyle
    public var color: CellStyle
    public var label: String?
    public init(from: Int, to: Int, style: LineStyle = .light, color: CellStyle = .plain, label: String? = nil) {
        self.from = from; self.to = to; self.style = style; self.color = color; self.label = label
    }
}
