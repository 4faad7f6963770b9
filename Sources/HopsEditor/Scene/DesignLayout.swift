import HopsCanvas
import HopsDesign
import HopsFlow

/// Where every component's box stands: saved positions and sizes are kept (boxes still grow to
/// fit their text and children); the rest is placed by the layered layout.
public enum DesignLayout {
    /// Rectangles by component id. `maxWidth` asks the auto-layout to fit that many columns;
    /// with `maxHeight` as well it tries to fit a screen of that many cells (see LayeredLayout).
    public static func rects(_ design: Design, catalog: Catalog, glyphs: GlyphSet = .unicode, maxWidth: Int? = nil,
                             maxHeight: Int? = nil, ignoreSaved: Bool = false,
                             hiddenInside: [String: Int] = [:]) -> [String: Rect] {
        let plan = Plan(design, catalog: catalog, glyphs: glyphs, ignoreSaved: ignoreSaved, hiddenInside: hiddenInside)
        let rects = plan.rects(maxWidth: maxWidth, maxHeight: maxHeight)
        var out: [String: Rect] = [:]
        for (i, c) in design.components.enumerated() { out[c.id] = rects[i] }
        return out
    }

    /// What the layout works from, worked out once: each box's least size (its text, replicas
    /// and saved size), its parent and saved position, and the arrows with their labels' widths.
    /// Spreading overlapping boxes lays a design out again after every move, with only
    /// positions changed (`nodes[i].fixed`).
    struct Plan {
        var nodes: [LayoutNode]
        let edges: [(Int, Int)]
        let labelWidths: [Int]
        let gap: Int

        init(_ design: Design, catalog: Catalog, glyphs: GlyphSet = .unicode, ignoreSaved: Bool = false,
             hiddenInside: [String: Int] = [:]) {
            var index: [String: Int] = [:]
            for (i, c) in design.components.enumerated() { index[c.id] = i }
            let managed = FlowEngine.managedInstances(in: design, state: FlowState())
            nodes = design.components.map { c -> LayoutNode in
                let lines = BoxText.lines(c, ascii: glyphs.isASCII, replicas: managed[c.id], hiding: hiddenInside[c.id])
                var size = SceneBox.minimumSize(tag: catalog.info(c.kind)?.tag ?? "", title: c.name, lines: lines)
                if let s = c.size, !ignoreSaved {
                    size = Size(width: max(size.width, s.width), height: max(size.height, s.height))
                }
                let fixed = ignoreSaved ? nil : c.position.map { Point(x: $0.x, y: $0.y) }
                // The stacked copies drawn behind a Pod with replicas (Painter draws at most two).
                let shadow = managed[c.id].map { min(2, max(0, $0.count - 1)) } ?? 0
                return LayoutNode(minSize: size, parent: c.parent.flatMap { index[$0] }, fixed: fixed,
                                  headerRows: 1 + lines.count, shadow: shadow)
            }
            var edges: [(Int, Int)] = []
            var labelWidths: [Int] = []
            for (k, label) in zip(design.connections, design.shownLabels()) {
                guard let f = index[k.from], let t = index[k.to] else { continue }
                edges.append((f, t))
                // The painter shows at most 24 columns of a label.
                labelWidths.append(min(24, DisplayWidth.of(label ?? "")))
            }
            self.edges = edges
            self.labelWidths = labelWidths
            // Room between layers for the longest edge label, so labels show.
            gap = max(LayeredLayout.layerGap, (labelWidths.max() ?? 0) + 4)
        }

        /// Rectangles in design order.
        func rects(maxWidth: Int? = nil, maxHeight: Int? = nil) -> [Rect] {
            LayeredLayout.layout(nodes, edges: edges, maxWidth: maxWidth, maxHeight: maxHeight, layerGap: gap,
                                 labelWidths: labelWidths)
        }
    }
}
