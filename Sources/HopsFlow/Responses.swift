import HopsDesign

/// The way back: the response retraces the request hops in reverse, through the same replicas
/// and arrows, so the UI can animate it along the path the user just watched.
enum Responses {
    static func back(along request: [Hop], source: String, in design: Design) -> [Hop] {
        request.reversed().enumerated().map { i, h in
            Hop(from: h.to, to: h.from, connection: h.connection, direction: .response, status: .ok,
                narration: narration(h, first: i == 0, source: source, design: design),
                instance: h.instance, instanceCount: h.instanceCount)
        }
    }

    /// One sentence per hop back; the first says who answered, the last that the request is done.
    private static func narration(_ h: Hop, first: Bool, source: String, design: Design) -> String {
        let from = name(h.to, h, design)
        let to = name(h.from, h, design)
        var s: String
        if first { s = "\(from) has no outgoing connection, so it answers; the response goes back to \(to)" }
        else if design.component(h.to)?.kind == .container, design.component(h.from)?.kind == .pod {
            s = "\(from) hands the response back to its \(to)"
        } else { s = "\(from) sends the response back to \(to)" }
        if h.from == source { s += "; the request is complete" }
        return s
    }

    /// "Pod web-2" when the hop is inside a replica, else the component's plain name.
    private static func name(_ id: String, _ h: Hop, _ design: Design) -> String {
        guard let c = design.component(id) else { return Words.name(id, in: design) }
        if c.kind == .pod, let i = h.instance { return "Pod \(Replicas.name(c, index: i, in: design))" }
        return Words.name(c)
    }
}
