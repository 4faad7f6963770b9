import HopsCanvas
import HopsDesign
import HopsInput
import HopsText

extension Editor {
    func startAdd() -> [Effect] {
        mode = .add(filter: TextField(), choice: 0)
        return []
    }

    /// Kinds offered by the palette for the current filter text.
    func paletteChoices(_ filter: String) -> [KindInfo] { catalog.matching(filter) }

    func movePaletteChoice(_ delta: Int) -> [Effect] {
        guard case .add(let filter, let choice) = mode else { return [] }
        let count = paletteChoices(filter.text).count
        mode = .add(filter: filter, choice: max(0, min(choice + delta, count - 1)))
        return []
    }

    func addChosenKind() -> [Effect] {
        guard case .add(let filter, let choice) = mode else { return [] }
        let choices = paletteChoices(filter.text)
        guard !choices.isEmpty else { message = "no kind matches \"\(filter.text)\""; return [] }
        mode = .normal
        return add(choices[min(choice, choices.count - 1)].kind)
    }

    /// Typing changes the filter, and a changed filter starts again from its first kind.
    func typeIntoPaletteFilter(_ k: Key) -> [Effect] {
        guard case .add(var filter, let choice) = mode else { return [] }
        let before = filter.text
        filter.handle(k)
        mode = .add(filter: filter, choice: filter.text == before ? choice : 0)
        return []
    }

    /// Adds a component of `kind`: inside the selection when the selection may hold that kind
    /// (a container into a Pod), else beside the selection, in the same parent when that parent
    /// may hold it. It lands on free canvas and becomes the selection.
    func add(_ kind: Kind) -> [Effect] {
        var d = design
        let info = catalog.info(kind)
        let stem = kind == .container ? "app" : (kind == .user ? "user" : (info?.tag.isEmpty == false ? info!.tag : kind.rawValue.lowercased()))
        let id = d.freshID(stem)
        var parent: String? = nil
        var spot = Point(x: 2, y: 1)
        if let sel = selection, let selComp = d.component(sel), let sr = cache.rects[sel] {
            if catalog.canContain(selComp.kind, kind) {
                parent = sel
                spot = spotInside(sel, rect: sr)
            } else {
                if let p = selComp.parent, let pc = d.component(p), catalog.canContain(pc.kind, kind) { parent = p }
                spot = Point(x: sr.maxX + LayeredLayoutGap.between, y: sr.y)
            }
        } else if let b = design.components.isEmpty ? nil : Optional(cache.scene.bounds) {
            spot = Point(x: b.x, y: b.maxY + 2)
        }
        var c = Component(id: id, kind: kind, name: d.freshName(stem), parent: parent, position: Position(x: spot.x, y: spot.y),
                          properties: info?.defaults ?? [:])
        if kind == .note { c.text = "" }
        if kind == .pod {
            // A template carries its workload's selector as labels (a cluster refuses one that does
            // not match); a Pod of its own gets its own name, so no Service or ReplicaSet that
            // selects the catalog's app=web takes it by accident.
            let holder = parent.flatMap { d.component($0) }
            if let w = holder, w.kind.managesPods {
                if !w.selector.isEmpty { c.labels = w.selector }
            } else {
                c.labels = ["app": c.name]
            }
        }
        let size = SceneBox.minimumSize(tag: info?.tag ?? "", title: c.name, lines: BoxText.lines(c, ascii: glyphs.isASCII))
        c.position = freeSpot(near: spot, size: size, parent: parent)
        d.components.append(c)
        message = "added \(kind.rawValue) \(SafeText.escape(c.name))" // commit adds what made room for it
        let fx = commit(d, selecting: .some(id))
        if let r = cache.rects[id] { bringIntoView(r) }
        return fx
    }

    /// Where a new child of `group` (drawn at `rect`) goes: right of what it holds (`except`
    /// aside), else below its header.
    func spotInside(_ group: String, rect: Rect, except: String? = nil) -> Point {
        let kids = design.children(of: group).filter { $0.id != except }.compactMap { cache.rects[$0.id] }
        if let right = kids.max(by: { $0.maxX < $1.maxX }) {
            return Point(x: right.maxX + LayeredLayoutGap.between, y: kids.map(\.y).min()!)
        }
        let header = cache.designScene.boxIndex[group].map { cache.scene.boxes[$0].headerRows } ?? 1
        return Point(x: rect.x + 2, y: rect.y + header + 2)
    }

    /// The first place at or below `p` where a box of `size` overlaps no sibling.
    func freeSpot(near p: Point, size: Size, parent: String?) -> Position {
        let siblings = design.components.filter { $0.parent == parent }.compactMap { cache.rects[$0.id] }
        var r = Rect(origin: p, size: size)
        for _ in 0..<500 {
            guard let hit = siblings.first(where: { $0.insetBy(-1).intersects(r) }) else { break }
            r.origin.y = hit.maxY + 2
        }
        return Position(x: r.x, y: r.y)
    }
}

/// Spacing used when the editor places boxes by hand: the same room for arrows as the layout.
enum LayeredLayoutGap {
    static let between = LayeredLayout.layerGap
}
