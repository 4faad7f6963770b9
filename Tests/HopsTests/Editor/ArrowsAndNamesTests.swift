import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsFlow
import HopsInput
import Testing

/// Arrows and names say what is true now, by name.
@Suite struct ArrowsAndNamesTests {
    @Test func aSelectsArrowShowsTheCurrentSelector() throws {
        var s = try Session.bundled()
        while s.editor.selection != "svc-web" { s.keys("<Tab>") }
        s.keys("e<Down><Down><Enter><C-u>app=api<Enter><Esc>")
        #expect(s.screenText.contains("app=api"))
        #expect(!s.screenText.contains("app=web──"))
        let arrow = try #require(s.design.connections.first { $0.kind == .selects })
        #expect(s.design.shownLabel(of: arrow) == "app=api")
    }

    @Test func aSecondIdenticalConnectionIsRefused() throws {
        var s = try Session.bundled()
        let before = s.design.connections.count
        s.editor.selection = "user"
        s.keys("c")
        while case .connect(_, let t, _) = s.editor.mode, t != "svc-web" { s.keys("<Tab>") }
        s.keys("<Enter>")
        #expect(s.design.connections.count == before)
        #expect(s.editor.message == "not connected: User → Service web (traffic) is already drawn")
    }

    @Test func promptsUseNamesAndNewComponentsGetUniqueShortNames() throws {
        var s = try Session.bundled()
        s.editor.selection = "ctr-db"
        s.keys("rstore<Enter>")
        s.editor.selection = "ctr-app"
        s.keys("c")
        while case .connect(_, let t, _) = s.editor.mode, t != "ctr-db" { s.keys("<Tab>") }
        #expect(s.editor.message?.hasPrefix("Container app → Container store as traffic") == true)
        s.keys("<Esc><Esc>")
        s.editor.selection = nil
        s.keys("asvc<Enter>")
        s.editor.selection = nil
        s.keys("asvc<Enter>")
        let names = s.design.components.filter { $0.kind == .service }.map(\.name)
        #expect(names == ["web", "svc", "svc-2"])
    }

    @Test func scaleOnAServiceScalesTheWorkloadItSelects() throws {
        var s = try Session.bundled()
        s.editor.selection = "svc-web"
        s.keys(":scale 5<Enter>")
        #expect(s.design.component("deploy-web")?.replicas == 5)
        #expect(s.editor.message == "Service web's Pods belong to Deployment web: scaled it to 5 replicas")
    }

    @Test func aRenamedServiceKeepsTheIngressRulesThatRouteToIt() throws {
        var d = FlowFixtures.web()
        d.components.append(FlowFixtures.component("edge", .ingress, "edge", [
            "rules": .array([.object(["path": .string("/"), "service": .string("web"), "port": .number(80)])]),
            "defaultBackend": .object(["service": .string("web")]),
        ]))
        d.connections[0] = FlowFixtures.traffic("user", "edge", label: "HTTPS", port: 443)
        d.connections.append(FlowFixtures.traffic("edge", "svc-web"))
        var s = Session(d)
        #expect(FlowEngine.trace(s.design, from: "user", state: FlowState()).0.succeeded)
        s.editor.selection = "svc-web"
        s.keys("r<C-u>front<Enter>")
        #expect(s.editor.message
            == "renamed Service web to front; Ingress edge now routes to it by its new name")
        #expect(s.design.component("edge")?.ingressRules.map(\.service) == ["front", "front"])
        #expect(FlowEngine.trace(s.design, from: "user", state: FlowState()).0.succeeded)
        s.keys("u")
        #expect(s.design.component("edge")?.ingressRules.map(\.service) == ["web", "web"])
    }

    @Test func aNameNoClusterAcceptsIsSaidAtOnce() throws {
        var s = try Session.bundled()
        s.editor.selection = "svc-web"
        s.keys("r<C-u>Web.Front<Enter>")
        #expect(s.editor.message == "renamed Service web to Web.Front (not a valid Kubernetes name for a Service "
            + "(lowercase letters, digits and '-', starting with a letter, at most 63): hops check warns and export "
            + "writes it another way)")
        s.keys("r<C-u>web-front<Enter>")
        #expect(s.editor.message == "renamed Service Web.Front to web-front")
    }

    @Test func anotherServiceOfTheOldNameKeepsTheRules() throws {
        var d = FlowFixtures.web()
        d.components.append(FlowFixtures.component("edge", .ingress, "edge", [
            "rules": .array([.object(["path": .string("/"), "service": .string("web")])]),
        ]))
        d.components.append(FlowFixtures.component("svc-web2", .service, "web", [:]))
        var s = Session(d)
        s.editor.selection = "svc-web"
        s.keys("r<C-u>front<Enter>")
        #expect(s.editor.message == "renamed Service web to front")
        #expect(s.design.component("edge")?.ingressRules.map(\.service) == ["web"])
    }
}
