import HopsDesign
import Yams

/// Walks a Yams node tree into JSON with a node budget and a depth limit. Yams shares the node
/// an alias names instead of copying it, so a "billion laughs" document is small in memory but
/// exponential to walk: the budget (shared by every document of one file) ends such a walk
/// early with a clear error instead of running for hours.
struct NodeConverter {
    /// Why a document could not be turned into JSON, and where.
    struct Failure: Error {
        var message: String
        var mark: Mark?
    }

    let limits: YamlLimits
    /// Nodes visited so far in this file, aliases expanded.
    private(set) var visited = 0
    /// The furthest place in the text walked so far: an alias points back to its anchor, so
    /// this is where the expansion that ran out of budget was written.
    private var furthest: Mark?

    init(limits: YamlLimits) { self.limits = limits }

    mutating func value(_ node: Node) throws -> JSONValue {
        try value(node, depth: 0)
    }

    private mutating func value(_ node: Node, depth: Int) throws -> JSONValue {
        visited += 1
        if let m = node.mark, furthest.map({ ($0.line, $0.column) < (m.line, m.column) }) ?? true { furthest = m }
        if visited > limits.maxNodes {
            throw Failure(
                message: "the file expands to more than \(limits.maxNodes) YAML nodes "
                    + "(an alias bomb?); Hops stops reading here", mark: furthest)
        }
        if depth > limits.maxDepth {
            throw Failure(message: "nesting deeper than \(limits.maxDepth) levels", mark: node.mark)
        }
        switch node {
        case .scalar(let s):
            return ScalarResolver.value(s)
        case .sequence(let seq):
            var out: [JSONValue] = []
            for item in seq { out.append(try value(item, depth: depth + 1)) }
            return .array(out)
        case .mapping(let map):
            return try mapping(map, depth: depth)
        case .alias(let a):
            throw Failure(message: "the alias *\(Excerpt.short(a.anchor.rawValue)) names no anchor", mark: a.mark)
        }
    }

    /// Keys are strings (Kubernetes has no other); `<<` merges another mapping's keys in,
    /// without replacing keys this mapping sets itself.
    private mutating func mapping(_ map: Node.Mapping, depth: Int) throws -> JSONValue {
        var out: [String: JSONValue] = [:]
        var merged: [[String: JSONValue]] = []
        for (k, v) in map {
            guard case .scalar(let key) = k else {
                throw Failure(
                    message: "a mapping key must be a plain string, not a \(k.isMapping ? "mapping" : "sequence")",
                    mark: k.mark)
            }
            if key.string == "<<", key.style == .plain {
                merged += try mergeSources(v, depth: depth)
                continue
            }
            out[key.string] = try value(v, depth: depth + 1)
        }
        for source in merged { for (k, v) in source where out[k] == nil { out[k] = v } }
        return .object(out)
    }

    private mutating func mergeSources(_ v: Node, depth: Int) throws -> [[String: JSONValue]] {
        let items: [Node] = v.sequence.map(Array.init) ?? [v]
        return try items.map { item in
            guard let o = try value(item, depth: depth + 1).object else {
                throw Failure(message: "`<<` must merge a mapping (or a list of mappings)", mark: item.mark)
            }
            return o
        }
    }
}

extension Node {
    fileprivate var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }
}
