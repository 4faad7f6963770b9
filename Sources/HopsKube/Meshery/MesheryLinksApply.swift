import HopsDesign

/// Nesting and arrows from Meshery's relationships, and positions from pixels.
extension MesheryAssembly {
    /// A child goes inside its Meshery parent unless the builder already nested it (a Pod in
    /// its workload); an implied Namespace box gives way to the parent Meshery names.
    mutating func nest() {
        var index: [String: Int] = [:]
        for (i, c) in design.components.enumerated() where index[c.id] == nil { index[c.id] = i }
        /// True when `a` holds `b` (walking up from `b`, as nesting stands so far).
        func holds(_ a: String, _ b: String) -> Bool {
            var seen: Set<String> = [b]
            var up = index[b].flatMap { design.components[$0].parent }
            while let q = up, seen.insert(q).inserted {
                if q == a { return true }
                up = index[q].flatMap { design.components[$0].parent }
            }
            return false
        }
        for (child, parent) in parentOf.sorted(by: { $0.key < $1.key }) {
            guard let c = hopsID[child], let i = index[c] else { continue }
            guard let p = hopsID[parent] else {
                let steps = nodes[child]?.steps ?? []
                warn(steps, "the parent \(SafeText.escape(parent)) is not a component in the file; left at top level")
                continue
            }
            guard p != c, !holds(c, p) else { continue }
            if let old = design.components[i].parent,
               index[old].flatMap({ design.components[$0].properties["implied"]?.bool }) != true {
                continue
            }
            design.components[i].parent = p
        }
    }

    /// Edges become connections: Service → workload (`network`) is the Service selecting the
    /// workload's Pods, which inference has usually found already; the rest are arrows.
    mutating func connect() {
        // Looked up once and kept up to date: a big design has thousands of links.
        var kinds: [String: Kind] = [:]
        for c in design.components where kinds[c.id] == nil { kinds[c.id] = c.kind }
        var ids = IDPool(design)
        var existing: [String: Int] = [:]
        func key(_ from: String, _ to: String, _ kind: ConnectionKind) -> String {
            "\(from)\u{0}\(to)\u{0}\(kind.rawValue)"
        }
        for (k, c) in design.connections.enumerated() where existing[key(c.from, c.to, c.kind)] == nil {
            existing[key(c.from, c.to, c.kind)] = k
        }
        for l in read.links where l.isEdge {
            guard let from = hopsID[l.from], let to0 = hopsID[l.to] else {
                let missing = hopsID[l.from] == nil ? l.from : l.to
                warn(
                    l.steps,
                    "the \(l.type) relationship names \(SafeText.escape(missing)), "
                        + "which is not a component in the file; skipped")
                continue
            }
            let hinted = hints.connections[l.id]?["kind"]?.string.flatMap(ConnectionKind.init(rawValue:))
            let fromService = kinds[from] == .service
            let network = l.subType == "network" || l.type == "network"
            let kind =
                hinted ?? (network && fromService ? .selects : l.subType == "annotation" ? .annotation : .traffic)
            var to = to0
            if kind == .selects, let i = entryOfNode[l.to], let pod = entries[i].podID, kinds[pod] != nil {
                to = pod
            }
            let mark: JSONValue = .object(["id": .string(l.id)])
            if let k = existing[key(from, to, kind)] {
                design.connections[k].extra["meshery"] = mark
                if let label = l.label, hinted != nil { design.connections[k].label = label }
                continue
            }
            var id = hints.connections[l.id]?["id"]?.string ?? "\(from)-\(kind.rawValue)-\(to)"
            var n = 2
            while ids.contains(id) {
                id = "\(from)-\(kind.rawValue)-\(to)-\(n)"
                n += 1
            }
            ids.take(id)
            existing[key(from, to, kind)] = design.connections.count
            design.connections.append(
                Connection(
                    id: id, from: from, to: to, kind: kind, label: l.label,
                    extra: ["meshery": mark]))
        }
    }

    /// Pixels to cells. A design from Kanvas is moved to start at the top-left cell, and each
    /// container is put up and left of what it holds (Kanvas places a parent at the centre of
    /// its children; Hops at its top-left corner), so the picture keeps its shape.
    mutating func place() {
        var index: [String: Int] = [:]
        for (i, c) in design.components.enumerated() { index[c.id] = i }
        for n in read.nodes {
            guard let id = hopsID[n.id], let i = index[id] else { continue }
            design.components[i].extra["meshery"] = .object(["id": .string(n.id)])
            let h = hint(n.id)
            if let p = n.position { design.components[i].position = PixelScale.cells(x: p.x, y: p.y) }
            if let s = Self.extent(h["size"]) { design.components[i].size = s }
            if let pod = templatePods[n.id], pod != id, let j = index[pod] {
                if let p = Self.position(h.value(at: ["pod", "position"])) { design.components[j].position = p }
                if let s = Self.extent(h.value(at: ["pod", "size"])) { design.components[j].size = s }
            }
        }
        guard read.hints == nil else { return }
        enclose(index)
        let placed = design.components.compactMap(\.position)
        guard let minX = placed.map(\.x).min(), let minY = placed.map(\.y).min() else { return }
        for i in design.components.indices {
            design.components[i].position?.x -= minX
            design.components[i].position?.y -= minY
        }
    }

    /// Room a container keeps between its corner and its children: border, padding, title.
    static let inset = Position(x: 2, y: 4)

    private mutating func enclose(_ index: [String: Int]) {
        let depth = design.components.map { design.ancestors(of: $0.id).count }
        for i in design.components.indices.sorted(by: { depth[$0] > depth[$1] }) {
            let kids = design.children(of: design.components[i].id).compactMap(\.position)
            guard let x = kids.map(\.x).min(), let y = kids.map(\.y).min() else { continue }
            let own = design.components[i].position
            design.components[i].position = Position(
                x: min(own?.x ?? .max, x - Self.inset.x),
                y: min(own?.y ?? .max, y - Self.inset.y))
        }
    }

    static func position(_ v: JSONValue?) -> Position? {
        guard let o = v?.object, let x = o["x"]?.int, let y = o["y"]?.int else { return nil }
        return Position(x: x, y: y)
    }

    static func extent(_ v: JSONValue?) -> Extent? {
        guard let o = v?.object, let w = o["width"]?.int, let h = o["height"]?.int, w > 0, h > 0 else { return nil }
        return Extent(width: min(w, Limits.maxExtent), height: min(h, Limits.maxExtent))
    }
}
