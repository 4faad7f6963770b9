import HopsDesign
import HopsEditor
import HopsFlow

/// Everything a condition may look at: the design and the cluster as the editor has them now,
/// the requests on screen, and what they were when the step began (for "changed", "replaced"
/// and the Pods reached since then).
public struct Situation {
    public var design: Design
    public var flow: FlowState
    public var player: Player?
    /// The design and the cluster when the step began.
    public var before: (design: Design, flow: FlowState)
    /// Per Pod template id: the Pods (by name) requests reached since the step began.
    public var podsSeen: [String: Set<String>]
    /// Fresh traces by path, shared by the conditions asked about one design (see FreshTraces).
    let traces: FreshTraces

    public init(
        design: Design, flow: FlowState, player: Player?, before: (design: Design, flow: FlowState),
        podsSeen: [String: Set<String>] = [:], traces: FreshTraces = FreshTraces()
    ) {
        self.design = design
        self.flow = flow
        self.player = player
        self.before = before
        self.podsSeen = podsSeen
        self.traces = traces
    }

    /// The hops the requests on screen have travelled: for each packet, the hops before the one
    /// it is on, and that one too once the packet stands still on it (stepped with `n`, paused,
    /// or at its end). A packet still moving along a hop has not reached the hop's end.
    public var travelled: [Hop] {
        guard let player else { return [] }
        return player.packets.flatMap { p -> [Hop] in
            let last = p.finished || !player.playing ? p.hop : p.hop - 1
            return last < 0 ? [] : Array(p.trace.hops.prefix(last + 1))
        }
    }

    func ids(_ r: ComponentRef) -> Set<String> { Set(r.resolve(in: design).map(\.id)) }

    public func holds(_ c: Condition) -> Bool {
        switch c {
        case .all(let cs): return cs.allSatisfy(holds)
        case .any(let cs): return cs.contains(where: holds)
        case .not(let c): return !holds(c)
        case .requestReached(let r):
            let want = ids(r)
            return travelled.contains { $0.direction == .request && $0.status == .ok && want.contains($0.to) }
        case .responseReached(let r):
            let want = ids(r)
            return travelled.contains { $0.direction == .response && want.contains($0.to) }
        case .requestFailed(let r):
            let want = ids(r)
            return travelled.contains { $0.status == .failed && want.contains($0.from) }
        case .podsReached(let n, let r):
            return ids(r).contains { (podsSeen[$0]?.count ?? 0) >= n }
        case .copyDown(let r):
            return ids(r).contains { !(flow.down[$0] ?? []).isEmpty }
        case .replaced(let r):
            return ids(r).contains { replacements($0, in: flow) > replacements($0, in: before.flow) }
        case .rollingOut(let r):
            return ids(r).contains { flow.rollouts[$0] != nil }
        case .exists(let r):
            return !ids(r).isEmpty
        case .connection(let kind, let from, let to):
            let (a, b) = (ids(from), ids(to))
            return design.connections.contains {
                a.contains($0.from) && b.contains($0.to) && (kind == nil || $0.kind == kind)
            }
        case .selectorMatches(let s, let p):
            let pods = p.resolve(in: design)
            return s.resolve(in: design).contains { svc in
                !svc.selector.isEmpty
                    && pods.contains { pod in svc.selector.allSatisfy { pod.labels[$0.key] == $0.value } }
            }
        case .property(let key, let r, let want):
            return r.resolve(in: design).contains {
                PropertyText.of(key, $0).map { PropertyText.same($0, want) } ?? false
            }
        case .propertyChanged(let key, let r):
            return r.resolve(in: design).contains { c in
                PropertyText.of(key, c) != before.design.component(c.id).flatMap { PropertyText.of(key, $0) }
            }
        case .pathReaches(let path, let r):
            let want = ids(r)
            return fresh(path).hops.contains { $0.direction == .request && $0.status == .ok && want.contains($0.to) }
        case .routes(let ing, let path, let svc):
            let (ingresses, services) = (
                ing.resolve(in: design).filter { !$0.ingressRules.isEmpty }.map(\.id), ids(svc)
            )
            return fresh(path).hops.contains { h in
                h.status == .ok && ingresses.contains(h.from) && services.contains(h.to)
            }
        }
    }

    /// How many times the Pod's copies were replaced, in all.
    private func replacements(_ pod: String, in state: FlowState) -> Int {
        (state.generation[pod] ?? [:]).values.reduce(0, +)
    }

    /// A request for `path` traced from the design's User (or first source) on a cluster just
    /// started: what the design does, whatever the person has on screen.
    private func fresh(_ path: String) -> Trace { traces.trace(path, in: design) }
}

/// The traces conditions ask for (a request for a path on a cluster just started), kept while
/// the design stays the same: a step's condition and hints are asked after every event and for
/// every frame, ticks included, and each asked for a whole trace.
public final class FreshTraces {
    private var design: Design?
    private var byPath: [String: Trace] = [:]

    public init() {}

    func trace(_ path: String, in design: Design) -> Trace {
        if self.design != design {
            self.design = design
            byPath = [:]
        }
        if let known = byPath[path] { return known }
        let t: Trace
        if let source = FlowEngine.defaultSource(in: design) {
            t = FlowEngine.trace(design, from: source, state: FlowState(), path: path).0
        } else {
            t = Trace(source: "", hops: [], succeeded: false)
        }
        byPath[path] = t
        return t
    }
}
