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
        d.connections[0] = FlowFixtures.traffic("user", "edge", label: "HTTPS :443")
        d.connections.append(FlowFixtures.traffic("edge", "svc-web"))
        return d
    }

    func target(_ d: Design, host: String? = nil, path: String) -> Trace {
        FlowEngine.trace(d, from: "user", state: FlowState(), host: host, path: path).0
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

    @Test func requestWithoutHostMatchesAnyRuleHost() {
        #expect(target(design(), path: "/api").requestHops.map(\.to).contains("svc-api"))
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
