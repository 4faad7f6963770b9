import HopsDesign
import HopsFlow

/// Every place where a request would fail today: traced from each User, each Ingress and
/// Service, and each component that calls on (an arrow leaves it), so breaks behind the first
/// one are found too.
enum Paths {
    static func findings(_ d: Design, index: [String: Component]) -> [Finding] {
        var out: [Finding] = []
        var sources: [String] = []
        let senders = Set(d.connections.filter { $0.kind == .traffic }.map(\.from))
        for c in d.components where c.kind == .user || c.kind == .ingress || c.kind == .service || senders.contains(c.id) {
            if c.kind == .note { continue }
            sources.append(c.id)
        }
        for s in sources {
            let (trace, _) = FlowEngine.trace(d, from: s, state: FlowState())
            guard !trace.succeeded, let last = trace.hops.last else { continue }
            let at = index[last.from] != nil ? last.from : s
            out.append(Finding(.error, "request-fails", component: at, last.narration))
        }
        return out
    }
}
