import HopsCanvas
import HopsDesign
import HopsEditor
import HopsInput
import Testing

/// What the editor gained for the tour, used directly: highlights, reveal, a lesson's change,
/// an Ingress's rules in the form, `:trace PATH`, and `:wq` when a quit waits for a file name.
@Suite struct TourHooksTests {
    /// The bundled design with an Ingress in front of Service web.
    static func withIngress() throws -> Design {
        var d = try Fixtures.bundledDesign()
        d.components.append(Component(id: "ing", kind: .ingress, name: "shop", properties: ["rules": .array([])]))
        d.connections.removeAll { $0.id == "user-to-web" }
        d.connections.append(Connection(id: "user-to-ing", from: "user", to: "ing"))
        d.connections.append(Connection(id: "ing-to-web", from: "ing", to: "svc-web"))
        return d
    }

    @Test func highlightedBoxesGetMarksAndRevealScrollsToThem() throws {
        let s = try Session.bundled(screen: Size(width: 60, height: 20))
        s.editor.highlighted = ["ctr-db"]
        #expect(!s.editor.shows(["ctr-db"]))
        s.editor.reveal(["ctr-db"])
        #expect(s.editor.shows(["ctr-db"]))
        #expect(s.screenText.contains("┌▸ctr◂───────"))
        s.editor.highlighted = []
        #expect(!s.screenText.contains("▸"))
    }

    @Test func aLessonsChangeIsNotThePersonsAndCannotBeUndone() throws {
        var s = try Session.bundled()
        var d = s.design
        d.components[d.index(of: "svc-web")!].selector = ["app": "wbe"]
        s.editor.applyLessonChange(d, message: "the lesson set Service web's selector to app=wbe")
        #expect(!s.editor.isDirty)
        #expect(s.editor.message == "the lesson set Service web's selector to app=wbe")
        s.keys("u")
        #expect(s.editor.message == "nothing to undo")
        #expect(s.design.component("svc-web")?.selector == ["app": "wbe"])
    }

    @Test func anIngresssRulesAreEditedInTheForm() throws {
        var s = Session(try TourHooksTests.withIngress())
        while s.editor.selection != "ing" { s.keys("<Tab>") }
        s.keys("ej<Enter>/=web, shop.example.com/api=api:8080<Enter>")
        let rules = s.design.component("ing")!.ingressRules
        #expect(rules.map(\.host) == [nil, "shop.example.com"])
        #expect(rules.map(\.path) == ["/", "/api"])
        #expect(rules.map(\.service) == ["web", "api"])
        #expect(rules.map(\.port) == [nil, 8080])
        #expect(s.screenText.contains("rules  /=web, shop.example.com/api=api:8080"))
        s.keys("<Enter><C-u>web<Enter>") // no path: not a rule
        #expect(s.editor.message == "write rules as PATH=SERVICE or HOST/PATH=SERVICE:PORT, separated by commas (/=web, /api=api)")
        #expect(s.design.component("ing")!.ingressRules.count == 2)
    }

    @Test func aRulesPathTypeStaysWhenTheLineDoesNotShowIt() throws {
        var d = try TourHooksTests.withIngress()
        d.components[d.index(of: "ing")!].properties["rules"] =
            .array([.object(["path": .string("/"), "service": .string("web"), "pathType": .string("Exact")])])
        var s = Session(d)
        while s.editor.selection != "ing" { s.keys("<Tab>") }
        s.keys("ej<Enter><C-u>/=web, /api=api<Enter>")
        let rules = s.design.component("ing")!.ingressRules
        #expect(rules.map(\.pathType) == ["Exact", nil])
    }

    @Test func traceWithAPathFollowsTheIngressRules() throws {
        var d = try TourHooksTests.withIngress()
        d.components[d.index(of: "ing")!].properties["rules"] = .array([
            .object(["path": .string("/"), "service": .string("web")]),
            .object(["path": .string("/api"), "service": .string("nothing")]),
        ])
        var s = Session(d)
        s.keys(":trace /api<Enter>n")
        #expect(s.editor.player?.path == "/api")
        #expect(s.editor.player?.focus?.current?.narration.hasPrefix("Ingress shop routes any host /api → Service nothing, "
                                                                       + "but there is no Service named nothing") == true)
        s.keys("<Esc><Esc>:trace<Enter>n") // from the User (nothing selected), for "/"
        #expect(s.editor.player?.focus?.current?.narration.contains("matched the rule any host / → Service web") == true)
        s.keys(":trace api<Enter>")
        #expect(s.editor.message == "usage: :trace [PATH], a path such as /api")
    }

    @Test func quittingANewDesignAsksForItsFileAndQuitsOnceSaved() throws {
        var s = Session(try Fixtures.bundledDesign(), path: nil)
        s.keys("x") // a change
        s.keys("q")
        #expect(s.editor.mode == .confirm(.quitUnsaved))
        s.keys("y")
        #expect(s.editor.mode == .command(TextField("wq ")))
        let fx = s.keys("/tmp/x.hops.json<Enter>")
        #expect(fx == [.save(s.design, path: "/tmp/x.hops.json", overwrite: false)])
        #expect(s.editor.handle(.saved(path: "/tmp/x.hops.json")) == [.removeRecovery, .quit])
    }
}
