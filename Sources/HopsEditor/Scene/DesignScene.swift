import HopsCanvas
import HopsDesign
import HopsFlow

/// The adapter from a design to what the canvas draws: one box per component, styled from the
/// catalog, one edge per connection, styled by what it means. Index maps lead back to ids.
public struct DesignScene: Sendable {
    public var scene: Scene
    /// Box index → component id, and back.
    public let boxIDs: [String]
    public let boxIndex: [String: Int]
    /// Edge index → connection id.
    public let edgeIDs: [String]
    /// Connection id → edge index: a hop finds its arrow every frame.
    public let edgeIndex: [String: Int]

    /// `flow` says which Pod replicas are down (drawn `x` in the replica strip).
    /// `hiddenInside` counts what each folded box holds out of sight (see ShownDesign).
    public init(design: Design, catalog: Catalog, rects: [String: Rect], glyphs: GlyphSet, flow: FlowState = FlowState(),
                hiddenInside: [String: Int] = [:]) {
        var index: [String: Int] = [:]
        for (i, c) in design.components.enumerated() { index[c.id] = i }
        var boxes: [SceneBox] = []
        boxes.reserveCapacity(design.components.count)
        let managed = FlowEngine.managedInstances(in: design, state: flow)
        for c in design.components {
            let info = catalog.info(c.kind)
            var color = CellStyle(fg: Color(name: info?.color ?? "default") ?? .none)
            if c.kind == .user { color.attrs.insert(.bold) }
            let replicas = managed[c.id]
            boxes.append(SceneBox(
                rect: rects[c.id] ?? Rect(x: 0, y: 0, width: 8, height: 3),
                parent: c.parent.flatMap { index[$0] },
                // A component an import found referenced but not defined is drawn dashed.
                border: DesignScene.lineStyle(c.properties["missing"]?.bool == true ? "dashed" : info?.border),
                color: color,
                tag: info?.tag ?? c.kind.rawValue.lowercased(),
                title: c.name,
                lines: BoxText.lines(c, ascii: glyphs.isASCII, replicas: replicas, hiding: hiddenInside[c.id]),
                stack: replicas.map { max(0, $0.count - 1) } ?? 0))
        }
        var edges: [SceneEdge] = []
        var edgeIDs: [String] = []
        let labels = design.shownLabels()
        for (k, label) in zip(design.connections, labels) {
            guard let f = index[k.from], let t = index[k.to] else { continue }
            edges.append(SceneEdge(from: f, to: t, style: DesignScene.edgeStyle(k.kind), color: DesignScene.edgeColor(k.kind),
                                   label: label))
            edgeIDs.append(k.id)
        }
        scene = Scene(boxes: boxes, edges: edges)
        boxIDs = design.components.map(\.id)
        boxIndex = index
        self.edgeIDs = edgeIDs
        var edgeIndex: [String: Int] = [:]
        for (i, id) in edgeIDs.enumerated() { edgeIndex[id] = i }
        self.edgeIndex = edgeIndex
    }

    static func lineStyle(_ name: String?) -> LineStyle {
        switch name {
        case "heavy": .heavy
        case "double": .double
        case "rounded": .rounded
        case "dashed": .dashed
        default: .light
        }
    }

    /// Traffic is solid; relationships that carry no requests are dashed.
    static func edgeStyle(_ k: ConnectionKind) -> LineStyle {
        switch k {
        case .traffic, .selects: .light
        case .manages, .mounts, .annotation: .dashed
        }
    }

    static func edgeColor(_ k: ConnectionKind) -> CellStyle {
        switch k {
        case .traffic: CellStyle()
        case .selects: CellStyle(fg: .cyan)
        case .manages: CellStyle(fg: .blue)
        case .mounts: CellStyle(fg: .magenta)
        case .annotation: CellStyle(attrs: .dim)
        }
    }
}
