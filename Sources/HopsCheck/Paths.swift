import Dispatch
import HopsDesign
import HopsFlow

/// Every place where a request would fail today: traced from each User, each Ingress and
/// Service, and each component that calls on (an arrow leaves it), so breaks behind the first
/// one are found too.
enum Paths {
    /// Sources above which the traces run on two threads (each trace is pure and stands alone;
    /// a big design's check is thousands of them, many up to Walker's bound of hops).
    static let parallelAbove = 64

    static func findings(_ d: DesignIndex) -> [Finding] {
        let senders = Set(d.connections.filter { $0.kind == .traffic }.map(\.from))
        // (Not from a missing object: what is wrong there is that it is missing, said where it is reached.)
        let starts = d.components.filter { c in
            c.kind != .note && c.properties["missing"]?.bool != true
                && (c.kind == .user || c.kind == .ingress || c.kind == .service || senders.contains(c.id))
        }.map(\.id)
        // A request follows a sender's first traffic arrow; an app that calls several backends
        // sends along each, so each further arrow is traced from its sender too.
        var more: [(id: String, arrow: String?)] = []
        for s in starts where d.component(s)?.kind != .service && d.component(s)?.kind != .ingress {
            let traffic = d.connections(from: s).filter { $0.kind == .traffic }
            for k in traffic.dropFirst() { more.append((s, k.id)) }
        }
        let sources = starts.map { (id: $0, arrow: String?.none) } + more
        /// A finding, with the circle it is about when the request went round one.
        @Sendable func finding(from source: (id: String, arrow: String?)) -> (Finding, loop: Set<String>?)? {
            let s = source.id
            let (trace, _) = FlowEngine.trace(d, from: s, state: FlowState(), arrow: source.arrow)
            guard !trace.succeeded, var last = trace.hops.last else { return nil }
            var loop = trace.loop.map(Set.init)
            // A request for / stopped at an Ingress that routes other paths (a 404 from its
            // controller, not a break): the check asks each of its rules' hosts and paths instead,
            // and reports the first that fails.
            if let ing = d.component(last.from), ing.kind == .ingress, last.to == ing.id, !ing.ingressRules.isEmpty {
                let asked = ing.ingressRules.lazy.map { r in
                    FlowEngine.trace(d, from: s, state: FlowState(), host: r.host, path: r.path, arrow: source.arrow).0
                }
                guard let failing = asked.first(where: { !$0.succeeded }), let l = failing.hops.last else { return nil }
                last = l
                loop = failing.loop.map(Set.init)
            }
            let at = d.component(last.from) != nil ? last.from : s
            return (Finding(.error, "request-fails", component: at, last.narration), loop)
        }
        var found: [(Finding, loop: Set<String>?)?]
        if sources.count > parallelAbove {
            // In source order whichever thread traced what: each source has its own slot.
            found = Array(repeating: nil, count: sources.count)
            found.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    for i in stride(from: half, to: sources.count, by: 2) { slots[i] = finding(from: sources[i]) }
                }
            }
        } else {
            found = sources.map(finding)
        }
        // One circle is one break, whichever of its members a trace entered it by.
        var circles: Set<Set<String>> = []
        return found.compactMap { f in
            guard let (finding, loop) = f else { return nil }
            if let loop, !circles.insert(loop).inserted { return nil }
            return finding
        }
    }
}
