import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsInput
import Testing

/// What used to crash the editor or lose a user's data in it.
@Suite struct EditorReliabilityTests {
    @Test func playWithNothingToSendSaysWhatIsMissing() {
        var s = Session(Design(name: "empty"))
        #expect(s.keys(" ") == [])
        #expect(s.editor.message == "nothing to trace: add a User and connect it")
        #expect(s.keys("R") == [])
        #expect(s.editor.player == nil)
    }

    @Test func playAfterDeletingEverythingSaysWhatIsMissing() throws {
        var s = try Session.bundled()
        for _ in 0..<12 { s.keys("<Tab>x") }
        #expect(s.design.components.isEmpty)
        s.keys(" ")
        #expect(s.editor.message == "nothing to trace: add a User and connect it")
    }

    @Test func theFormKeepsTheOtherServicePortsAndAContainerPortsProtocol() throws {
        var d = try Fixtures.bundledDesign()
        let svc = try #require(d.index(of: "svc-web"))
        d.components[svc].properties["ports"] = .array([
            .object(["port": 80, "targetPort": 8080, "name": .string("http")]),
            .object(["port": 443, "targetPort": 8443, "name": .string("https")]),
        ])
        let ctr = try #require(d.index(of: "ctr-app"))
        d.components[ctr].properties["ports"] = .array([.object(["containerPort": 8080, "protocol": .string("TCP")])])
        var s = Session(d)
        s.editor.handle(.key(.esc))
        s.keys("<Tab>") // the User, then the Service
        while s.editor.selection != "svc-web" { s.keys("<Tab>") }
        s.keys("e<Down><Down><Down><Enter><C-u>81<Enter><Esc>")
        let ports = try #require(s.design.component("svc-web")?.properties["ports"]?.array)
        #expect(ports.count == 2)
        #expect(ports[0].object?["port"] == 81)
        #expect(ports[0].object?["name"] == .string("http"))
        #expect(ports[1].object?["port"] == 443)
        while s.editor.selection != "ctr-app" { s.keys("<Tab>") }
        s.keys("e<Down><Down><Enter><C-u>8080,metrics:9090<Enter><Esc>")
        let cports = try #require(s.design.component("ctr-app")?.properties["ports"]?.array)
        #expect(cports[0].object?["protocol"] == .string("TCP"))
        #expect(cports[1].object?["name"] == .string("metrics"))
    }

    @Test func invisibleAndBidiCharactersCannotBeTypedIntoAName() throws {
        var s = try Session.bundled()
        s.keys("r<C-u>")
        for ch in ["a", "\u{202E}", "\u{85}", "\u{200B}", "b", "\u{1B}"] { s.send(.key(.char(Character(ch)))) }
        s.keys("<Enter>")
        #expect(s.design.component("user")?.name == "ab")
    }

    @Test func undoStoresChangesNotWholeDesigns() {
        let big = Fixtures.generated(200)
        var s = Session(big)
        let start = s.design
        for i in 0..<8 { s.keys("r<C-u>n\(i)<Enter>") }
        // One component changed per step: each step keeps one component, not two hundred.
        let kept = s.editor.history.undo.map { $0.patch.components.elements.count + $0.patch.connections.elements.count }
        #expect(kept.count == 7)
        #expect(kept.allSatisfy { $0 <= 1 })
        for _ in 0..<8 { s.keys("u") }
        #expect(s.design == start)
        for _ in 0..<8 { s.keys("<C-r>") }
        #expect(s.design.components.contains { $0.name == "n7" })
    }

    @Test func movesStopAtTheEdgeOfTheCanvasTheLoaderAccepts() {
        let far = Design(name: "far", components: [Component(id: "b", kind: .box, name: "b", position: Position(x: 99_990, y: 0))])
        var s = Session(far)
        for _ in 0..<40 { s.keys("L") }
        #expect(Validation.problems(in: s.design, catalog: Fixtures.catalog).isEmpty)
        #expect(s.editor.message == "the canvas ends here (at most 8000000 cells)")
    }
}
