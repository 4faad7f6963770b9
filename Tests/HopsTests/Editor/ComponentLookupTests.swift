import HopsDesign
@testable import HopsEditor
import Testing

@Suite struct ComponentLookupTests {
    func design(_ ids: [String]) -> Design {
        Design(name: "d", components: ids.map { Component(id: $0, kind: .service, name: "svc-\($0)") }, connections: [])
    }

    @Test func answersFromTheDesignAskedAboutWhateverChangedSince() {
        let lookup = ComponentLookup()
        var d = design(["a", "b", "c"])
        #expect(lookup.component("b", in: d)?.name == "svc-b")
        // A deletion moves the others up: the index it built is stale, the answer is not.
        d.components.removeFirst()
        #expect(lookup.component("c", in: d)?.name == "svc-c")
        #expect(lookup.component("a", in: d) == nil)
        d.components.append(Component(id: "e", kind: .pod, name: "pod-e"))
        #expect(lookup.component("e", in: d)?.kind == .pod)
        // A rename is read from the design, not remembered.
        d.components[0].name = "renamed"
        #expect(lookup.component("b", in: d)?.name == "renamed")
        // Equal ids: the first, as Design.component answers.
        d.components.append(Component(id: "b", kind: .pod, name: "second b"))
        #expect(lookup.component("b", in: design(["x", "b", "b"]))?.name == "svc-b")
        let first = Design(name: "d", components: d.components, connections: []).component("b")
        #expect(lookup.component("b", in: d)?.name == first?.name)
    }

    @Test func connectionsAtAComponentFollowTheDesignAskedAbout() {
        let lookup = ConnectionLookup()
        var d = design(["a", "b", "c"])
        d.connections = [Connection(id: "1", from: "a", to: "b"), Connection(id: "2", from: "c", to: "a"),
                         Connection(id: "3", from: "b", to: "c"), Connection(id: "4", from: "a", to: "a")]
        func ids(_ id: String) -> [String] { lookup.touching(id, in: d).map { d.connections[$0].id } }
        // Both directions, in the design's order, a loop once.
        #expect(ids("a") == ["1", "2", "4"])
        #expect(ids("c") == ["2", "3"])
        // Added, removed or re-pointed connections are seen at once.
        d.connections.append(Connection(id: "5", from: "c", to: "b"))
        #expect(ids("b") == ["1", "3", "5"])
        d.connections.removeFirst()
        #expect(ids("a") == ["2", "4"] && ids("b") == ["3", "5"])
        d.connections[0].to = "b"
        #expect(ids("a") == ["4"] && ids("b") == ["2", "3", "5"])
        #expect(ids("nobody").isEmpty)
    }
}
