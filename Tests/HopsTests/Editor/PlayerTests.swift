import HopsCanvas
import HopsDesign
import HopsEditor
import HopsFlow
import HopsInput
import Testing

/// Stepping requests in the editor: keys, the packet on the drawn arrows, operating the design.
@Suite struct PlayerTests {
    /// Where the packet glyph is on the canvas, in canvas cells.
    func packetCells(_ s: Session) -> [Point] {
        let grid = s.editor.draw()
        var out: [Point] = []
        for y in 0..<grid.height { for x in 0..<grid.width where grid[x, y].ch == "●" {
            out.append(Point(x: x + s.editor.viewport.origin.x, y: y + s.editor.viewport.origin.y))
        } }
        return out
    }

    @Test func tStartsAtTheUserAndNStepsHopByHop() throws {
        var s = try Session.bundled()
        s.keys("t")
        #expect(s.editor.message == "hop 1 of 8: User sends the request to Service web (HTTP :80)")
        let userPort = packetCells(s)
        #expect(userPort.count == 1)
        #expect(s.editor.rect(of: "user")!.maxX == userPort[0].x) // on the User's border, where the arrow leaves
        s.keys("n")
        #expect(s.editor.message?.hasPrefix("hop 2 of 8: Service web matched 3 Pods with app=web; round robin chose web-1 of 3") == true)
        s.keys("nn")
        #expect(s.editor.message?.hasPrefix("hop 4 of 8: container app calls container db") == true)
        s.keys("p")
        #expect(s.editor.message?.hasPrefix("hop 3 of 8") == true)
        #expect(s.screenText.contains("Pod web-1 hands the request"))
        s.keys("<Esc>")
        #expect(s.editor.player == nil)
        #expect(packetCells(s).isEmpty)
    }

    @Test func thePacketMovesAlongTheRoutedArrowFromTicksOnly() throws {
        var s = try Session.bundled()
        s.keys("t")
        #expect(s.keys(" ") == [.animate(true)])
        let start = packetCells(s)[0]
        // 16 cells a second: 250 ms is 4 cells along the User → Service arrow (a straight line).
        s.send(.tick(milliseconds: 250))
        #expect(packetCells(s) == [Point(x: start.x + 4, y: start.y)])
        s.send(.tick(milliseconds: 30))
        s.send(.tick(milliseconds: 30)) // 60 ms is not yet a whole cell at 16 cells a second
        #expect(packetCells(s) == [Point(x: start.x + 4, y: start.y)])
        s.send(.tick(milliseconds: 3)) // 63 ms: the carried time makes one more cell
        #expect(packetCells(s) == [Point(x: start.x + 5, y: start.y)])
        // The same ticks replayed on a fresh editor give the same cell.
        var again = try Session.bundled()
        again.keys("t ")
        for ms in [250, 30, 30, 3] { again.send(.tick(milliseconds: ms)) }
        #expect(packetCells(again) == packetCells(s))
    }

    @Test func aWholeRequestPlaysToTheEndAndStopsTheTicks() throws {
        var s = try Session.bundled()
        s.keys("t ")
        var fx: [Effect] = []
        for _ in 0..<400 { fx = s.send(.tick(milliseconds: 100)); if fx == [.animate(false)] { break } }
        #expect(fx == [.animate(false)])
        #expect(s.editor.player?.focus?.finished == true)
        #expect(s.editor.message?.hasPrefix("hop 8 of 8: Service web sends the response back to User") == true)
        #expect(s.screenText.contains("The response reached User."))
    }

    @Test func speedKeysChangeCellsPerSecond() throws {
        var s = try Session.bundled()
        s.keys("t++")
        #expect(s.editor.player?.cellsPerSecond == 64)
        s.keys("---")
        #expect(s.editor.player?.cellsPerSecond == 8)
    }

    @Test func anotherRequestGoesToTheNextReplica() throws {
        var s = try Session.bundled()
        s.keys("t")
        s.keys("R")
        s.keys("R")
        let chosen = s.editor.player!.packets.map { $0.trace.hops[1].instance }
        #expect(chosen == [1, 2, 3])
        #expect(s.editor.player!.playing)
    }

    @Test func killAPodAndWatchTheDeploymentHeal() throws {
        var s = try Session.bundled()
        s.keys("ll")
        #expect(s.editor.selection == "pod-web")
        #expect(s.keys(":kill<Enter>") == [.animate(true)])
        #expect(s.editor.message == "killed web-3; Deployment web has 2 of 3 ready; starting a replacement")
        #expect(s.screenText.contains("replicas 1 2 x"))
        // Requests meanwhile go to the others.
        s.keys("<Esc>t") // nothing selected: from the design's User
        #expect(s.editor.player?.focus?.trace.hops[1].instance == 1)
        s.keys("R")
        #expect(s.editor.player?.focus?.trace.hops[1].instance == 2)
        s.keys("R")
        #expect(s.editor.player?.focus?.trace.hops[1].instance == 1) // 3 is skipped
        for _ in 0..<30 { s.send(.tick(milliseconds: 100)) }
        #expect(s.editor.message == "Deployment web replaced web-3: 3 of 3 ready")
        #expect(s.screenText.contains("replicas 1 2 3"))
    }

    @Test func scaleAndImageChangeTheNextRequest() throws {
        var s = try Session.bundled()
        s.keys("lj:scale 0<Enter>")
        #expect(s.design.component("deploy-web")?.replicas == 0)
        s.keys("<Esc><Tab>t") // from the User
        let trace = s.editor.player!.focus!.trace
        #expect(!trace.succeeded)
        #expect(trace.hops.last?.status == .failed)
        s.keys("nnnn") // step to the hop where it stops
        #expect(s.editor.message?.contains("has replicas 0") == true)
        s.keys("<Esc>:image app=nginx:1.27<Enter>")
        #expect(s.design.component("ctr-app")?.image == "nginx:1.27")
        s.keys("u") // the image
        s.keys("u") // the scale
        #expect(s.design.component("deploy-web")?.replicas == 3)
        #expect(s.keys(":image nosuch=x:1<Enter>").isEmpty)
        #expect(s.editor.message == "no container named nosuch")
    }
}
