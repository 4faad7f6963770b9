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
        #expect(s.editor.message?.hasPrefix("hop 1 of 6: User opens a connection to Service web's ClusterIP on port 80 (HTTP). "
            + "A ClusterIP is a virtual address reachable only from inside the cluster") == true)
        let userPort = packetCells(s)
        #expect(userPort.count == 1)
        #expect(s.editor.rect(of: "user")!.maxX == userPort[0].x) // on the User's border, where the arrow leaves
        s.keys("n")
        #expect(s.editor.message?.hasPrefix("hop 2 of 6: no process runs for Service web: kube-proxy's rules on the sending "
            + "node rewrite the connection's destination from the Service address (port 80) to a ready endpoint, "
            + "web-9gv7vthhzd-8t62s (1 of 3, kept by ReplicaSet web-9gv7vthhzd of Deployment web)") == true)
        s.keys("nn")
        #expect(s.editor.message?.hasPrefix("hop 4 of 6: container app opens its own connection to container db on localhost:5432") == true)
        s.keys("p")
        #expect(s.editor.message?.hasPrefix("hop 3 of 6: Pod web-9gv7vthhzd-8t62s is one network namespace") == true)
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
        #expect(s.editor.message?.hasPrefix("hop 6 of 6: container app now has what it needed and answers User: the reply "
            + "goes from Pod web-9gv7vthhzd-8t62s straight back to User, not through Service web") == true)
        #expect(s.screenText.contains("The response reached User."))
    }

    @Test func theResponsePacketGoesFromThePodToTheUserAroundTheService() throws {
        var s = try Session.bundled()
        s.keys("tnnnnn")
        #expect(s.editor.player?.focus?.current?.from == "ctr-app")
        #expect(s.editor.player?.focus?.current?.to == "user")
        s.keys(" ")
        var cells: [Point] = []
        for _ in 0..<400 {
            cells += packetCells(s)
            if s.send(.tick(milliseconds: 50)) == [.animate(false)] { break }
        }
        cells += packetCells(s)
        let svc = try #require(s.editor.rect(of: "svc-web"))
        let user = try #require(s.editor.rect(of: "user"))
        let pod = try #require(s.editor.rect(of: "pod-web"))
        #expect(cells.count > 10)
        #expect(!cells.contains { svc.contains($0) })
        #expect(cells.contains { !pod.contains($0) }) // it leaves the Pod
        // ...and arrives on the User's border, never having crossed a box's text or a label (the
        // way back follows no arrow, so it has no label of its own to pass).
        let onBorder = { (p: Point) in p.x == user.x || p.x == user.maxX || p.y == user.y || p.y == user.maxY }
        #expect(cells.last.map { user.contains($0) && onBorder($0) } == true)
        let plain = DesignRenderer.render(s.design, catalog: Fixtures.catalog)
        for c in cells.dropFirst() {
            let under = plain.cell(at: c)
            #expect(under.map { $0.ch == " " || $0.lines != 0 } ?? true, "the packet covers \(under!.ch) at \(c)")
        }
    }

    @Test func speedKeysChangeCellsPerSecond() throws {
        var s = try Session.bundled()
        s.keys("t++")
        #expect(s.editor.cellsPerSecond == 64)
        s.keys("---")
        #expect(s.editor.cellsPerSecond == 8)
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

    @Test func aRequestOnTheSameConnectionStaysOnItsPod() throws {
        var s = try Session.bundled()
        s.keys("tRAA")
        let chosen = s.editor.player!.packets.map { $0.trace.hops[1].instance }
        #expect(chosen == [1, 2, 2, 2])
        #expect(s.editor.player!.packets[3].trace.hops[1].narration.contains("nothing is chosen again: the connection is still"))
        #expect(s.editor.player!.packets[3].trace.hops[0].narration.contains("sends another request on the connection it already has open"))
        #expect(!s.editor.player!.packets[1].trace.hops[1].narration.contains("keep-alive"))
        s.keys(":balance random<Enter>")
        #expect(s.editor.flowState.balance == .random)
        #expect(s.editor.message == "Services pick a ready Pod at random per connection, as kube-proxy's iptables and "
            + "nftables modes do (seeded)")
        s.keys(":balance fair<Enter>")
        #expect(s.editor.message == "usage: :balance round-robin|random")
    }

    @Test func notReadyIsNotDeleted() throws {
        var s = try Session.bundled()
        s.keys("ll:ready no<Enter>")
        #expect(s.editor.message == "Pod web fails readiness: its Pods keep Running but get no new connections from Services "
            + "(at once here; on a cluster after 3 failed probes, 30 s by default, and the EndpointSlice update)")
        #expect(s.design.component("pod-web")?.isReady == false)
        s.keys("<Esc>t")
        let trace = s.editor.player!.focus!.trace
        #expect(trace.failure?.contains("are Running but fail their readiness probe") == true)
        #expect(s.editor.replacements.isEmpty) // nothing is replaced: the Pods are still there
        s.keys("<Esc><Esc>")
        #expect(s.editor.player == nil && s.editor.selection == nil)
        s.keys("<Tab>ll")
        #expect(s.editor.selection == "pod-web")
        s.keys(":ready yes<Enter>")
        #expect(s.design.component("pod-web")?.isReady == true)
        s.keys(":ready maybe<Enter>")
        #expect(s.editor.message == "usage: :ready yes|no")
    }

    @Test func imageRollsOutANewReplicaSetAndBothVersionsAnswer() throws {
        var s = try Session.bundled()
        s.keys(":image app=ghcr.io/hops-demo/web-app:1.5<Enter>")
        #expect(s.editor.message == "container app: ghcr.io/hops-demo/web-app:1.4.2 → ghcr.io/hops-demo/web-app:1.5; "
            + "Deployment web rolls out a new ReplicaSet (maxSurge 25% = 1, maxUnavailable 25% = 0): 0 of 3 Pods updated; "
            + "send requests to see both versions answer")
        for _ in 0..<30 { s.send(.tick(milliseconds: 100)) }
        #expect(s.editor.message == "rolling update of Deployment web: 1 of 3 Pods run ghcr.io/hops-demo/web-app:1.5, "
            + "2 still run ghcr.io/hops-demo/web-app:1.4.2")
        s.keys("tRR")
        let versions = s.editor.player!.packets.map { $0.trace.hops[2].version }
        #expect(versions == ["ghcr.io/hops-demo/web-app:1.5, the new version", "ghcr.io/hops-demo/web-app:1.4.2, the old version",
                             "ghcr.io/hops-demo/web-app:1.4.2, the old version"])
        for _ in 0..<60 { s.send(.tick(milliseconds: 100)) }
        #expect(s.editor.message == "rollout of Deployment web complete: all 3 Pods run ghcr.io/hops-demo/web-app:1.5; "
            + "the old ReplicaSet stays at 0 replicas for a rollback")
        #expect(s.editor.flowState.rollouts.isEmpty)
    }

    @Test func killAPodAndWatchTheDeploymentHeal() throws {
        var s = try Session.bundled()
        s.keys("ll")
        #expect(s.editor.selection == "pod-web")
        let old = try #require(FlowEngine.instanceName(of: "pod-web", index: 3, in: s.design))
        #expect(s.keys(":kill<Enter>") == [.animate(true)])
        #expect(s.editor.message == "deleted Pod \(old); 2 of 3 ready; Deployment web's ReplicaSet creates a replacement "
            + "with a new name and IP")
        #expect(s.screenText.contains("replicas 1 2 x"))
        // Requests meanwhile go to the others.
        s.keys("<Esc>t") // nothing selected: from the design's User
        #expect(s.editor.player?.focus?.trace.hops[1].instance == 1)
        s.keys("R")
        #expect(s.editor.player?.focus?.trace.hops[1].instance == 2)
        s.keys("R")
        #expect(s.editor.player?.focus?.trace.hops[1].instance == 1) // 3 is skipped
        for _ in 0..<30 { s.send(.tick(milliseconds: 100)) }
        let new = try #require(FlowEngine.instanceName(of: "pod-web", index: 3, in: s.design, state: s.editor.flowState))
        #expect(new != old)
        #expect(s.editor.message == "Deployment web's ReplicaSet replaced \(old) with \(new): 3 of 3 ready")
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
