import HopsCanvas
import HopsCheck
import HopsDesign
import HopsInput
import HopsText

/// A selected connection: chosen with `C` (or a click on its arrow), then deleted, relabelled,
/// reversed, given another kind or port. Each edit is one undoable step and re-traces the request.
extension Editor {
    static let connectionTable = KeyTable(
        name: "Connection", when: "an arrow is selected (C, or a click on it)", bindings: [
        Binding(keys: [.tab, .char("C")], help: "the next of the component's connections") { $0.cycleConnection(1) },
        Binding(keys: [.backTab], help: "the previous one") { $0.cycleConnection(-1) },
        Binding(keys: [.char("x"), .delete], help: "delete the connection", hint: "delete") { $0.deleteConnection() },
        Binding(keys: [.char("r")],
                help: "relabel it (what you type stays yours; facts such as the selector are added)", hint: "label") {
            $0.startConnectionEdit(.label)
        },
        Binding(keys: [.char("v")], help: "reverse its direction", hint: "reverse") { $0.reverseConnection() },
        Binding(keys: [.char("m")], help: "change its kind to the next one that makes sense for its ends",
                hint: "kind") {
            $0.changeConnectionKind()
        },
        Binding(keys: [.char("e")], help: "edit the port a traffic connection dials", hint: "port") {
            $0.startConnectionEdit(.port)
        },
        Binding(keys: [.char("u")], help: "undo") { $0.undo() },
        Binding(keys: [.ctrl("r")], help: "redo") { $0.redo() },
        Binding(keys: [.esc], help: "let go of the connection (its component stays selected)", hint: "back") {
            $0.backToNormal()
        },
    ], others: OtherKeys(help: "let go of the connection and do what the key does in Normal") { e, k in
        e.mode = .normal
        return e.dispatch(k)
    })

    static let connectionEditTable = KeyTable(
        name: "Connection label or port", when: "typing an arrow's label (r) or port (e)", bindings: [
        Binding(keys: [.enter], help: "keep what was typed (left empty, the label or port is removed)", hint: "keep") {
            $0.finishConnectionEdit()
        },
        Binding(keys: [.esc], help: "leave it as it was", hint: "back") { $0.stopConnectionEdit() },
    ], others: .typing)

    /// The selected connection's id; nil when none is selected (or it is gone).
    public var selectedConnection: String? {
        if case .connection(let id, _) = mode, design.connection(id) != nil { return id }
        return nil
    }

    /// What `C` and Tab go through: the selection's connections, out and in, in design order;
    /// with nothing selected, every connection.
    func connectionsToCycle() -> [Connection] {
        guard let sel = selection else { return design.connections }
        return design.connections.filter { $0.from == sel || $0.to == sel }
    }

    func cycleConnection(_ step: Int) -> [Effect] {
        let list = connectionsToCycle()
        guard !list.isEmpty else {
            message = selection.map { "\(SafeText.escape(design.displayName($0))) has no connections: c draws one" }
                ?? "the design has no connections"
            return []
        }
        let n = list.count
        let at = selectedConnection.flatMap { id in list.firstIndex { $0.id == id } } ?? (step > 0 ? -1 : 0)
        let i = ((at + step) % n + n) % n
        selectConnection(list[i].id)
        message = "connection \(i + 1) of \(n): \(describe(list[i]))"
        return []
    }

    func selectConnection(_ id: String) {
        mode = .connection(id: id, edit: nil)
        if let r = route(of: id) { viewport.follow(r.bounds) }
    }

    /// The drawn path of a connection; nil when it is not drawn.
    func route(of id: String) -> Route? {
        guard let i = cache.designScene.edgeIndex[id], i < cache.routes.count else { return nil }
        return cache.routes[i]
    }

    /// The connections whose line passes through a canvas cell, in design order.
    func connections(at p: Point) -> [String] {
        var out: [String] = []
        for (i, r) in cache.routes.enumerated() where i < cache.designScene.edgeIDs.count {
            guard let r, r.passes(through: p) else { continue }
            out.append(cache.designScene.edgeIDs[i])
        }
        return out
    }

    /// "User → Service web (traffic)".
    func describe(_ k: Connection) -> String { "\(names(k.from, k.to)) (\(k.kind.rawValue))" }

    // MARK: Edits

    func deleteConnection() -> [Effect] {
        guard let id = selectedConnection, let k = design.connection(id) else { return backToNormal() }
        var d = design
        d.connections.removeAll { $0.id == id }
        mode = .normal
        message = "deleted the connection \(describe(k))"
        return commit(d)
    }

    func reverseConnection() -> [Effect] {
        editConnection { k in
            if isDrawn(k.to, k.from, k.kind, except: k.id) {
                message = "not reversed: \(names(k.to, k.from)) (\(k.kind.rawValue)) is already drawn"
                return nil
            }
            var r = k
            (r.from, r.to) = (k.to, k.from)
            r.extra["inferred"] = nil // the rule that found it spoke of the other direction
            message = "reversed: \(describe(r))"
            return r
        }
    }

    /// The next kind, in `ConnectionKind` order, that the checks accept for these ends and that
    /// does not repeat a connection already drawn.
    func changeConnectionKind() -> [Effect] {
        editConnection { k in
            guard let a = design.component(k.from)?.kind, let b = design.component(k.to)?.kind else { return nil }
            let all = ConnectionKind.allCases
            let start = all.firstIndex(of: k.kind)!
            let next = (1..<all.count).map { all[(start + $0) % all.count] }.first { kind in
                CheckEngine.kindProblem(kind, from: a, to: b) == nil && !isDrawn(k.from, k.to, kind, except: k.id)
            }
            guard let kind = next else { message = "no other kind fits \(names(k.from, k.to))"; return nil }
            var r = k
            r.kind = kind
            r.extra["inferred"] = nil
            var dropped = ""
            if kind != .traffic, let p = k.port {
                r.port = nil
                dropped = " (port \(p) removed: only traffic dials a port)"
            }
            message = "\(names(k.from, k.to)) is now \(kind.rawValue)\(dropped)"
            return r
        }
    }

    func startConnectionEdit(_ field: ConnectionEdit.Field) -> [Effect] {
        guard let id = selectedConnection, let k = design.connection(id) else { return backToNormal() }
        let text: String
        switch field {
        case .label:
            text = design.typedLabel(of: k) ?? ""
        case .port:
            guard k.kind == .traffic else {
                message = "only traffic dials a port; this connection \(k.kind.rawValue) (m changes its kind)"
                return []
            }
            text = k.port.map(String.init) ?? ""
        }
        // What is there starts selected, so typing replaces it.
        mode = .connection(id: id, edit: ConnectionEdit(field, TextField(text, selected: true)))
        return []
    }

    func stopConnectionEdit() -> [Effect] {
        guard case .connection(let id, .some) = mode else { return [] }
        mode = .connection(id: id, edit: nil)
        return []
    }

    /// A refused label or port stays being typed, with the reason on the status line.
    func finishConnectionEdit() -> [Effect] {
        guard case .connection(let id, .some(let edit)) = mode, let k = design.connection(id) else {
            return backToNormal()
        }
        let text = edit.text.text.trimmed
        guard let changed = edit.field == .label ? relabelled(k, text) : withPort(k, text) else { return [] }
        mode = .connection(id: id, edit: nil)
        return editConnection { _ in changed }
    }

    private func relabelled(_ k: Connection, _ text: String) -> Connection? {
        if let p = Validation.textProblem(text, what: "the label") { message = "not relabelled: \(p)"; return nil }
        if !text.isEmpty && design.storesFact(text, on: k) {
            let fact = design.labelFact(of: k) ?? "nothing"
            let from = design.component(k.from).map { SafeText.escape(design.displayName($0.id)) } ?? ""
            message = "not relabelled: this arrow always shows what \(from) says (\(SafeText.escape(fact))); "
                + "change that with e on \(from)"
            return nil
        }
        var r = k
        r.label = text.isEmpty ? nil : text
        // As in files: a traffic arrow's "HTTP :80" is the label HTTP and the port 80 (only a
        // port set apart by a space, so "v1:2" stays text).
        if r.kind == .traffic, text.hasPrefix(":") || text.contains(" :") {
            var probe = Connection(id: k.id, from: k.from, to: k.to, kind: .traffic, label: text)
            probe.movePortOutOfLabel()
            if let p = probe.port { r.port = p; r.label = probe.label }
        }
        let shown = design.shownLabel(of: r).map { "\"\(SafeText.escape($0))\"" } ?? "nothing"
        message = r == k ? "the label stays as it was" : "\(names(k.from, k.to)) now reads \(shown)"
        return r
    }

    private func withPort(_ k: Connection, _ text: String) -> Connection? {
        var r = k
        if text.isEmpty {
            r.port = nil
            let assumed = design.dialledPort(of: r).map { "; the trace assumes the Service's only port, \($0.port)" }
            message = "port removed" + (assumed ?? "")
            return r
        }
        guard let n = Int(text), (1...65_535).contains(n) else {
            message = "a port is a number from 1 to 65535"
            return nil
        }
        r.port = n
        message = "\(names(k.from, k.to)) dials port \(n)"
        if let to = design.component(k.to), to.kind == .service, !to.servicePorts.contains(where: { $0.port == n }) {
            let ports = to.servicePorts.map { String($0.port) }.joined(separator: ", ")
            let name = SafeText.escape(design.displayName(to.id))
            message! += "; \(name) listens on \(ports.isEmpty ? "no port" : ports), so a request is refused there"
        }
        return r
    }

    /// Replaces the selected connection with what `change` makes of it, as one undoable step;
    /// `change` returns nil (having said why) to refuse.
    private func editConnection(_ change: (Connection) -> Connection?) -> [Effect] {
        guard let id = selectedConnection, let i = design.connections.firstIndex(where: { $0.id == id }) else {
            return backToNormal()
        }
        guard let new = change(design.connections[i]) else { return [] }
        var d = design
        d.connections[i] = new
        return commit(d)
    }
}
