import HopsDesign
import HopsInput

extension Editor {
    func startRename() -> [Effect] {
        guard let sel = selection, let c = design.component(sel) else { message = "select a component to rename"; return [] }
        mode = .rename(id: sel, field: TextField(c.name, selected: true))
        return []
    }

    func renameKey(_ k: Key) -> [Effect] {
        guard case .rename(let id, var field) = mode else { return [] }
        switch field.handle(k) {
        case .cancel: mode = .normal; return []
        case .commit:
            mode = .normal
            let name = field.text.trimmed
            guard !name.isEmpty else { message = "a name cannot be empty"; return [] }
            if let problem = Validation.textProblem(name) { message = "not renamed: \(problem)"; return [] }
            guard let i = design.index(of: id) else { return [] }
            var d = design
            d.components[i].name = name
            message = "renamed to \(name)"
            return commit(d)
        default:
            mode = .rename(id: id, field: field)
            return []
        }
    }
}
