/// What an arrow says. Part of it is a fact about the design (a `selects` arrow's selector, the
/// port a traffic arrow dials, the range an HPA scales in) and is worked out from the design each
/// time it is drawn, so it can never go stale; the rest is what the user typed, kept as theirs.
extension Design {
    /// The label an arrow shows: what the user typed, then the fact ("HTTP :80", "app=web").
    public func shownLabel(of k: Connection) -> String? { shownLabel(of: k, find: { self.component($0) }) }

    /// Every connection's shown label, in order: for drawing a whole design, where looking each
    /// end up by scanning the components cost connections x components.
    public func shownLabels() -> [String?] {
        // By index: a dictionary of components copied each one (their strings retained).
        var byID: [String: Int] = [:]
        byID.reserveCapacity(components.count)
        for (i, c) in components.enumerated() { byID[c.id] = i }
        let components = components
        return connections.map { shownLabel(of: $0, find: { byID[$0].map { components[$0] } }) }
    }

    private func shownLabel(of k: Connection, find: (String) -> Component?) -> String? {
        let parts = [typedLabel(of: k, find: find), labelFact(of: k, find: find)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The part of a connection's stored label the user wrote. A stored fact (a selector on a
    /// `selects` arrow, "scales 2-5" on an HPA's arrow, as older files and imports wrote them) is
    /// not theirs: the derived one replaces it.
    public func typedLabel(of k: Connection) -> String? { typedLabel(of: k, find: { self.component($0) }) }

    private func typedLabel(of k: Connection, find: (String) -> Component?) -> String? {
        guard let l = k.label?.trimmed, !l.isEmpty else { return nil }
        if storesFact(l, on: k, find: find) { return nil }
        return l
    }

    /// True when text typed as the label of `k` would only repeat a fact the arrow derives.
    public func storesFact(_ text: String, on k: Connection) -> Bool {
        storesFact(text, on: k, find: { self.component($0) })
    }

    private func storesFact(_ text: String, on k: Connection, find: (String) -> Component?) -> Bool {
        let from = find(k.from)
        if k.kind == .selects, from?.kind == .service, text.contains("="), parseLabels(text) != nil { return true }
        if k.kind == .manages, from?.kind == .hpa, text.hasPrefix("scales ") { return true }
        return false
    }

    /// The fact an arrow states, nil when it states none.
    public func labelFact(of k: Connection) -> String? { labelFact(of: k, find: { self.component($0) }) }

    private func labelFact(of k: Connection, find: (String) -> Component?) -> String? {
        guard let from = find(k.from) else { return nil }
        switch k.kind {
        case .selects where from.kind == .service:
            return from.selector.isEmpty ? nil : formatLabels(from.selector)
        case .manages where from.kind == .hpa:
            return HPARange(from).map { "scales \($0)" }
        case .traffic:
            return dialledPort(of: k, find: find).map { ":\($0.port)" }
        default:
            return nil
        }
    }

    /// The port a traffic connection dials and whether the arrow names it: its own port, else
    /// (as a trace assumes) the only port of the Service it reaches. Nil when neither is known,
    /// and for an Ingress's arrow without a port: its rules choose the Service port, not the arrow.
    public func dialledPort(of k: Connection) -> (port: Int, named: Bool)? {
        dialledPort(of: k, find: { self.component($0) })
    }

    private func dialledPort(of k: Connection, find: (String) -> Component?) -> (port: Int, named: Bool)? {
        guard k.kind == .traffic else { return nil }
        if let p = k.port { return (p, true) }
        guard find(k.from)?.kind != .ingress, let to = find(k.to), to.kind == .service,
              to.servicePorts.count == 1 else { return nil }
        return (to.servicePorts[0].port, false)
    }
}

/// "2-10" for an HPA's minReplicas and maxReplicas, "from 2" without a maximum; nil with neither.
private func HPARange(_ hpa: Component) -> String? {
    let lo = hpa.properties["minReplicas"]?.int, hi = hpa.properties["maxReplicas"]?.int
    if lo == nil && hi == nil { return nil }
    return hi.map { "\(lo ?? 1)-\($0)" } ?? "from \(lo ?? 1)"
}
