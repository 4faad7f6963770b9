import HopsCanvas
import HopsDesign
import HopsFlow
import HopsText

/// Folding a group to one box (`z`, `:fold`, `:unfold`) and hiding layers (`:hide`, `:show`):
/// the ways to work in a design far larger than the screen. A fold is part of the design
/// (saved, undone by `u`); layers are a view setting.
extension Editor {
    static let viewCommands: [EditorCommand] = [
        EditorCommand(name: "fold", usage: ":fold",
                      help: "fold the selected group (Namespace, Deployment, Pod...) to one box",
                      takesPath: false) { e, _, _ in
            e.setFold(true)
        },
        EditorCommand(name: "unfold", usage: ":unfold [all]",
                      help: "unfold the selected group, or every group", takesPath: false) { e, arg, _ in
            arg == "all" ? e.unfoldAll() : e.setFold(false)
        },
        EditorCommand(name: "hide", usage: ":hide LAYER...",
                      help: "hide kinds: configuration storage annotations autoscaling users, a kind, "
                          + "or manages/mounts/selects arrows",
                      takesPath: false) { e, arg, _ in
            e.changeLayers(arg, hide: true)
        },
        EditorCommand(name: "show", usage: ":show [LAYER...|all]",
                      help: "show hidden kinds again; alone, say which are hidden", takesPath: false) { e, arg, _ in
            guard arg != nil else { e.message = e.layersSummary(); return [] }
            return e.changeLayers(arg, hide: false)
        },
    ]

    func toggleFold() -> [Effect] {
        guard let sel = selection, let c = design.component(sel) else { message = "select a group to fold"; return [] }
        return setFold(c.properties[ShownDesign.foldedProperty]?.bool != true)
    }

    func setFold(_ fold: Bool) -> [Effect] {
        guard let sel = selection, let i = design.index(of: sel) else {
            message = "select a group to \(fold ? "fold" : "unfold")"; return []
        }
        let c = design.components[i]
        let name = "\(c.kind.rawValue) \(SafeText.escape(c.name))"
        let inside = design.descendants(of: sel).count
        guard inside > 0 else { message = "\(name) holds no components: nothing to fold"; return [] }
        let isFolded = c.properties[ShownDesign.foldedProperty]?.bool == true
        guard fold != isFolded else { message = "\(name) is \(fold ? "folded" : "not folded") already"; return [] }
        var d = design
        d.components[i].properties[ShownDesign.foldedProperty] = fold ? .bool(true) : nil
        let held = counted(inside, "component")
        message = fold ? "folded \(name): \(held) inside, its arrows meet at its border (z unfolds)"
                       : "unfolded \(name): \(held) inside"
        changeSummary = fold ? "folded \(name)" : "unfolded \(name)" // undo says "undone: folded ..."
        return commit(d)
    }

    func unfoldAll() -> [Effect] {
        var d = design
        var n = 0
        for i in d.components.indices where d.components[i].properties[ShownDesign.foldedProperty] != nil {
            d.components[i].properties[ShownDesign.foldedProperty] = nil
            n += 1
        }
        message = n == 0 ? "no group is folded" : "unfolded \(counted(n, "group"))"
        return commit(d)
    }

    /// `:hide configuration manages` or `:show all`.
    func changeLayers(_ arg: String?, hide: Bool) -> [Effect] {
        let words = (arg ?? "").split(separator: " ").map(String.init)
        guard !words.isEmpty else {
            message = "usage: :\(hide ? "hide" : "show") LAYER... (\(layerNames))"; return []
        }
        var next = layers
        for w in words {
            if !hide && w == "all" { next = Layers(); continue }
            if let k = ConnectionKind(rawValue: w.lowercased()) {
                if hide { next.hiddenConnections.insert(k) } else { next.hiddenConnections.remove(k) }
            } else if let kinds = kinds(named: w) {
                if hide { next.hiddenKinds.formUnion(kinds) } else { next.hiddenKinds.subtract(kinds) }
            } else {
                message = "no layer \(SafeText.escape(w)) (\(layerNames))"; return []
            }
        }
        guard next != layers else { message = layersSummary(); return [] }
        layers = next
        replaceDesign(design, undoable: true)
        if let s = selection, let r = cache.rects[s] { bringIntoView(r) } else { viewport.show(cache.drawnBounds) }
        keepingMessage { retrace() }
        message = layersSummary()
        return []
    }

    private var layerNames: String { Layers.groups.map(\.name).joined(separator: " ") + ", a kind, or an arrow kind" }

    /// A layer's kinds, or a kind by its catalog name or title, any case.
    private func kinds(named w: String) -> [Kind]? {
        let l = w.lowercased()
        if let g = Layers.groups.first(where: { $0.name == l }) { return g.kinds }
        let known = Set(catalog.kinds.map(\.kind) + design.components.map(\.kind))
        let match = known.filter { $0.rawValue.lowercased() == l || catalog.info($0)?.tag.lowercased() == l }
        return match.isEmpty ? nil : Array(match)
    }

    func layersSummary() -> String {
        if layers.isEmpty { return "every layer shown" }
        let kinds = layers.hiddenKinds.map(\.rawValue).sorted()
            + layers.hiddenConnections.map { "\($0.rawValue) arrows" }.sorted()
        let hidden = design.components.count - cache.shown.design.components.count - cache.shown.standIn.count
        return "hidden: \(kinds.joined(separator: ", ")) (\(counted(hidden, "component")); :show all brings them back)"
    }

    /// Says where a hop plays out of sight: inside a folded group (the packet stays on the
    /// group's box), or on a component of a hidden layer.
    func foldNote(_ hop: Hop) -> String? {
        for id in [hop.to, hop.from] {
            if let g = cache.shown.standIn[id], let c = design.component(g) {
                return "inside folded \(c.kind.rawValue) \(SafeText.escape(c.name)); z on it unfolds"
            }
            if cache.rects[id] == nil, let c = design.component(id) {
                return "\(c.kind.rawValue) \(SafeText.escape(c.name)) is on a hidden layer"
            }
        }
        return nil
    }

    /// Where the view is in the whole drawing, when the drawing is larger than the view:
    /// the view's top-left cell and the drawing's size, so a person never gets lost.
    /// While a big design's lines are still being routed, how many are left comes first.
    func positionText() -> String {
        let routing = cache.pendingLines > 0 ? "routing \(cache.pendingLines) lines  " : ""
        let b = cache.drawnBounds, v = Rect(origin: viewport.origin, size: viewport.size)
        let fits = v.contains(Point(x: b.x, y: b.y)) && v.contains(Point(x: b.maxX, y: b.maxY))
        guard !b.isEmpty, !fits else { return routing }
        let x = min(max(0, v.x - b.x), b.width), y = min(max(0, v.y - b.y), b.height)
        return routing + "\(glyphs.isASCII ? "@" : "⌖") \(x),\(y) of \(b.width)x\(b.height)  "
    }
}
