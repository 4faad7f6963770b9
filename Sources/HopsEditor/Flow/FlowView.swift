import HopsCanvas
import HopsDesign
import HopsFlow

extension Editor {
    /// The cells of one hop of the focused trace, starting where the previous hop ended when the
    /// hop follows no arrow.
    func hopPath(_ hop: Hop) -> [Point] {
        var cells = HopPath.cells(hop, design: design, cache: cache)
        if hop.connection == nil, hop.from != hop.to, let packet = player?.packets.first(where: { $0.trace.hops.contains(hop) }),
           let i = packet.trace.hops.firstIndex(of: hop), i > 0 {
            let before = HopPath.cells(packet.trace.hops[i - 1], design: design, cache: cache)
            if hop.direction == .response, let start = before.last, let target = cache.shownRect(hop.to) {
                cells = HopPath.around(from: start, to: target, rects: Array(cache.rects.values))
            } else if let start = before.last, let end = cells.last { cells = HopPath.straight(from: start, to: end) }
        }
        return cells.isEmpty ? [cache.shownRect(hop.to).map { Point(x: $0.x + 1, y: $0.y) } ?? .zero] : cells
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
                box.lines = BoxText.lines(c, ascii: glyphs.isASCII, replicas: r)
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

    /// The packets over the canvas, and the chosen replica picked out in its Pod's strip.
    func drawFlow(into grid: inout Grid) {
        guard let player else { return }
        for p in player.packets where !p.finished || p == player.focus {
            guard let hop = p.current else { continue }
            let cells = hopPath(hop)
            let at = cells[min(p.cell, cells.count - 1)]
            let color: Color = hop.status == .failed ? .red : (hop.direction == .request ? .green : .cyan)
            grid.set(grid.glyphs.packet, at: at, style: CellStyle(fg: color, attrs: .bold))
            // The replica the request went to, picked out in its Pod's strip.
            if let n = hop.instance, n <= 8, let pod = design.component(hop.to), let r = cache.rects[hop.to],
               let reps = FlowEngine.managedInstances(of: pod.id, in: design, state: flowState),
               let row = BoxText.lines(pod, ascii: glyphs.isASCII, replicas: reps).firstIndex(where: { $0.hasPrefix(BoxText.stripPrefix) }) {
                let x = r.x + 2 + BoxText.stripPrefix.count + (n - 1) * 2
                if x < r.maxX - 1 { grid.restyle(Rect(x: x, y: r.y + 2 + row, width: 1, height: 1)) { $0.attrs.insert(.reverse) } }
            }
        }
    }

    /// The narration panel: which hop of how many, what happens there, and why.
    func flowPanelLines() -> [(String, CellStyle)]? {
        guard let player, let p = player.focus, let hop = p.current else { return nil }
        let name = { (id: String) in self.design.component(id)?.name ?? id }
        var out: [(String, CellStyle)] = [
            ("Request \(player.packets.count > 1 ? "\(player.packets.count) in flight" : "from \(name(player.source))")", CellStyle(attrs: .bold)),
            ("hop \(p.hop + 1) of \(p.trace.hops.count) · \(hop.direction.rawValue)\(player.playing ? " · playing" : "")", CellStyle(attrs: .dim)),
            (hop.narration, hop.status == .failed ? CellStyle(fg: .red, attrs: .bold) : .plain),
        ]
        if let fold = foldNote(hop) { out.append((fold, CellStyle(attrs: .dim))) }
        if let what = catalog.info(design.component(hop.to)?.kind ?? .box)?.description, hop.status == .ok {
            out.append(("\(design.component(hop.to)?.kind.rawValue ?? ""): \(what)", CellStyle(attrs: .dim)))
        }
        if p.finished && hop.status == .ok { out.append(("The response reached \(name(p.trace.source)).", CellStyle(fg: .green))) }
        // How to see the same hop on a real cluster (hops trace --kubectl prints the same lines).
        out += hop.kubectl.map { ("$ \($0)", CellStyle(attrs: .dim)) }
        out.append(("n next · p previous · Space play · R new connection · A same connection · Esc stop", CellStyle(attrs: .dim)))
        return glyphs.isASCII ? out.map { ($0.0.replacingArrows(), $0.1) } : out
    }
}
