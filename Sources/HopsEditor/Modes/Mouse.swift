import HopsCanvas
import HopsInput

extension Editor {
    /// Click selects (a box, or an arrow by its line), drag moves, a click on empty canvas clears
    /// the selection, the wheel scrolls.
    func mouse(_ m: MouseEvent) -> [Effect] {
        let area = canvasArea
        switch m.action {
        case .scrollUp: return pan(dx: 0, dy: -3)
        case .scrollDown: return pan(dx: 0, dy: 3)
        case .press:
            guard takesClicks, area.contains(m.at) else { return [] }
            let p = Point(x: m.at.x - area.x + viewport.origin.x, y: m.at.y - area.y + viewport.origin.y)
            drag = nil
            if clickConnection(at: p) { return [] }
            mode = .normal
            if let id = cache.component(at: p) {
                selection = id
                drag = (id, p)
            } else {
                selection = nil
                drag = nil
            }
            return []
        case .drag:
            guard let d = drag, selection == d.id else { return [] }
            let p = Point(x: m.at.x - area.x + viewport.origin.x, y: m.at.y - area.y + viewport.origin.y)
            let fx = moveSelection(dx: p.x - d.last.x, dy: p.y - d.last.y)
            if !fx.isEmpty { drag = (d.id, p) } // a refused move keeps the grab point
            return fx
        case .release:
            drag = nil
            return []
        }
    }

    /// Clicks select in Normal and while an arrow is selected; other modes have a layer on top.
    private var takesClicks: Bool {
        switch mode {
        case .normal, .connection(_, nil): true
        default: false
        }
    }

    /// Selects the arrow drawn through a canvas cell; a second click where lines meet picks the
    /// next one there. False when no line passes through the cell.
    private func clickConnection(at p: Point) -> Bool {
        let hits = connections(at: p)
        guard !hits.isEmpty else { return false }
        let next = selectedConnection.flatMap { hits.firstIndex(of: $0) }.map { hits[($0 + 1) % hits.count] } ?? hits[0]
        guard let k = design.connection(next) else { return false }
        if selection != k.from && selection != k.to { selection = k.from }
        selectConnection(next)
        message = describe(k) + (hits.count > 1 ? " (\(hits.count) lines meet here: click again for the next)" : "")
        return true
    }
}
