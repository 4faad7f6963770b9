import HopsCheck
import HopsDesign
import HopsFlow
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
        if let problem = CheckEngine.nameProblem(name, kind: old.kind) { message! += " (\(problem))" }
        if old.kind == .service {
            let followed = Editor.followingRenamedService(&d, id: id, from: old.name)
            if !followed.isEmpty {
                message! += "; \(listed(followed.map { SafeText.escape(d.displayName($0)) })) "
                    + "now \(followed.count == 1 ? "routes" : "route") to it by its new name"
            }
        }
        return commit(d)
    }

    /// An Ingress names its backend Service, so a renamed Service would lose the Ingresses of its
    /// namespace that route to it: their rules and default backend follow the new name. Not when
    /// another Service of the old name is left in that namespace (the rules still reach that one).
    /// The Ingresses changed, by id.
    static func followingRenamedService(_ d: inout Design, id: String, from oldName: String) -> [String] {
        guard let svc = d.component(id) else { return [] }
        let ns = FlowEngine.namespace(of: svc, in: d)
        let stillThere = d.components.contains {
            $0.id != id && $0.kind == .service && $0.name == oldName && FlowEngine.namespace(of: $0, in: d) == ns
        }
        guard !stillThere else { return [] }
        var changed: [String] = []
        for i in d.components.indices where d.components[i].kind == .ingress {
            guard FlowEngine.namespace(of: d.components[i], in: d) == ns else { continue }
            var props = d.components[i].properties
            var touched = false
            if case .array(var rules)? = props["rules"] {
                for r in rules.indices {
                    guard case .object(var rule) = rules[r], rule["service"]?.string == oldName else { continue }
                    rule["service"] = .string(svc.name)
                    rules[r] = .object(rule)
                    touched = true
                }
                props["rules"] = .array(rules)
            }
            if case .object(var backend)? = props["defaultBackend"], backend["service"]?.string == oldName {
                backend["service"] = .string(svc.name)
                props["defaultBackend"] = .object(backend)
                touched = true
            }
            if touched {
                d.components[i].properties = props
                changed.append(d.components[i].id)
            }
        }
        return changed
    }
}
