import HopsCanvas
import HopsCheck
import HopsDesign
@testable import HopsEditor
import Testing

/// `:into NAME` and `:out` move a component, with what it holds, into another group or out of
/// its own, checked against what each kind may hold; one undo step.
@Suite struct ReparentTests {
    static var design: Design {
        Design(name: "groups", components: [
            Component(id: "ns", kind: .namespace, name: "shop", position: Position(x: 0, y: 0)),
            Component(id: "a", kind: .pod, name: "a", parent: "ns", position: Position(x: 2, y: 3)),
            Component(id: "x", kind: .container, name: "x", parent: "a", position: Position(x: 4, y: 7),
                      properties: ["image": .string("nginx:1.27")]),
            Component(id: "b", kind: .pod, name: "b", position: Position(x: 0, y: 30)),
        ], connections: [])
    }

    @Test func aContainerMovesIntoAnotherPodAndUndoPutsItBack() throws {
        var s = Session(Self.design)
        s.editor.selection = "x"
        s.keys(":into b<Enter>")
        #expect(s.design.component("x")?.parent == "b")
        #expect(s.editor.message == "moved Container x into Pod b (now in namespace default, was shop: hops check "
            + "shows what no longer reaches it)")
        let pod = try #require(s.editor.rect(of: "b")), box = try #require(s.editor.rect(of: "x"))
        #expect(pod.contains(box.origin) && pod.contains(Point(x: box.maxX, y: box.maxY)))
        #expect(s.editor.selection == "x")
        s.keys("u")
        #expect(s.design == Self.design)
    }

    @Test func whatAKindCannotHoldAndCirclesAreRefused() throws {
        var s = Session(Self.design)
        s.editor.selection = "ns"
        s.keys(":into x<Enter>")
        #expect(s.editor.message == "Container x cannot hold a Namespace")
        s.keys(":into nothing<Enter>")
        #expect(s.editor.message == "no component is called nothing")
        s.editor.selection = "x"
        s.keys(":out<Enter>")
        #expect(s.editor.message == "Namespace shop, around Pod a, cannot hold a Container")
        s.keys(":into a<Enter>")
        #expect(s.editor.message == "Container x is already there")
        #expect(s.design == Self.design)
    }

    @Test func aPodMovesOutOfItsNamespaceWithItsContainer() throws {
        var s = Session(Self.design)
        s.editor.selection = "a"
        let before = try #require(s.editor.rect(of: "a")), child = try #require(s.editor.rect(of: "x"))
        s.keys(":out<Enter>")
        #expect(s.design.component("a")?.parent == nil)
        #expect(s.editor.message?.hasPrefix("moved Pod a out to the top level (now in namespace default") == true)
        let after = try #require(s.editor.rect(of: "a")), moved = try #require(s.editor.rect(of: "x"))
        #expect(moved.x - after.x == child.x - before.x && moved.y - after.y == child.y - before.y)
        s.keys(":into shop<Enter>")
        #expect(s.design.component("a")?.parent == "ns")
        s.editor.selection = "ns"
        s.keys(":into a<Enter>")
        #expect(s.editor.message == "Pod a cannot hold a Namespace")
    }

    @Test func aGroupCannotGoIntoWhatItHolds() {
        var s = Session(Design(name: "boxes", components: [
            Component(id: "outer", kind: .box, name: "outer", position: Position(x: 0, y: 0)),
            Component(id: "inner", kind: .box, name: "inner", parent: "outer", position: Position(x: 2, y: 3)),
        ], connections: []))
        s.editor.selection = "outer"
        s.keys(":into inner<Enter>")
        #expect(s.editor.message == "Box outer cannot go into something it holds")
        #expect(s.design.component("outer")?.parent == nil)
    }

    @Test func intoItselfOrAnAmbiguousNameSaysSo() {
        var s = Session(Self.design)
        s.editor.selection = "b"
        s.keys(":into b<Enter>")
        #expect(s.editor.message == "Pod b cannot go into itself")
        var d = Self.design
        d.components.append(Component(id: "svc", kind: .service, name: "a", position: Position(x: 40, y: 30)))
        s = Session(d)
        s.editor.selection = "ns"
        s.keys(":into a<Enter>")
        #expect(s.editor.message == "no component called a can hold a Namespace (Pod a and Service a)")
    }

    /// Selectors, volumes and an HPA's target reach only within a namespace: the move says the
    /// namespace changed, and the check what no longer reaches.
    @Test func aMoveAcrossNamespacesSaysSoAndTheCheckFindsWhatNoLongerReaches() {
        var d = Self.design
        d.components.append(Component(id: "cm", kind: .configMap, name: "cfg", parent: "ns", position: Position(x: 30, y: 3)))
        d.connections.append(Connection(id: "m", from: "a", to: "cm", kind: .mounts))
        var s = Session(d)
        s.editor.selection = "a"
        s.keys(":out<Enter>")
        #expect(s.editor.message == "moved Pod a out to the top level (now in namespace default, was shop: hops check "
            + "shows what no longer reaches it)")
        let f = CheckEngine.findings(in: s.design, catalog: Fixtures.catalog).first { $0.rule == "other-namespace" }
        #expect(f?.message == "Pod a (namespace default) mounts ConfigMap cfg in namespace shop, but a Pod mounts only "
            + "what is in its own namespace, so it does not start: move one of them (:into) so both are in one namespace")
    }

    @Test func intoAFoldedGroupSaysItIsHiddenThere() {
        var d = Self.design
        d.components[d.index(of: "b")!].properties[ShownDesign.foldedProperty] = .bool(true)
        var s = Session(d)
        s.editor.selection = "x"
        s.keys(":into b<Enter>")
        #expect(s.design.component("x")?.parent == "b")
        #expect(s.editor.message?.hasSuffix("; it is inside folded Pod b, which is selected (z unfolds it)") == true)
        #expect(s.editor.selection == "b")
    }

    /// A Pod moved into the Deployment that manages it becomes its template, and the manages
    /// arrow between them goes (it said the same twice); out again, nothing manages it.
    @Test func aPodIntoItsWorkloadBecomesItsTemplate() throws {
        var s = try Session.bundled()
        s.editor.selection = "pod-web"
        s.keys(":into web<Enter>")
        #expect(s.design.component("pod-web")?.parent == "deploy-web")
        #expect(!s.design.connections.contains { $0.kind == .manages && $0.to == "pod-web" })
        #expect(s.editor.message?.hasPrefix("moved Pod web into Deployment web (its manages arrow is now the nesting: "
            + "it is the template)") == true)
        #expect(s.screenText.contains("replicas 1 2 3")) // still the Deployment's 3 copies
        s.keys(":out<Enter>")
        #expect(s.editor.message?.hasPrefix("moved Pod web out to the top level (no longer Deployment web's template: "
            + "nothing manages it; c from the workload, manages, to keep it managed)") == true)
        s.keys("uu")
        #expect(s.design == (try Session.bundled()).design)
    }
}
