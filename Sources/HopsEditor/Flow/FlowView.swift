import HopsCanvas
import HopsDesign
import HopsFlow
import HopsText

extension Editor {
    /// The cells of a packet's current hop.
    func hopPath(of p: Player.Packet) -> [Point] { hopPath(p.trace.hops, p.hop) }

    /// The cells of hop `i` of `hops`: along its arrow, or (following no arrow) from where the
    /// previous hop ended by a way that crosses no other box and no box's text (HopPath.free).
    func hopPath(_ hops: [Hop], _ i: Int) -> [Point] {
        let hop = hops[i]
        if let cells = HopPath.arrow(hop, design: design, cache: cache) { return cells }
        // A hop inside a folded group plays on the group's box.
        guard let a = cache.shownRect(hop.from), let b = cache.shownRect(hop.to) else { return [.zero] }
        let before = i > 0 ? hopPath(hops, i - 1).last : nil
        // A request that stops where it is (no Pod to go to) stays where it arrived.
        if hop.from == hop.to || a == b { return [before ?? Point(x: a.x + 1, y: a.y)] }
        let start = before ?? HopPath.anchor(a, toward: b)
        return HopPath.free(hop, from: start, design: design, cache: cache)
            ?? HopPath.straight(from: start, to: HopPath.anchor(b, toward: a))
    }

    /// The current hop's boxes picked out; the replica strips follow the cluster's state.
    /// Adds to `changed` (boxes drawn differently from `scene`, by index).
    func decorate(_ changed: inout [Int: SceneBox], _ scene: Scene) {
        if !flowState.down.isEmpty {
            // Only the Pods with a replica down draw differently.
            for pod in flowState.down.keys {
                guard let i = cache.designScene.boxIndex[pod], let c = design.component(pod),
                      let r = FlowEngine.managedInstances(of: c.id, in: design, state: flowState) else { continue }
                var box = changed[i] ?? scene.boxes[i]
                box.lines = BoxText.lines(c, ascii: glyphs.isASCII, replicas: r, hiding: cache.shown.hiddenInside[c.id])
                changed[i] = box
            }
        }
        guard let hop = player?.focus?.current else { return }
        for id in [hop.from, hop.to] {
            guard let i = cache.designScene.boxIndex[cache.shown.shownID(id)] else { continue }
            var box = changed[i] ?? scene.boxes[i]
            box.color.attrs.insert(.bold)
            box.color.fg = hop.status == .failed && id == hop.to ? .red : .yellow
            changed[i] = box
        }
    }

    /// The packets over the canvas, and the chosen replica picked out in its Pod's strip for
    /// every hop inside that Pod (into it, between its containers, and out of it).
    func drawFlow(into grid: inout Grid) {
        guard let player else { return }
        for p in player.packets where !p.finished || p == player.focus {
            guard let hop = p.current else { continue }
            let cells = hopPath(of: p)
            let at = cells[min(p.cell, cells.count - 1)]
            grid.set(grid.glyphs.packet, at: at, style: packetStyle(hop))
            if let cell = replicaCell(p) {
                grid.restyle(Rect(origin: cell, size: Size(width: 1, height: 1))) { $0.attrs.insert(.reverse) }
            }
        }
    }

    /// Red where the request fails, green going there, cyan coming back.
    func packetStyle(_ hop: Hop) -> CellStyle {
        CellStyle(fg: hop.status == .failed ? .red : (hop.direction == .request ? .green : .cyan), attrs: .bold)
    }

    /// Where the replica a packet's hop is inside stands in its Pod's strip: the Pod is the hop's
    /// target or source or holds one of them; the replica is the hop's, else the one the request
    /// went to on an earlier hop.
    func replicaCell(_ p: Player.Packet) -> Point? {
        guard let hop = p.current else { return nil }
        let ids = [hop.to, hop.from].flatMap { [$0] + design.ancestors(of: $0) }
        let hasStrip = { (id: String) in
            self.cache.designScene.boxIndex[id].map { BoxText.hasStrip(self.cache.scene.boxes[$0]) } ?? false
        }
        guard let pod = ids.first(where: hasStrip),
              let i = cache.designScene.boxIndex[pod] else { return nil }
        let earlier = p.trace.hops.prefix(p.hop + 1).reversed().first {
            $0.instance != nil && ($0.to == pod || design.ancestors(of: $0.to).contains(pod))
        }
        guard let n = hop.instance ?? earlier?.instance else { return nil }
        return BoxText.stripCell(cache.scene.boxes[i], instance: n)
    }

    /// The narration panel: which hop of how many, what happens there, and why.
    func flowPanelLines() -> [(String, CellStyle)]? {
        guard let player, let p = player.focus, let hop = p.current else { return nil }
        // With its kind: "Request from web" did not say which of three components named web.
        let name = { (id: String) in SafeText.escape(self.design.displayName(id)) }
        let which = "hop \(p.hop + 1) of \(p.trace.hops.count) · \(hop.direction.rawValue)"
            + (player.playing ? " · playing" : "")
        let told = hop.status == .failed ? CellStyle(fg: .red, attrs: .bold) : .plain
        var out: [(String, CellStyle)]
        if panelArea.map({ $0.x == 0 }) == true {
            // Under the canvas the panel has five rows: the hop and its narration share the first.
            out = [("\(which): \(hop.narration)", told)]
        } else {
            let title = player.packets.count > 1 ? "Request \(player.packets.count) in flight"
                                                 : "Request from \(name(player.source))"
            out = [(title, CellStyle(attrs: .bold)), (which, CellStyle(attrs: .dim)), (hop.narration, told)]
        }
        if let fold = foldNote(hop) { out.append((fold, CellStyle(attrs: .dim))) }
        if let what = catalog.info(design.component(hop.to)?.kind ?? .box)?.description, hop.status == .ok {
            out.append(("\(design.component(hop.to)?.kind.rawValue ?? ""): \(what)", CellStyle(attrs: .dim)))
        }
        if p.finished && hop.status == .ok {
            let reached = SafeText.escape(FlowEngine.sourceName(p.trace.source, in: design))
            out.append(("The response reached \(reached).", CellStyle(fg: .green)))
        }
        // How to see the same hop on a real cluster (hops trace --kubectl prints the same lines).
        out += hop.kubectl.map { ("$ \($0)", CellStyle(attrs: .dim)) }
        out.append(("n next · p previous · Space play · R new connection · A same connection · Esc stop", CellStyle(attrs: .dim)))
        return glyphs.isASCII ? out.map { ($0.0.replacingArrows(), $0.1) } : out
    }
}
