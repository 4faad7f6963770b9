import HopsDesign

/// What export needs to know about the design around one component, indexed once.
struct ExportContext {
    let design: Design
    private var byID: [String: Component] = [:]
    private var children: [String: [Component]] = [:]
    private var outgoing: [String: [Connection]] = [:]
    private var incoming: [String: [Connection]] = [:]
    var warnings: [String] = []

    init(_ design: Design) {
        self.design = design
        for c in design.components {
            byID[c.id] = byID[c.id] ?? c
            if let p = c.parent { children[p, default: []].append(c) }
        }
        for k in design.connections {
            outgoing[k.from, default: []].append(k)
            incoming[k.to, default: []].append(k)
        }
    }

    func component(_ id: String) -> Component? { byID[id] }
    func children(of id: String) -> [Component] { children[id] ?? [] }
    func outgoing(_ id: String) -> [Connection] { outgoing[id] ?? [] }
    func incoming(_ id: String) -> [Connection] { incoming[id] ?? [] }

    /// The Pod template of a workload: its Pod child, else a Pod it `manages`.
    func podTemplate(of id: String) -> Component? {
        if let p = children(of: id).first(where: { $0.kind == .pod }) { return p }
        return outgoing(id).filter { $0.kind == .manages }.compactMap { component($0.to) }.first { $0.kind == .pod }
    }

    /// True for a Pod that is some workload's template (exported inside it, not alone).
    func isTemplate(_ pod: Component) -> Bool {
        if let p = pod.parent, let parent = component(p), parent.kind.managesPods { return true }
        return incoming(pod.id).contains { k in k.kind == .manages && component(k.from)?.kind.managesPods == true }
    }

    /// The name of the Namespace box around a component, nil when there is none.
    func namespaceBox(of c: Component) -> Component? {
        var seen: Set<String> = [c.id]
        var p = c.parent
        while let id = p, seen.insert(id).inserted, let box = component(id) {
            if box.kind == .namespace { return box }
            p = box.parent
        }
        return nil
    }

    mutating func warn(_ c: Component, _ message: String) {
        warnings.append("\(c.kind.rawValue) \(SafeText.escape(c.name)): \(message)")
    }
}

extension Component {
    /// The object kept from an import (without the fields Hops models), empty for a drawn one.
    var manifest: [String: JSONValue] { properties["manifest"]?.object ?? [:] }
    var isMissing: Bool { properties["missing"]?.bool == true }
}
