import HopsDesign

/// An Ingress is configuration; its controller (Pods of its own) takes the client's connection
/// and proxies to the Pod IPs in the backend Service's EndpointSlices, balancing per request.
/// Rules route: the Host header must match (a rule without host matches any request; a request
/// by IP matches only those), the path must start with the rule's prefix (whole segments, as
/// Kubernetes' `Prefix` path type does), and the longest prefix wins. The default backend is the
/// last rule, for any host and path.
extension StepRules {
    func ingress(_ ing: Component, _ a: Arrival, _ state: FlowState) -> Step {
        let name = Words.name(ing)
        let rules = ing.ingressRules
        guard !rules.isEmpty else {
            if firstTraffic(from: ing.id) != nil {
                return forward(ing, a, state, prefix: "\(name) has no rules, so it follows its arrow: ")
            }
            return .fail(
                stop(
                    ing.id,
                    "\(name) has no rules and no default backend: add a rule naming a Service (host, path, service)"))
        }
        let asked =
            (host.map { "Host \(SafeText.escape($0))" } ?? "a request by IP (its Host header is the address)")
            + " and path \(SafeText.escape(path))"
        let matching = rules.enumerated().filter { hostMatches($0.element.host) && pathMatches($0.element) }
        // Longest path first, an Exact rule before a Prefix one of the same path; an exact host
        // beats a rule for any host; then design order.
        let best = matching.min { l, r in
            let (lp, rp) = (prefixLength(l.element.path), prefixLength(r.element.path))
            if lp != rp { return lp > rp }
            let (le, re) = (l.element.pathType == "Exact", r.element.pathType == "Exact")
            if le != re { return le }
            let (lh, rh) = (l.element.host != nil, r.element.host != nil)
            if lh != rh { return lh }
            return l.offset < r.offset
        }?.element
        guard let rule = best else {
            return .fail(
                stop(
                    ing.id,
                    "\(name) has no rule for \(asked) (its rules: \(rules.map(describe).joined(separator: "; "))), "
                        + "so its controller answers 404 Not Found itself and no Pod sees the request (the usual "
                        + "default backend): ask for a path a rule routes (--path, :trace PATH), or add a matching "
                        + "rule or a default backend"
                ))
        }
        let svcName = SafeText.escape(rule.service)
        let ns = Namespaces.of(ing, in: design)
        let named = design.components.filter { $0.kind == .service && $0.name == rule.service }
        guard let svc = named.first(where: { Namespaces.of($0, in: design) == ns }) else {
            var why =
                "\(name) routes \(describe(rule)), but there is no Service named \(svcName) in namespace "
                    + "\(SafeText.escape(ns))"
            if let other = named.first {
                why +=
                    " (there is one in namespace \(SafeText.escape(Namespaces.of(other, in: design))), and an Ingress "
                    + "backend reaches only its own namespace)"
            }
            return .fail(
                stop(
                    ing.id, why + ": add a Service called \(svcName) there or fix the rule",
                    kubectl: Kubectl.ingress(ing, design)))
        }
        if svc.properties["missing"]?.bool == true, let why = StepRules.answersNothing(svc) {
            return .fail(stop(ing.id, "\(name) routes \(describe(rule)), but \(Words.name(svc)) \(why)",
                              kubectl: Kubectl.ingress(ing, design)))
        }
        let ports = svc.servicePorts
        let list = Words.list(ports.map { String($0.port) })
        let port: Int
        if let p = rule.port {
            guard ports.contains(where: { $0.port == p }) else {
                let why =
                    "\(name) routes \(describe(rule)) to port \(p), but \(Words.name(svc)) has no port \(p); it "
                        + "listens on "
                    + "\(ports.isEmpty ? "no port" : list), so the controller has no backend and answers 503: set "
                    + "the rule's port to \(ports.first.map { String($0.port) } ?? "a Service port")"
                return .fail(stop(ing.id, why, kubectl: Kubectl.ingress(ing, design)))
            }
            port = p
        } else {
            guard ports.count == 1 else {
                let why =
                    "\(name) routes \(describe(rule)) without a port, and \(Words.name(svc)) has "
                        + "\(ports.isEmpty ? "no port" : "ports \(list)"): "
                    + "a backend must name one of the Service's ports"
                return .fail(stop(ing.id, why, kubectl: Kubectl.ingress(ing, design)))
            }
            port = ports[0].port
        }
        var sentence =
            "the Ingress controller behind \(name) (its own Pods, which take the client's connection) matched "
            + "the rule \(describe(rule)) for \(asked)"
        if host == nil { sentence += " (a Host header that is an IP address matches only rules without a host)" }
        if matching.count > 1 { sentence += " (the longest matching prefix wins)" }
        sentence +=
            "; it proxies the request on a connection of its own to the endpoints of \(Words.name(svc)) port \(port)"
        if rule.port == nil {
            sentence += " (the design's rule names no port; a real Ingress backend must name one, so Hops takes the "
                + "Service's only port and its export writes it)"
        }
        let conn = design.connections(from: ing.id).first { $0.kind == .traffic && $0.to == svc.id }
        var hop = request(ing.id, svc.id, conn?.id, sentence, nil)
        hop.kubectl = Kubectl.ingress(ing, design)
        return .go(hop, Arrival(at: svc.id, via: conn, servicePort: port, caller: ing.id), state)
    }

    private func hostMatches(_ ruleHost: String?) -> Bool {
        // A rule without a host matches every request; a rule with one only a request whose
        // Host header matches (a request by IP has none).
        guard let want = ruleHost?.lowercased(), !want.isEmpty else { return true }
        guard let have = host?.lowercased() else { return false }
        if want.hasPrefix("*.") {
            // A wildcard covers exactly one more label: *.example.com matches a.example.com.
            let rest = want.dropFirst(1)
            guard have.hasSuffix(rest) else { return false }
            let head = have.dropLast(rest.count)
            return !head.isEmpty && !head.contains(".")
        }
        return want == have
    }

    /// The rule path without a trailing slash; "/" (or empty) becomes "", matching everything.
    private func prefix(_ rulePath: String) -> String {
        var p = Substring(rulePath)
        while p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }

    private func prefixLength(_ rulePath: String) -> Int { prefix(rulePath).count }

    private func pathMatches(_ rule: IngressRule) -> Bool {
        if rule.pathType == "Exact" { return path == rule.path }
        let p = prefix(rule.path)
        return p.isEmpty || path == p || path.hasPrefix(p + "/")
    }

    /// "shop.example.com /api → Service api", "any host / → Service web".
    private func describe(_ r: IngressRule) -> String {
        "\(r.host.map(SafeText.escape) ?? "any host") \(SafeText.escape(r.path))"
            + "\(r.pathType == "Exact" ? " (exact)" : "") → Service "
            + "\(SafeText.escape(r.service))"
    }
}
