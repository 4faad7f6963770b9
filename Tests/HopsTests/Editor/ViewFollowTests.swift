import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsFlow
import HopsInput
import Testing

/// The view follows the request, and the bundled design is laid out for the screen it opens on.
@Suite struct ViewFollowTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// Where the packet glyph is on the screen, in screen cells.
    func packetsOnScreen(_ s: Session) -> [Point] {
        let grid = s.editor.draw()
        var out: [Point] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width where grid[x, y].ch == "●" { out.append(Point(x: x, y: y)) }
        }
        return out
    }

    /// A component's box wholly in the part of the screen that shows the canvas.
    func shown(_ s: Session, _ id: String) -> Bool {
        guard let r = s.editor.rect(of: id) else { return false }
        return s.editor.viewport.rect.contains(r) && s.editor.viewport.size == s.editor.canvasArea.size
    }

    @Test(arguments: sizes) func theWholeRequestPathShowsBesideOrAboveThePanel(_ size: Size) throws {
        let s = try Session.bundled(screen: size)
        for id in ["user", "svc-web", "pod-web", "ctr-app", "ctr-db"] { #expect(shown(s, id), "\(id) at \(size)") }
        let panel = try #require(s.editor.panelArea)
        #expect(!panel.intersects(s.editor.canvasArea))
    }

    /// `n` through every hop, and playing every tick: the packet is always in the canvas part of
    /// the screen, with the boxes of its hop.
    @Test(arguments: sizes) func thePacketAndItsHopStayOnScreen(_ size: Size) throws {
        var s = try Session.bundled(screen: size)
        s.keys("t")
        for hop in 0..<6 {
            #expect(s.editor.player?.focus?.hop == hop)
            let packets = packetsOnScreen(s)
            #expect(packets.count == 1, "hop \(hop + 1) at \(size)")
            #expect(packets.allSatisfy { s.editor.canvasArea.contains($0) }, "hop \(hop + 1) at \(size): \(packets)")
            let current = try #require(s.editor.player?.focus?.current)
            #expect(shown(s, current.to) && shown(s, current.from), "hop \(hop + 1) at \(size)")
            s.keys("n")
        }
        s.keys("<Esc>t ")
        for tick in 0..<200 {
            let fx = s.send(.tick(milliseconds: 40))
            let packets = packetsOnScreen(s)
            #expect(packets.count == 1 && packets.allSatisfy { s.editor.canvasArea.contains($0) }, "tick \(tick)")
            if fx == [.animate(false)] { break }
        }
        #expect(s.editor.player?.focus?.finished == true)
    }

    /// A drawing larger than the screen scrolls to keep up: at 70x20 nothing of the bundled
    /// design fits whole, and the packet is still on screen at every hop.
    @Test func aSmallScreenScrollsWithThePacket() throws {
        var s = try Session.bundled(screen: Size(width: 70, height: 20))
        s.keys("t")
        var origins = Set<Point>()
        for _ in 0..<6 {
            #expect(packetsOnScreen(s).count == 1 && packetsOnScreen(s).allSatisfy { s.editor.canvasArea.contains($0) })
            origins.insert(s.editor.viewport.origin)
            s.keys("n")
        }
        #expect(origins.count > 1) // it did scroll
    }

    /// The packet never covers what a box says (its name, lines, kind tag), on any hop, at any
    /// size. (Along its arrow it does pass the arrow's own label and arrowhead.)
    @Test(arguments: sizes + [Size(width: 160, height: 40)]) func thePacketNeverCoversBoxText(_ size: Size) throws {
        var s = try Session.bundled(screen: size)
        // Every cell of box text: the title and lines where the box draws them, and the kind tag.
        var text = Set<Point>()
        for box in s.editor.cache.scene.boxes {
            box.forEachTextRow { _, line, origin, columns in
                for x in 0..<min(columns, DisplayWidth.of(line)) { text.insert(Point(x: origin.x + x, y: origin.y)) }
            }
            for x in 0..<DisplayWidth.of(box.tag) + 2 { text.insert(Point(x: box.rect.x + 1 + x, y: box.rect.y)) }
        }
        s.keys("t ")
        for _ in 0..<400 {
            let o = s.editor.viewport.origin, area = s.editor.canvasArea
            for p in packetsOnScreen(s) {
                let c = Point(x: p.x - area.x + o.x, y: p.y - area.y + o.y)
                let hop = s.editor.player!.focus!.hop + 1
                #expect(!text.contains(c), "at \(size) the packet covers box text at \(c), hop \(hop)")
            }
            if s.send(.tick(milliseconds: 50)) == [.animate(false)] { break }
        }
        #expect(s.editor.player?.focus?.finished == true)
    }

    /// The replica the Service chose stays picked out in the Pod's strip on every hop inside it:
    /// into the Pod, to each container, between them, and out again.
    @Test func theChosenReplicaStaysHighlightedForEveryHopInsideThePod() throws {
        var s = try Session.bundled(screen: Size(width: 120, height: 40))
        s.keys("tR") // the second request goes to replica 2
        s.keys("<Esc>tn")
        for hop in 1..<6 {
            let p = try #require(s.editor.player?.focus)
            let chosen = try #require(p.trace.hops[1].instance)
            let grid = s.editor.draw()
            let row = try #require((0..<grid.height).first { grid.rows[$0].contains("replicas 1 2 3") })
            let line = grid.rows[row]
            let strip = try #require(line.range(of: "replicas "))
            let x = line.distance(from: line.startIndex, to: strip.upperBound)
            let reversed = (1...3).filter { grid[x + ($0 - 1) * 2, row].style.attrs.contains(.reverse) }
            #expect(reversed == [chosen], "hop \(hop + 1): \(p.trace.hops[hop].from) → \(p.trace.hops[hop].to)")
            s.keys("n")
        }
    }

    @Test func layoutFitsTheScreenItIsAskedOn() throws {
        var s = try Session.bundled(screen: Size(width: 160, height: 40))
        #expect(s.editor.rect(of: "pod-web")!.y == 0) // wide: User, Service and Pod in a row
        s.send(.resize(Size(width: 80, height: 24)))
        #expect(!shown(s, "ctr-db")) // the saved positions stay until asked
        s.keys(":layout<Enter>")
        #expect(s.editor.message == "laid out 6 components for 80x17 cells")
        for id in ["user", "svc-web", "deploy-web", "pod-web", "ctr-app", "ctr-db"] { #expect(shown(s, id), "\(id)") }
        s.keys("u")
        #expect(s.editor.rect(of: "pod-web")!.y == 0) // one undoable step
    }

    @Test func theSmallScreenShowsTheNarrationOnRowsOfItsOwn() throws {
        var s = try Session.bundled(screen: Size(width: 70, height: 20))
        #expect(s.editor.panelArea == nil)
        s.keys("tnn") // hop 3: a narration of three lines at 68 columns
        let narration = try #require(s.editor.player?.focus?.current?.narration)
        let rows = s.screen
        let rule = try #require(rows.lastIndex { $0.hasPrefix("──────") })
        let band = rows[(rule + 1)..<(rows.count - 1)].map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(band.count >= 2)
        #expect(band.joined(separator: " ") == narration) // whole: no ellipsis
        s.keys("<Esc>")
        #expect(s.editor.narrationArea == nil && s.editor.canvasArea.height == 19)
    }

    @Test func keysAreIgnoredWhileTheScreenIsTooSmall() throws {
        var s = try Session.bundled()
        s.send(.resize(Size(width: 15, height: 5)))
        #expect(s.keys("x") == [])
        #expect(s.design.component("user") != nil)
        #expect(s.send(.mouse(MouseEvent(.press, at: Point(x: 3, y: 2)))) == [])
        #expect(s.screenText.contains("q quits"))
        s.send(.resize(Size(width: 120, height: 40)))
        s.keys("x")
        #expect(s.design.component("user") == nil)
        s.send(.resize(Size(width: 15, height: 5)))
        #expect(s.keys("q") == []) // unsaved: quitting would need the dialog nobody can see
        let words = s.screen.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(words.contains("unsaved: enlarge to save"))
        s.send(.resize(Size(width: 120, height: 40)))
        s.keys(":w<Enter>")
        s.editor.handle(.saved(path: "/tmp/flow.hops.json"))
        s.send(.resize(Size(width: 15, height: 5)))
        #expect(s.keys("q") == [.removeRecovery, .quit])
    }

    @Test func findingsShowAsAMarkOnTheBox() throws {
        var s = try Session.bundled(screen: Size(width: 120, height: 40))
        // A warning: the User calls a ClusterIP Service directly.
        #expect(s.screen.contains { $0.contains("┌ svc ──────────── ! ┐") })
        s.keys("<Down>e<Down><Down><Enter><C-u>app=wbe<Enter><Esc>")
        #expect(s.design.component("svc-web")?.selector == ["app": "wbe"])
        #expect(s.screen.contains { $0.contains("svc ━━━━━━━━━━━━ ✗ ┓") }) // an error: it selects no Pod
        let ascii = Editor(design: s.design, catalog: Fixtures.catalog, path: nil, glyphs: .ascii,
                           screen: Size(width: 120, height: 40))
        #expect(ascii.draw().rows.contains { $0.contains("+ svc ------------- X +") }, "\(ascii.draw().text)")
    }

    @Test func thePanelHidesAndShowsWithOneKey() throws {
        var s = try Session.bundled(screen: Size(width: 120, height: 40))
        #expect(s.editor.canvasArea.width == 86)
        s.keys("i")
        #expect(s.editor.panelArea == nil && s.editor.canvasArea.width == 120)
        #expect(!s.screen[1].contains("│ User · User"))
        s.keys("i")
        #expect(s.editor.canvasArea.width == 86)
        #expect(s.editor.message == "panel shown")
    }
}
