/// The questions the flow engine asks of a design while it follows a request: a component by
/// id, a box's children, the arrows leaving or entering a component (in design order), the
/// Pods a selector matches. `Design` answers each by scanning, which is right for one question;
/// `DesignIndex` answers from indexes built once, which is right for a trace (dozens of questions)
/// or a check (a trace from every Service): scanning made checking 2,000 imported components take
/// 36 s and 10,000 more than ten minutes.
public protocol DesignLookup: Sendable {
    var components: [Component] { get }
    var connections: [Connection] { get }
    /// The first component with this id.
    func component(_ id: String) -> Component?
    /// The components whose parent is `id`, in design order.
    func children(of id: String) -> [Component]
    /// The connections from `id`, in design order.
    func connections(from id: String) -> [Connection]
    /// The connections to `id`, in design order.
    func connections(to id: String) -> [Connection]
    /// The Pods whose labels include every pair of `selector`, in design order (any namespace);
    /// every Pod for an empty one.
    func pods(selectedBy selector: [String: String]) -> [Component]
}

extension Design: DesignLookup {
    public func connections(from id: String) -> [Connection] { connections.filter { $0.from == id } }
    public func connections(to id: String) -> [Connection] { connections.filter { $0.to == id } }
    public func pods(selectedBy selector: [String: String]) -> [Component] {
        components.filter { c in
            guard c.kind == .pod else { return false }
            let labels = c.labels
            return selector.allSatisfy { labels[$0.key] == $0.value }
        }
    }
}

/// A design with the lookups of `DesignLookup` answered from dictionaries built once (linear in
/// the design's size). It holds a copy of the design: build a new one after an edit.
public struct DesignIndex: DesignLookup {
    public let design: Design
    private let byID: [String: Int]
    private let childIndices: [String: [Int]]
    private let outgoing: [String: [Int]]
    private let incoming: [String: [Int]]
    /// Pods by one label pair (`key=value`), in design order, with each Pod's labels.
    private let podsByLabel: [LabelPair: [Int]]
    private let podLabels: [Int: [String: String]]
    /// Every Pod, in design order (what an empty selector is answered with).
    private let allPods: [Component]

    private struct LabelPair: Hashable { let key: String, value: String }

    public init(_ design: Design) {
        self.design = design
        var byID: [String: Int] = [:], children: [String: [Int]] = [:]
        var byLabel: [LabelPair: [Int]] = [:], labels: [Int: [String: String]] = [:]
        byID.reserveCapacity(design.components.count)
        for (i, c) in design.components.enumerated() {
            if byID[c.id] == nil { byID[c.id] = i }
            if let p = c.parent { children[p, default: []].append(i) }
            guard c.kind == .pod else { continue }
            let own = c.labels
            labels[i] = own
            for (k, v) in own { byLabel[LabelPair(key: k, value: v), default: []].append(i) }
        }
        var outgoing: [String: [Int]] = [:], incoming: [String: [Int]] = [:]
        for (i, k) in design.connections.enumerated() {
            outgoing[k.from, default: []].append(i)
            incoming[k.to, default: []].append(i)
        }
        (self.byID, childIndices, podsByLabel, podLabels) = (byID, children, byLabel, labels)
        (self.outgoing, self.incoming) = (outgoing, incoming)
        allPods = labels.keys.sorted().map { design.components[$0] }
    }

    public var components: [Component] { design.components }
    public var connections: [Connection] { design.connections }
    public func component(_ id: String) -> Component? { byID[id].map { design.components[$0] } }
    public func children(of id: String) -> [Component] { (childIndices[id] ?? []).map { design.components[$0] } }
    public func connections(from id: String) -> [Connection] { (outgoing[id] ?? []).map { design.connections[$0] } }
    public func connections(to id: String) -> [Connection] { (incoming[id] ?? []).map { design.connections[$0] } }

    public func pods(selectedBy selector: [String: String]) -> [Component] {
        // Every Pod for an empty selector, as the scan answers (a Service without one selects
        // nothing, but that is the caller's rule); else the fewest Pods of one pair, checked for all.
        guard !selector.isEmpty else { return allPods }
        let lists = selector.map { podsByLabel[LabelPair(key: $0.key, value: $0.value)] ?? [] }
        let fewest = lists.min { $0.count < $1.count } ?? []
        return fewest.filter { i in selector.allSatisfy { podLabels[i]?[$0.key] == $0.value } }
            .map { design.components[$0] }
    }
}
