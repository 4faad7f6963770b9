import HopsCheck
import HopsDesign
import HopsFlow
import Testing

/// An Ingress in front of two Services: rules by host and path prefix, the longest prefix
/// winning, a default backend, and the failures a beginner runs into.
@Suite struct FlowIngressTests {
    /// User → Ingress edge with rules shop.example.com /api → api, any host / → web.
    func design(rules: [(String?, String, String)] = [("shop.example.com", "/api", "api"), (nil, "/", "web")],
                defaultBackend: String? = nil) -> Design {
        var d = FlowFixtures.web()
        FlowFixtures.addAPI(to: &d)
        var props: [String: JSONValue] = ["rules": .array(rules.map { host, path, svc in
            var o: [String: JSONValue] = ["path": .string(path), "service": .string(svc), "port": .number(80)]
            o["host"] = host.map { .string($0) }
            return .object(o)
        })]
        if let b = defaultBackend { props["defaultBackend"] = .object(["service": .string(b)]) }
        d.components.append(FlowFixtures.component("edge", .ingress, "edge", props))
        d.connections[0] = FlowFixtures.traffic("user", "edge", label: "HTTPS", port: 443)
        d.connections.append(FlowFixtures.traffic("edge", "svc-web"))
        return d
    }

    func target(_ d: Design, host: String? = nil, path: String) -> Trace {
        FlowEngine.trace(d, from: "user", state: FlowState(), host: host, path: path).0
    }

    /// A path no rule routes gets the controller's 404, said as such; the check asks each rule's
    /// host and path instead of /, and reports the one that breaks.
    @Test func aPathNoRuleRoutesIsTheControllers404AndTheCheckAsksTheRules() {
        let d = design(rules: [("shop.example.com", "/api", "api"), (nil, "/shop", "web")])
        let t = target(d, path: "/")
        #expect(!t.succeeded)
        #expect(t.failure?.contains("so its controller answers 404 Not Found itself and no Pod sees the request") == true)
        #expect(CheckEngine.findings(in: d, catalog: Fixtures.catalog).filter { $0.rule == "request-fails" }.isEmpty)
        var broken = d
        broken.components[broken.index(of: "svc-api")!].selector = ["app": "nope"]
        let found = CheckEngine.findings(in: broken, catalog: Fixtures.catalog).filter { $0.rule == "request-fails" }
        #expect(found.contains { $0.message.contains("Service api looks for Pods with app=nope") })
    }

    @Test func longestPrefixWins() throws {
        let t = target(design(), host: "shop.example.com", path: "/api/items")
        #expect(t.succeeded)
        #expect(t.requestHops.map(\.to) == ["edge", "svc-api", "pod-api", "ctr-api"])
        #expect(t.hops[1].connection == nil) // no arrow drawn from edge to svc-api
        #expect(t.hops[1].narration.contains("/api"))
        #expect(t.hops[1].narration.contains("Service api"))
    }

    @Test func prefixMatchesWholeSegmentsAndOtherPathsFallThrough() {
        let d = design()
        for path in ["/apix", "/", "/about"] {
            let t = target(d, host: "shop.example.com", path: path)
            #expect(t.requestHops.dropFirst().first?.to == "svc-web", "path \(path)")
            #expect(t.hops[1].connection == "edge->svc-web")
        }
    }

    @Test func requestByIPMatchesOnlyRulesWithoutHost() {
        let t = target(design(), path: "/api")
        #expect(!t.requestHops.map(\.to).contains("svc-api"))
        #expect(t.requestHops.map(\.to).contains("svc-web"))
        #expect(t.hops[1].narration.contains("for a request by IP (its Host header is the address) and path /api (a Host "
            + "header that is an IP address matches only rules without a host)"))
    }

    @Test func controllerIsAHopBothWaysAndProxiesToPodIPs() {
        let t = target(design(), host: "shop.example.com", path: "/")
        #expect(t.succeeded)
        #expect(t.hops[1].narration.hasPrefix("the Ingress controller behind Ingress edge (its own Pods, which take the "
            + "client's connection) matched the rule any host / → Service web"))
        #expect(t.hops[2].narration.hasPrefix("Ingress edge's controller does not use the ClusterIP: it reads Service "
            + "web's EndpointSlices (3 ready Pods with app=web) and proxies straight to a Pod IP"))
        #expect(t.hops[2].narration.contains("the controller takes the endpoints in turn, per request"))
        // Back: db → app, app → the controller (not through Service web), the controller → User.
        #expect(t.responseHops.map { [$0.from, $0.to] } == [["ctr-db", "ctr-app"], ["ctr-app", "edge"], ["edge", "user"]])
        #expect(t.responseHops[1].narration.contains("straight back to Ingress edge, not through Service web (the "
            + "controller proxied to the Pod IP, so no Service address is involved)"))
        #expect(t.responseHops[2].narration == "Ingress edge now has what it needed and answers User on the connection "
            + "User opened; the request is complete")
    }

    @Test func exactPathTypeMatchesOnlyTheWholePath() throws {
        var d = design(rules: [(nil, "/api", "api"), (nil, "/", "web")])
        let i = try #require(d.index(of: "edge"))
        var rules = d.components[i].properties["rules"]?.array ?? []
        var first = rules[0].object ?? [:]
        first["pathType"] = .string("Exact")
        rules[0] = .object(first)
        d.components[i].properties["rules"] = .array(rules)
        #expect(target(d, path: "/api").requestHops.map(\.to).contains("svc-api"))
        let deeper = target(d, path: "/api/items")
        #expect(deeper.requestHops.map(\.to).contains("svc-web"))
        #expect(!deeper.requestHops.map(\.to).contains("svc-api"))
        #expect(target(d, path: "/api").hops[1].narration.contains("matched the rule any host /api (exact) → Service api"))
    }

    @Test func controllerBalancesPerRequestEvenOnOneClientConnection() {
        let d = design()
        var state = FlowState()
        var picks: [Int?] = []
        for n in 0..<3 {
            let (t, s) = FlowEngine.trace(d, from: "user", state: state, host: "shop.example.com", path: "/",
                                          sameConnection: n > 0)
            picks.append(FlowFixtures.chosen([t])[0]); state = s
        }
        #expect(picks == [1, 2, 3])
        #expect(state.open.isEmpty) // the controller keeps its own connections; no client connection is pinned
    }

    @Test func backendNamingAMissingServicePortFails() throws {
        var d = design(rules: [(nil, "/", "web")])
        let i = try #require(d.index(of: "edge"))
        d.components[i].properties["rules"] = .array([.object(["path": .string("/"), "service": .string("web"), "port": .integer(8080)])])
        let t = target(d, path: "/")
        #expect(!t.succeeded)
        #expect(t.failure == "Ingress edge routes any host / → Service web to port 8080, but Service web has no port "
            + "8080; it listens on 80, so the controller has no backend and answers 503: set the rule's port to 80")
    }

    @Test func otherHostFallsToTheDefaultBackend() {
        let d = design(rules: [("shop.example.com", "/", "api")], defaultBackend: "web")
        #expect(target(d, host: "blog.example.com", path: "/").requestHops.map(\.to).contains("svc-web"))
        #expect(target(d, host: "shop.example.com", path: "/").requestHops.map(\.to).contains("svc-api"))
    }

    @Test func noMatchingRuleStopsAtTheIngress() throws {
        let d = design(rules: [("shop.example.com", "/api", "api")])
        let t = target(d, host: "blog.example.com", path: "/")
        #expect(!t.succeeded)
        let last = try #require(t.hops.last)
        #expect(last.status == .failed)
        #expect(last.from == "edge" && last.to == "edge")
        #expect(last.narration.contains("blog.example.com"))
        #expect(last.narration.contains("no rule"))
    }

    @Test func ruleNamingAMissingServiceSaysSo() throws {
        let t = target(design(rules: [(nil, "/", "shop")]), path: "/")
        let last = try #require(t.hops.last)
        #expect(!t.succeeded && last.status == .failed)
        #expect(last.to == "edge")
        #expect(last.narration.contains("no Service named shop"))
    }

    @Test func ingressWithoutRulesFollowsItsArrow() {
        let t = target(design(rules: []), path: "/")
        #expect(t.succeeded)
        #expect(t.hops[1].to == "svc-web")
        #expect(t.hops[1].narration.contains("no rules"))
    }
}
