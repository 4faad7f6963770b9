import HopsCanvas
import HopsDesign
import HopsFlow
import HopsText

/// Moving a component into another group (`:into NAME`) or out of its own (`:out`), with what it
/// holds: a container into another Pod, a Deployment into a Namespace. Moving a box over a
/// group with the keys or the mouse only moves it on the canvas; nesting is a decision of its own.
extension Editor {
    static let nestingCommands: [EditorCommand] = [
        EditorCommand(name: "into", usage: ":into NAME",
                      help: "move the selection, with what it holds, into the group NAME (a Pod, a Namespace...)",
                      takesPath: false) { e, arg, _ in
            e.moveInto(arg)
        },
        EditorCommand(name: "out", usage: ":out",
                      help: "move the selection out of its group, into the group around that one",
                      takesPath: false) { e, _, _ in
            e.moveOut()
        },
    ]

    func moveInto(_ arg: String?) -> [Effect] {
        guard let name = arg?.trimmed, !name.isEmpty else {
            message = "usage: :into NAME (the group to move into)"
            return []
        }
        guard let sel = selection, let c = design.component(sel) else { message = "select what to move first"; return [] }
        let named = design.components.filter { $0.id == name }
            + design.components.filter { $0.id != name && ($0.name == name || design.displayName($0.id) == name) }
        let able = named.filter { $0.id != sel && catalog.canContain($0.kind, c.kind) }
        guard let target = able.first else {
            let others = named.filter { $0.id != sel }
            if others.count == 1 {
                message = "\(SafeText.escape(design.displayName(others[0].id))) cannot hold a \(c.kind.rawValue)"
            } else if !others.isEmpty {
                message = "no component called \(SafeText.escape(name)) can hold a \(c.kind.rawValue) ("
                    + listed(others.prefix(5).map { SafeText.escape(design.displayName($0.id)) }) + ")"
            } else if !named.isEmpty {
                message = "\(SafeText.escape(design.displayName(sel))) cannot go into itself"
            } else {
                message = "no component is called \(SafeText.escape(name))"
            }
            return []
        }
        guard able.count == 1 else {
            message = "\(able.count) groups are called \(SafeText.escape(name)): "
                + able.prefix(5).map { "\(SafeText.escape(design.displayName($0.id))) (id \(SafeText.escape($0.id)))" }
                    .joined(separator: ", ") + "; say which by its id"
            return []
        }
        return reparent(sel, into: target.id)
    }

    func moveOut() -> [Effect] {
        guard let sel = selection, let c = design.component(sel) else { message = "select what to move first"; return [] }
        guard let p = c.parent, let parent = design.component(p) else {
            message = "\(SafeText.escape(design.displayName(sel))) is in no group"
            return []
        }
        if let outer = parent.parent, let o = design.component(outer), !catalog.canContain(o.kind, c.kind) {
            message = "\(SafeText.escape(design.displayName(outer))), around \(SafeText.escape(design.displayName(p))), "
                + "cannot hold a \(c.kind.rawValue)"
            return []
        }
        if c.kind == .container, parent.parent == nil || design.component(parent.parent!)?.kind != .pod {
            message = "a container runs only inside a Pod: use :into with another Pod"
            return []
        }
        return reparent(sel, into: parent.parent)
    }

    /// Moves `id` and its descendants into `target` (nil: the top level), placed on free room
    /// inside it, beside what it holds. The groups' boxes grow around it; neighbours make room.
    func reparent(_ id: String, into target: String?) -> [Effect] {
        guard let c = design.component(id), let i = design.index(of: id) else { return [] }
        if c.parent == target {
            message = "\(SafeText.escape(design.displayName(id))) is already there"
            return []
        }
        // Not into itself or into something it holds: that would make a circle of groups.
        var a = target
        var seen = 0
        while let t = a, seen <= Limits.maxDepth {
            if t == id {
                message = "\(SafeText.escape(design.displayName(id))) cannot go into something it holds"
                return []
            }
            a = design.component(t)?.parent
            seen += 1
        }
        guard let from = cache.rects[id] else { return [] }
        let spot: Point
        if let t = target, let tr = cache.rects[t] {
            spot = spotInside(t, rect: tr, except: id)
        } else {
            let b = cache.scene.bounds
            spot = Point(x: b.x, y: b.maxY + 2)
        }
        let place = freeSpot(near: spot, size: from.size, parent: target)
        let (dx, dy) = (place.x - from.x, place.y - from.y)
        var d = design
        d.components[i].parent = target
        // A Pod put inside a workload is its template: the manages arrow between them says it twice.
        let twice = d.connections.filter { $0.kind == .manages && $0.from == target && $0.to == id }
        d.connections.removeAll { $0.kind == .manages && $0.from == target && $0.to == id }
        // A template taken out of its workload is a Pod of its own: nothing manages it now.
        let former = c.parent.flatMap { design.component($0) }
        let orphaned = c.kind == .pod && former?.kind.managesPods == true
            && !d.connections.contains { $0.kind == .manages && $0.to == id }
        // What it holds keeps its place inside it.
        var stack = [id]
        while let x = stack.popLast() {
            stack += d.children(of: x).map(\.id)
            guard let k = d.index(of: x), var p = d.components[k].position else { continue }
            p.x = min(Limits.maxCoordinate, max(-Limits.maxCoordinate, p.x + dx))
            p.y = min(Limits.maxCoordinate, max(-Limits.maxCoordinate, p.y + dy))
            d.components[k].position = p
        }
        let whereTo = target.map { "into \(SafeText.escape(design.displayName($0)))" } ?? "out to the top level"
        message = "moved \(SafeText.escape(design.displayName(id))) \(whereTo)"
        if !twice.isEmpty { message! += " (its manages arrow is now the nesting: it is the template)" }
        if orphaned, let w = former {
            message! += " (no longer \(SafeText.escape(design.displayName(w.id)))'s template: nothing manages it; "
                + "c from the workload, manages, to keep it managed)"
        }
        // Names reach only within a namespace (selectors, volumes, an HPA's target): say when it changes.
        let (was, now) = (FlowEngine.namespace(of: c, in: design), d.component(id).map { FlowEngine.namespace(of: $0, in: d) })
        if let now, now != was {
            message! += " (now in namespace \(SafeText.escape(now)), was \(SafeText.escape(was)): hops check shows what "
                + "no longer reaches it)"
        }
        let fx = commit(d, selecting: .some(id))
        if let r = cache.rects[id] {
            bringIntoView(r)
        } else if let shown = cache.shown.standIn[id] {
            // Moved into a folded group: it is there, not drawn; the group is what can be selected.
            selection = shown
            message! += "; it is inside folded \(SafeText.escape(design.displayName(shown))), which is selected (z unfolds it)"
        }
        return fx
    }
}
