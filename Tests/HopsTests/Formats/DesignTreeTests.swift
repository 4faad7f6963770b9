import HopsDesign
import Testing

/// A design's tree questions, against a plain reference: what a move, a delete and a fold ask.
@Suite struct DesignTreeTests {
    /// Namespace > Deployments > Pods > containers, wide enough that `descendants` switches from
    /// scanning to its children index part way, with a parent cycle on the side.
    static func forest() -> Design {
        var comps = [Component(id: "ns", kind: .namespace, name: "shop")]
        for d in 0..<6 {
            comps.append(Component(id: "d\(d)", kind: .deployment, name: "d\(d)", parent: "ns"))
            for p in 0..<2 {
                comps.append(Component(id: "p\(d)-\(p)", kind: .pod, name: "p", parent: "d\(d)"))
                for c in 0..<2 {
                    comps.append(Component(id: "c\(d)-\(p)-\(c)", kind: .container, name: "c", parent: "p\(d)-\(p)"))
                }
            }
        }
        comps.append(Component(id: "x", kind: .box, name: "x", parent: "y"))
        comps.append(Component(id: "y", kind: .box, name: "y", parent: "x"))
        comps.append(Component(id: "lone", kind: .user, name: "User"))
        return Design(name: "forest", components: comps)
    }

    /// Depth first, each box's children in design order: the scan the method replaces.
    static func reference(_ d: Design, _ id: String) -> [String] {
        var out: [String] = [], stack = [id]
        while let top = stack.popLast() {
            for c in d.components where c.parent == top && !out.contains(c.id) { out.append(c.id); stack.append(c.id) }
        }
        return out
    }

    @Test func descendantsComeInTheOrderOfTheScanSmallAndLarge() {
        let d = Self.forest()
        for c in d.components { #expect(d.descendants(of: c.id) == Self.reference(d, c.id), "\(c.id)") }
        #expect(d.descendants(of: "ns").count == 6 * (1 + 2 * 3))
        #expect(d.descendants(of: "x") == ["y", "x"])
        #expect(d.descendants(of: "gone").isEmpty)
    }

    @Test func removingGroupsTakesTheirDescendantsAndArrows() {
        var d = Self.forest()
        d.connections = [Connection(id: "k1", from: "lone", to: "c0-0-0", kind: .traffic),
                         Connection(id: "k2", from: "lone", to: "d5", kind: .traffic),
                         Connection(id: "k3", from: "c5-1-1", to: "lone", kind: .traffic)]
        d.remove(["d0", "p5-1"])
        #expect(!d.components.contains { $0.id.hasPrefix("p0") || $0.id.hasPrefix("c0-") || $0.id == "d0" })
        #expect(d.component("p5-0") != nil && d.component("c5-1-0") == nil && d.component("d5") != nil)
        #expect(d.connections.map(\.id) == ["k2"])
        #expect(d.components.count == Self.forest().components.count - 7 - 3)
    }
}
