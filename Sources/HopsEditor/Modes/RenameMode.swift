import HopsDesign
import HopsInput
import HopsText

extension Editor {
    func startRename() -> [Effect] {
        guard let sel = selection, let c = design.component(sel) else { message = "select a component to rename"; return [] }
        // The old name starts selected, so typing replaces it.
        mode = .rename(id: sel, field: TextField(c.name, selected: true))
        return []
    }

    func finishRename() -> [Effect] {
        guard case .rename(let id, let field) = mode else { return [] }
        mode = .normal
        let name = field.text.trimmed
        guard !name.isEmpty else { message = "a name cannot be empty"; return [] }
        if let problem = Validation.textProblem(name) { message = "not renamed: \(problem)"; return [] }
        guard let i = design.index(of: id) else { return [] }
        let old = design.components[i]
        guard old.name != name else { message = "the name stays \(SafeText.escape(name))"; return [] }
        var d = design
        d.components[i].name = name
        message = "renamed \(old.kind.rawValue) \(SafeText.escape(old.name)) to \(SafeText.escape(name))"
        return commit(d)
    }
}
