import HopsDesign

/// An Ingress routes by its rules: the host must match (a rule without host, or a request
/// without host, matches any), the path must start with the rule's prefix (whole segments, as
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
            return .fail(stop(ing.id, "\(name) has no rules and no default backend: add a rule naming a Service (host, path, service)"))
        }
        let asked = "host \(host.map(SafeText.escape) ?? "(any)") and path \(SafeText.escape(path))"
        let matching = rules.enumerated().filter { hostMatches($0.element.host) && pathMatches($0.element.path) }
        // Longest prefix first; an exact host beats a rule for any host; then design order.
        let best = matching.min { l, r in
            let (lp, rp) = (prefixLength(l.element.path), prefixLength(r.element.path))
            if lp != rp { return lp > rp }
            let (lh, rh) = (l.element.host != nil, r.element.host != nil)
            if lh != rh { return lh }
            return l.offset < r.offset
        }?.element
        guard let rule = best else {
            return .fail(stop(ing.id, "\(name) has no rule for \(asked) (its rules: \(rules.map(describe).joined(separator: "; "))): add a matching rule or a default backend"))
        }
        let svcName = SafeText.escape(rule.service)
        guard let svc = design.components.first(where: { $0.kind == .service && $0.name == rule.service }) else {
            return .fail(stop(ing.id, "\(name) routes \(describe(rule)), but there is no Service named \(svcName): add a Service called \(svcName) or fix the rule"))
        }
        var sentence = "\(name) matched the rule \(describe(rule)) for \(asked)"
        if matching.count > 1 { sentence += " (the longest matching prefix wins)" }
        sentence += "; sending to \(Words.name(svc))"
        if let p = rule.port { sentence += " on port \(p)" }
        let conn = design.connections.first { $0.kind == .traffic && $0.from == ing.id && $0.to == svc.id }
        let hop = request(ing.id, svc.id, conn?.id, sentence, nil)
        let port = rule.port ?? Words.ports(in: conn?.label).first
        return .go(hop, Arrival(at: svc.id, via: conn, servicePort: port), state)
    }

    private func hostMatches(_ ruleHost: String?) -> Bool {
        guard let want = ruleHost?.lowercased(), !want.isEmpty, let have = host?.lowercased() else { return true }
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

    private func pathMatches(_ rulePath: String) -> Bool {
        let p = prefix(rulePath)
        return p.isEmpty || path == p || path.hasPrefix(p + "/")
    }

    /// "shop.example.com /api → Service api", "any host / → Service web".
    private func describe(_ r: IngressRule) -> String {
        "\(r.host.map(SafeText.escape) ?? "any host") \(SafeText.escape(r.path)) → Service \(SafeText.escape(r.service))"
    }
}
