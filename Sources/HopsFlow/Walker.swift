import HopsDesign

/// Walks one request hop by hop until a component answers or a step fails. It also tells a
/// loop: every decision depends only on the component pair and the port carried along, so the
/// same hop (with the same port) coming up twice means the request would go round forever.
/// The trace then ends at the hop that closed the circle, the one a user would remove.
struct Walker {
    /// A safety bound on request hops, far above any design a person draws.
    static let maxHops = 64

    let rules: StepRules
    var state: FlowState
    private(set) var hops: [Hop] = []
    private var keys: [String] = []
    /// The components of the circle when the request went round one (see `closeLoop`).
    private(set) var loop: [String]?

    init(rules: StepRules, state: FlowState) { self.rules = rules; self.state = state }

    /// The request hops and whether the last component answered; on failure the last hop failed.
    mutating func run(from source: String) -> (answered: Bool, failure: String?) {
        let design = rules.design
        guard design.component(source) != nil else {
            let why = "there is no component with the id \"\(SafeText.escape(source))\" to send a request from"
            return (false, why)
        }
        var arrival = Arrival(at: source, isSource: true)
        while true {
            guard hops.count < Walker.maxHops else {
                let again = repeating()
                let why = again.isEmpty
                    ? "the request took \(Walker.maxHops) hops without reaching a component that answers, more than Hops follows: shorten the chain"
                    : "the request took \(Walker.maxHops) hops without reaching a component that answers; it passes \(again) more than once: remove a traffic connection so the chain ends"
                return fail(last: why)
            }
            switch rules.step(arrival, state) {
            case .answer:
                return (true, nil)
            case .fail(let hop):
                hops.append(hop)
                return (false, hop.narration)
            case .go(let hop, let next, let after):
                let key = "\(hop.from)>\(hop.to)#\(next.key)"
                if let first = keys.firstIndex(of: key) { return closeLoop(from: first) }
                hops.append(hop); keys.append(key)
                state = after
                arrival = next
            }
        }
    }

    /// Marks the last hop, which led back into the circle starting at hop `first`, as the failure.
    private mutating func closeLoop(from first: Int) -> (answered: Bool, failure: String?) {
        let design = rules.design
        let circle = hops[first...].map { Words.name($0.from, in: design) } + [Words.name(hops[first].from, in: design)]
        let back = Words.name(hops[hops.count - 1].to, in: design)
        loop = hops[first...].map(\.from)
        // The hop's own narration first, then (a sentence of its own) why it goes nowhere.
        let why = "\(hops[hops.count - 1].narration). The request has passed \(back) before, so it would go round "
            + "\(circle.joined(separator: " → ")) until a timeout along the way ends it (the client's, or a proxy's "
            + "504), and nothing answers: remove "
            + "one of these traffic connections so the chain ends at a component that answers"
        return fail(last: why)
    }

    private mutating func fail(last why: String) -> (answered: Bool, failure: String?) {
        hops[hops.count - 1].status = .failed
        hops[hops.count - 1].narration = why
        return (false, why)
    }

    /// "Service web, Pod web and container app": the components seen more than once ("" if none).
    private func repeating() -> String {
        var seen: [String: Int] = [:]
        var order: [String] = []
        for h in hops { if seen[h.to] == nil { order.append(h.to) }; seen[h.to, default: 0] += 1 }
        let names = order.filter { seen[$0, default: 0] > 1 }.map { Words.name($0, in: rules.design) }
        return Words.list(names)
    }
}
