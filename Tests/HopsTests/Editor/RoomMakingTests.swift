import HopsCanvas
import HopsDesign
@testable import HopsEditor
import Testing

/// A box that grows where it stands pushes its neighbours aside instead of being drawn over
/// them; the push is part of the edit's one undo step.
@Suite struct RoomMakingTests {
    /// Pairs of sibling boxes whose drawn rectangles meet.
    func overlaps(_ s: Session) -> [String] {
        let d = s.design
        var out: [String] = []
        for (i, a) in d.components.enumerated() {
            for b in d.components[(i + 1)...] where a.parent == b.parent {
                guard let ra = s.editor.rect(of: a.id), let rb = s.editor.rect(of: b.id) else { continue }
                if ra.intersects(rb) { out.append("\(a.id) \(b.id)") }
            }
        }
        return out
    }

    @Test func aLongRenamePushesTheNeighbourAsideAndUndoPutsItBack() throws {
        var s = try Session.bundled(screen: Size(width: 100, height: 30))
        let before = s.design
        #expect(overlaps(s).isEmpty)
        s.keys("l") // Service web
        s.keys("r<C-u>a-very-long-service-name-for-the-frontend-web<Enter>")
        #expect(overlaps(s).isEmpty)
        let deployment = try #require(s.design.component("deploy-web")?.position)
        #expect(deployment != before.component("deploy-web")?.position)
        #expect(s.editor.message == "renamed Service web to a-very-long-service-name-for-the-frontend-web; "
            + "Deployment web moved to make room") // right: the way the Service grew
        // Too long for the status line at 100 columns: the panel shows the message whole.
        #expect(s.editor.messageIsCut)
        #expect(s.screenText.contains("make room")) // wrapped in the panel; the status line shows only its start
        // Only what was in the way moved.
        #expect(s.design.component("user")?.position == before.component("user")?.position)
        s.keys("u")
        #expect(s.design == before)
    }

    @Test func boxesThatOverlappedBeforeTheEditAreLeftAsPlaced() throws {
        // Two boxes placed on top of each other by hand stay so when a third grows elsewhere.
        let d = Design(name: "placed", components: [
            Component(id: "a", kind: .service, name: "a", position: Position(x: 0, y: 0)),
            Component(id: "b", kind: .service, name: "b", position: Position(x: 4, y: 1)),
            Component(id: "c", kind: .service, name: "c", position: Position(x: 0, y: 12)),
            Component(id: "e", kind: .service, name: "e", position: Position(x: 20, y: 12)),
        ], connections: [])
        var s = Session(d)
        s.editor.selection = "c"
        s.keys("r<C-u>a-much-longer-name-for-c<Enter>")
        #expect(s.design.component("b")?.position == Position(x: 4, y: 1))
        #expect(s.design.component("e")?.position != Position(x: 20, y: 12))
        #expect(overlaps(s) == ["a b"])
    }

    @Test func aPushedBoxPushesTheNextOneAndTakesItsChildren() throws {
        let d = Design(name: "row", components: [
            Component(id: "a", kind: .service, name: "a", position: Position(x: 0, y: 0)),
            Component(id: "p", kind: .pod, name: "p", position: Position(x: 14, y: 0)),
            Component(id: "k", kind: .container, name: "k", parent: "p", position: Position(x: 16, y: 3)),
            Component(id: "q", kind: .service, name: "q", position: Position(x: 40, y: 0)),
        ], connections: [])
        var s = Session(d)
        let pod = try #require(s.editor.rect(of: "p")), child = try #require(s.editor.rect(of: "k"))
        s.editor.selection = "a"
        s.keys("r<C-u>a-name-long-enough-to-reach-both<Enter>")
        #expect(overlaps(s).isEmpty)
        let movedPod = try #require(s.editor.rect(of: "p")), movedChild = try #require(s.editor.rect(of: "k"))
        // The container kept its place inside the Pod.
        #expect(movedChild.x - movedPod.x == child.x - pod.x && movedChild.y - movedPod.y == child.y - pod.y)
        #expect(movedPod != pod)
        #expect(s.editor.message?.hasSuffix("moved to make room") == true)
    }

    @Test func aMoveThatWouldGrowAGroupOverANeighbourStops() throws {
        let d = Design(name: "tight", components: [
            Component(id: "p", kind: .pod, name: "p", position: Position(x: 0, y: 0)),
            Component(id: "k", kind: .container, name: "k", parent: "p", position: Position(x: 2, y: 3)),
            Component(id: "s", kind: .service, name: "s", position: Position(x: 30, y: 0)),
        ], connections: [])
        var s = Session(d)
        s.editor.selection = "k"
        for _ in 0..<40 { s.keys("L") }
        #expect(overlaps(s).isEmpty)
        #expect(s.editor.message == "Pod p would grow over Service s: move that aside first")
        let k = try #require(s.editor.rect(of: "k")), pod = try #require(s.editor.rect(of: "p"))
        #expect(pod.contains(Point(x: k.maxX, y: k.maxY)))
    }

    /// A longer name pushes its row along, not the columns down; the rows below stay put.
    @Test func aGrowingBoxPushesTheWayItGrew() throws {
        var comps: [Component] = []
        for row in 0..<4 {
            for col in 0..<4 {
                comps.append(Component(id: "c\(row)\(col)", kind: .configMap, name: "c\(row)\(col)",
                                       position: Position(x: col * 16, y: row * 5)))
            }
        }
        var s = Session(Design(name: "grid", components: comps, connections: []))
        let before = s.design
        s.editor.selection = "c00"
        s.keys("r<C-u>\(String(repeating: "n", count: 60))<Enter>")
        #expect(overlaps(s).isEmpty)
        #expect(s.editor.message?.hasSuffix("; ConfigMap c01 and 2 more boxes moved to make room") == true)
        for c in s.design.components where !c.id.hasPrefix("c0") {
            #expect(c.position == before.component(c.id)?.position, "\(c.id) moved")
        }
        #expect(s.design.components.filter { $0.id.hasPrefix("c0") }.allSatisfy {
            $0.position?.y == 0 })
    }

    /// At the canvas's edge a box cannot go further: the message says some still overlap.
    @Test func atTheCanvasEdgeThePushStopsAndSaysSo() throws {
        let edge = Limits.maxCoordinate - 20
        var s = Session(Design(name: "edge", components: [
            Component(id: "a", kind: .configMap, name: "a", position: Position(x: edge - 14, y: 0)),
            Component(id: "b", kind: .configMap, name: "b", position: Position(x: edge, y: 0)),
        ], connections: []))
        s.editor.selection = "a"
        s.keys("r<C-u>\(String(repeating: "n", count: 40))<Enter>")
        #expect(s.editor.message?.hasSuffix("but some boxes still overlap (too many to move, or the canvas ends)") == true)
        #expect(s.design.component("a")?.position == Position(x: edge - 14, y: 0)) // the renamed box stays
    }

    /// At 80x24 the panel holds a few rows: C-d scrolls the rest of a hop's narration into view,
    /// C-u back; another hop starts at the top again.
    @Test func cDScrollsThePanel() throws {
        var s = try Session.bundled(screen: Size(width: 80, height: 24))
        s.keys("tn")
        let narration = try #require(s.editor.player?.focus?.current?.narration)
        let before = s.screenText
        #expect(before.contains("C-d more"))
        s.keys("<C-d>")
        #expect(s.screenText != before)
        let tail = String(narration.suffix(20))
        for _ in 0..<5 { s.keys("<C-d>") }
        #expect(s.screenText.replacingOccurrences(of: "\n ", with: " ").contains(tail.split(separator: " ").last!))
        s.keys("<C-u><C-u><C-u><C-u><C-u><C-u>")
        // Back at the top (the status line aside: a key clears the last message).
        #expect(s.screen.dropLast() == before.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map(String.init))
    }

    /// The scene takes the layout making room worked out when nothing moved: the same rectangles
    /// as laying the edited design out afresh.
    @Test func anEditsLayoutIsTheOneLayingOutAfreshGives() throws {
        var s = try Session.bundled()
        s.editor.selection = "svc-web"
        s.keys("r<C-u>front<Enter>")
        let shown = ShownDesign(s.design)
        let fresh = DesignLayout.rects(shown.design, catalog: Fixtures.catalog, glyphs: .unicode,
                                       maxWidth: s.editor.layoutArea.size.width,
                                       maxHeight: s.editor.layoutArea.size.height, hiddenInside: shown.hiddenInside)
        #expect(s.design.components.allSatisfy { s.editor.rect(of: $0.id) == fresh[$0.id] })
    }
}
