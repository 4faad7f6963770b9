import HopsCanvas
import HopsCheck
import HopsDesign
import HopsText

extension Editor {
    /// The panel: the selection's kind, what that kind does (from the catalog), its properties.
    func drawPanel(into grid: inout Grid, area: Rect) {
        grid.fill(area, with: " ")
        let h = Direction.left.bit | Direction.right.bit, v = Direction.up.bit | Direction.down.bit
        if area.x > 0 {
            for y in area.y...area.maxY {
                grid.addLine(v, at: Point(x: area.x, y: y), style: .light, color: CellStyle(attrs: .dim))
            }
        } else {
            for x in area.x...area.maxX {
                grid.addLine(h, at: Point(x: x, y: area.y), style: .light, color: CellStyle(attrs: .dim))
            }
        }
        let inner = area.x > 0 ? Rect(x: area.x + 2, y: area.y, width: area.width - 3, height: area.height)
                                : Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: area.height - 1)
        var lines: [(String, CellStyle)] = []
        // A message too long for the status line is read here in full (a trace's panel narrates
        // the hop its message names).
        var shown = panelLines()
        if messageIsCut, player?.focus == nil, let m = message { shown.insert((m, CellStyle(attrs: .bold)), at: 0) }
        for (text, style) in shown {
            for l in wrap(text, width: inner.width) { lines.append((l, style)) }
        }
        // Scrolled with C-d, at most so far that the last rows show.
        let top = panelScroll.of == panelIdentity ? min(panelScroll.rows, max(0, lines.count - inner.height)) : 0
        let visible = lines.dropFirst(top)
        for (i, (text, style)) in visible.prefix(inner.height).enumerated() {
            // The last row says when there is more than the panel holds, and how to read it.
            let cut = i == inner.height - 1 && visible.count > inner.height
            let more = " \(glyphs.ellipsis) C-d more"
            let kept = DisplayWidth.truncate(text, to: inner.width - DisplayWidth.of(more), ellipsis: "")
            let shown = cut ? String(kept.reversed().drop { $0 == " " }.reversed()) + more : text
            grid.put(shown, at: Point(x: inner.x, y: inner.y + i), style: style, maxColumns: inner.width)
        }
    }

    /// What the panel shows, for keeping its scroll: the selection, the arrow, the hop, the mode.
    var panelIdentity: String {
        "\(selection ?? "")|\(selectedConnection ?? "")|\(player?.focus?.hop ?? -1)|\(mode.name)"
    }

    /// C-d / C-u: the panel's text half a panel on or back.
    func scrollPanel(down: Bool) -> [Effect] {
        guard let area = panelArea else { message = "the panel is hidden at this size"; return [] }
        let step = max(1, (area.height - 1) / 2)
        let rows = panelScroll.of == panelIdentity ? panelScroll.rows : 0
        panelScroll = (max(0, rows + (down ? step : -step)), panelIdentity)
        return []
    }

    func panelLines() -> [(String, CellStyle)] {
        let bold = CellStyle(attrs: .bold), dim = CellStyle(attrs: .dim)
        if let lines = connectionPanelLines() { return lines }
        if let lines = flowPanelLines() { return lines }
        let found = findings()
        guard let sel = selection, let c = componentLookup.component(sel, in: design) else {
            var out: [(String, CellStyle)] = [(design.name, bold),
                    (counted(design.components.count, "component") + ", "
                        + counted(design.connections.count, "connection"), dim)]
            let errors = found.filter { $0.severity == .error }.count
            if !found.isEmpty {
                out.append(("\(counted(errors, "error")), \(counted(found.count - errors, "warning")) (hops check lists them)",
                            .plain))
            }
            out.append(("Tab selects, a adds, c connects, ? shows every key.", .plain))
            return out
        }
        let info = catalog.info(c.kind)
        var out: [(String, CellStyle)] = [("\(info?.title ?? c.kind.rawValue) · \(c.name)", bold)]
        if let d = info?.description { out.append((d, dim)) }
        for f in PropertyField.fields(for: c.kind).dropFirst() {
            let value = f.read(c)
            if !value.isEmpty { out.append(("\(f.label): \(value)", .plain)) }
        }
        // The selection's connections from an index, each end found by id (a frame of a big
        // design did a pass over the connections per direction and a scan of the components per
        // neighbour).
        var outs: [String] = [], ins: [String] = []
        for k in connectionLookup.touching(sel, in: design).map({ design.connections[$0] }) {
            if k.from == sel, let to = componentLookup.component(k.to, in: design) {
                outs.append("→ \(to.name) (\(k.kind.rawValue))")
            }
            if k.to == sel, let from = componentLookup.component(k.from, in: design) {
                ins.append("← \(from.name) (\(k.kind.rawValue))")
            }
        }
        for l in outs + ins { out.append((glyphs.isASCII ? l.replacingArrows() : l, .plain)) }
        for f in found where f.component == sel {
            let isError = f.severity == .error
            out.append(("\(isError ? "error" : "warning"): \(f.message)", CellStyle(fg: isError ? .red : .yellow)))
        }
        return out
    }
}

extension String {
    func replacingArrows() -> String { PlainText.ascii(self) }
}
