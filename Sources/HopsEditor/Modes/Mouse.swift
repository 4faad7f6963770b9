import HopsCanvas
import HopsInput

extension Editor {
    /// Click selects, drag moves, a click on empty canvas clears the selection, the wheel scrolls.
    func mouse(_ m: MouseEvent) -> [Effect] {
        let area = canvasArea
        switch m.action {
        case .scrollUp: return pan(dx: 0, dy: -3)
        case .scrollDown: return pan(dx: 0, dy: 3)
        case .press:
            guard mode == .normal, area.contains(m.at) else { return [] }
            let p = Point(x: m.at.x - area.x + viewport.origin.x, y: m.at.y - area.y + viewport.origin.y)
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
}
