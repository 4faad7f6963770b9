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

    /// Warnings of one kind past the first `listedAlike` are counted and said in one line at
    /// the end: a generated design of 10,000 printed 10,519 lines, most of them alike.
    static let listedAlike = 10
    private var alike: [String: Int] = [:]
    /// The kinds of warning that went past the limit, in order, each with its closing line.
    private var summaries: [(key: String, says: String)] = []

    /// `key` groups warnings that are alike (default: the message itself, so warnings that
    /// differ only in the component are grouped); `says` ends the closing line ("N more
    /// components ...").
    mutating func warn(_ c: Component, _ message: String, alike key: String? = nil, says: String? = nil) {
        let key = key ?? message
        let n = alike[key, default: 0] + 1
        alike[key] = n
        if n <= ExportContext.listedAlike {
            warnings.append("\(c.kind.rawValue) \(SafeText.escape(c.name)): \(message)")
        } else if n == ExportContext.listedAlike + 1 {
            summaries.append((key, says ?? "have the same warning: \(message)"))
        }
    }

    /// A name written another way (one kind of warning, whatever the names).
    mutating func warnRenamed(_ c: Component, as name: String) {
        warn(c, "the name is not a valid Kubernetes name; written as \(name)", alike: "renamed",
             says: "have names that are not valid Kubernetes names, written the same way (lowercase letters, "
                 + "digits, '-' and '.', at most 253 characters; a Service or Namespace without '.' and at most 63)")
    }

    /// The warnings, then a line for each kind that went past the limit.
    var allWarnings: [String] {
        warnings + summaries.map { "\(alike[$0.key]! - ExportContext.listedAlike) more components \($0.says)" }
    }
}

extension Component {
    /// The object kept from an import (without the fields Hops models), empty for a drawn one.
    var manifest: [String: JSONValue] { properties["manifest"]?.object ?? [:] }
    var isMissing: Bool { properties["missing"]?.bool == true }
}
