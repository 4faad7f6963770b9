import HopsDesign
import HopsText

extension Editor {
    func deleteSelection() -> [Effect] {
        guard let sel = selection, let c = design.component(sel) else { message = "select a component to delete"; return [] }
        var d = design
        let gone = 1 + d.descendants(of: sel).count
        d.remove(sel)
        message = "deleted \(SafeText.escape(design.displayName(sel)))\(gone > 1 ? " and \(gone - 1) inside" : "")"
        return commit(d, selecting: .some(c.parent))
    }
}
