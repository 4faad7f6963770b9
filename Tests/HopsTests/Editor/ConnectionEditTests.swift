import HopsCanvas
import HopsCheck
import HopsDesign
@testable import HopsEditor
import HopsFlow
import HopsInput
import Testing

/// Arrows are things you can select and edit: by key or by mouse, then delete, relabel, reverse,
/// change kind or port, each one undoable step that re-traces the request shown.
@Suite struct ConnectionEditTests {
    @Test func cSelectsTheSelectionsConnectionsAndTheArrowIsDrawnHeavy() throws {
        var s = try Session.bundled(screen: Size(width: 80, height: 24))
        s.keys("lC")
        #expect(s.editor.mode == .connection(id: "user-to-web", edit: nil))
        #expect(s.editor.message == "connection 1 of 2: User → Service web (traffic)")
        s.editor.message = nil // the whole screen below, without the message crowding the hints
        #expect(s.screenText == """
        ╭ user ──╮
        │ User   │
        ╰──────┬─╯
               ┃                        ┌ pod ───────────────────────────────────────┐
               ┃ HTTP :80               │ web                                        │┐
               ▼                        │ app=web                                    ││┐
        ┏ svc ━━━━━━━━━━━━ ! ┓          │ replicas 1 2 3                             │││
        ┃ web                ┣─app=web─▶│                                            │││
        ┃ ClusterIP :80→8080 ┃          │ ┌ ctr ──────────┐        ┌ ctr ─────── ! ┐ │││
        ┗━━━━━━━━━━━━━━━━━━━━┛          │ │ app           │        │ db            │ │││
                                        │ │ web-app:1.4.2 ├─:5432─▶│ postgres:16.4 │ │││
                                        │ │ :8080         │        │ :5432         │ │││
        ╔ deploy ════╗                  │ └───────────────┘        └───────────────┘ │││
        ║ web        ╠┄┄┄┄┄manages┄┄┄┄┄▶│                                            │││
        ║ 3 replicas ║                  └────────────────────────────────────────────┘││
        ╚════════════╝                   └────────────────────────────────────────────┘│
                                          └────────────────────────────────────────────┘
        ────────────────────────────────────────────────────────────────────────────────
         Connection · traffic: User → Service web
         port 80 on Service web
         label: HTTP
         traffic carries requests; a trace follows it

         Kubernetes Request Flow  CONNECTION       v reverse  m kind  e port  Esc back
        """.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.padding(toLength: 80, withPad: " ", startingAt: 0) }.joined(separator: "\n"))
        // The path is bold as well as heavy, so it shows without colour; the arrowhead too.
        let grid = s.editor.draw()
        let head = try #require(grid.rows[5].firstIndex(of: "▼"))
        #expect(grid[grid.rows[5].distance(from: grid.rows[5].startIndex, to: head), 5].style.attrs.contains(.bold))
        #expect(grid[7, 3].ch == "┃" && grid[7, 3].style.attrs.contains(.bold))
        let row7 = grid.rows[7]
        let other = row7.distance(from: row7.startIndex, to: try #require(row7.range(of: "─app=web")).lowerBound)
        // The selects arrow is not marked.
        #expect(grid[other, 7].ch == "─" && !grid[other, 7].style.attrs.contains(.bold))

        s.keys("C")
        #expect(s.editor.mode == .connection(id: "web-selects-pods", edit: nil))
        #expect(s.editor.message == "connection 2 of 2: Service web → Pod web (selects)")
        s.keys("<S-Tab>")
        #expect(s.editor.selectedConnection == "user-to-web")
        s.keys("<Esc>")
        #expect(s.editor.mode == .normal && s.editor.selection == "svc-web")
        s.keys("<Esc>C") // nothing selected: every connection
        #expect(s.editor.message == "connection 1 of 4: User → Service web (traffic)")
    }

    @Test func otherKeysLetGoOfTheArrowAndActAsInNormal() throws {
        var s = try Session.bundled()
        s.keys("lCl")
        #expect(s.editor.mode == .normal)
        #expect(s.editor.selection == "pod-web")
        s.editor.selection = "ctr-db"
        s.keys("C")
        #expect(s.editor.selectedConnection == "app-to-db")
        #expect(s.editor.message == "connection 1 of 1: Container app → Container db (traffic)")
        var empty = Session()
        empty.keys("C")
        #expect(empty.editor.message == "the design has no connections")
        empty.keys("auser<Enter>C")
        #expect(empty.editor.message == "User user has no connections: c draws one")
    }

    /// Screen cells where a text starts, in screen columns.
    func column(of text: String, in row: String) -> Int? {
        row.range(of: text).map { row.distance(from: row.startIndex, to: $0.lowerBound) }
    }

    @Test func aClickOnAnArrowsLineSelectsItAndAClickOnABoxSelectsTheBox() throws {
        var s = try Session.bundled()
        let row = s.screen[2]
        let label = try #require(column(of: "HTTP", in: row))
        s.send(.mouse(MouseEvent(.press, at: Point(x: label + 1, y: 2))))
        #expect(s.editor.selectedConnection == "user-to-web")
        #expect(s.editor.selection == "user") // its source, as nothing at either end was selected
        #expect(s.editor.message == "User → Service web (traffic)")
        // A plain line cell of the selects arrow, just before its arrowhead.
        let selects = try #require(column(of: "app=web──▶", in: row))
        s.send(.mouse(MouseEvent(.press, at: Point(x: selects + 8, y: 2))))
        #expect(s.editor.selectedConnection == "web-selects-pods")
        #expect(s.editor.selection == "svc-web")
        #expect(s.screen[2].contains("━━▶"))
        // A box: the arrow is let go.
        s.send(.mouse(MouseEvent(.press, at: Point(x: 3, y: 2))))
        #expect(s.editor.mode == .normal)
        #expect(s.editor.selection == "user")
        // A drag that starts on an arrow moves nothing.
        s.send(.mouse(MouseEvent(.press, at: Point(x: label + 1, y: 2))))
        s.send(.mouse(MouseEvent(.drag, at: Point(x: label + 5, y: 4))))
        #expect(!s.editor.isDirty)
    }

    @Test func deleteRelabelReverseKindAndPortAreEachUndoneByU() throws {
        var s = try Session.bundled()
        let original = s.design
        s.keys("lC")

        s.keys("r")
        let typing = ConnectionEdit(.label, TextField("HTTP", selected: true))
        #expect(s.editor.mode == .connection(id: "user-to-web", edit: typing))
        s.keys("web traffic<Enter>")
        #expect(s.design.connection("user-to-web")?.label == "web traffic")
        #expect(s.editor.message == "User → Service web now reads \"web traffic :80\"")
        #expect(s.screenText.contains("web traffic :80"))
        s.keys("u")
        #expect(s.design == original)
        #expect(s.editor.message == "undone: User → Service web now reads \"web traffic :80\"")
        #expect(s.editor.selectedConnection == "user-to-web")

        s.keys("rGET<Esc>")
        #expect(s.design == original) // Esc leaves it as it was

        s.keys("v")
        #expect(s.design.connection("user-to-web").map { [$0.from, $0.to] } == ["svc-web", "user"])
        #expect(s.editor.message == "reversed: Service web → User (traffic)")
        s.keys("u")
        #expect(s.design == original)

        s.keys("m")
        #expect(s.design.connection("user-to-web")?.kind == .annotation) // the only other kind a User → Service can be
        #expect(s.design.connection("user-to-web")?.port == nil)
        #expect(s.editor.message == "User → Service web is now annotation (port 80 removed: only traffic dials a port)")
        s.keys("e")
        #expect(s.editor.message == "only traffic dials a port; this connection annotation (m changes its kind)")
        s.keys("u")
        #expect(s.design == original)

        s.keys("e8080<Enter>")
        #expect(s.design.connection("user-to-web")?.port == 8080)
        #expect(s.editor.message
            == "User → Service web dials port 8080; Service web listens on 80, so a request is refused there")
        s.keys("e99999<Enter>")
        #expect(s.editor.message == "a port is a number from 1 to 65535")
        #expect(s.editor.mode == .connection(id: "user-to-web", edit: ConnectionEdit(.port, TextField("99999"))))
        s.keys("<Esc>u")
        #expect(s.design == original)

        s.keys("x")
        #expect(s.design.connection("user-to-web") == nil)
        #expect(s.editor.mode == .normal)
        #expect(s.editor.message == "deleted the connection User → Service web (traffic)")
        s.keys("u")
        #expect(s.design == original)
        s.keys("<C-r>")
        #expect(s.design.connection("user-to-web") == nil)
        #expect(s.editor.message == "redone: deleted the connection User → Service web (traffic)")
    }

    @Test func aTypedLabelWithAPortIsTheLabelAndThePort() throws {
        var s = try Session.bundled()
        s.keys("lCrgRPC :9000<Enter>")
        let k = try #require(s.design.connection("user-to-web"))
        #expect(k.label == "gRPC" && k.port == 9000)
        s.keys("r<BS><Enter>")
        #expect(s.design.connection("user-to-web")?.label == nil)
        #expect(s.editor.message == "User → Service web now reads \":9000\"")
    }

    @Test func theTraceFollowsAnArrowEditAtOnce() throws {
        var s = try Session.bundled()
        s.keys("t")
        #expect(s.editor.player?.focus?.trace.succeeded == true)
        s.keys("lCe8080<Enter>")
        let failed = try #require(s.editor.player?.focus?.trace.hops.first { $0.status == .failed })
        #expect(failed.narration.contains("has no port 8080"))
        s.keys("u")
        #expect(s.editor.player?.focus?.trace.succeeded == true)
        s.keys("x") // no traffic arrow leaves the User: the request cannot start
        #expect(s.editor.player?.focus?.trace.succeeded == false)
    }

    @Test func aReversalOrKindChangeThatWouldRepeatAConnectionIsRefused() throws {
        let d = Design(name: "twice", components: [
            Component(id: "a", kind: .service, name: "web", properties: ["selector": .object(["app": .string("web")])]),
            Component(id: "b", kind: .pod, name: "web", properties: ["labels": .object(["app": .string("web")])]),
        ], connections: [
            Connection(id: "k1", from: "a", to: "b", kind: .selects),
            Connection(id: "k2", from: "a", to: "b", kind: .annotation),
            Connection(id: "k3", from: "b", to: "a", kind: .selects),
        ])
        var s = Session(d)
        s.editor.selection = "a"
        s.keys("C")
        #expect(s.editor.selectedConnection == "k1")
        s.keys("v")
        #expect(s.editor.message == "not reversed: Pod web → Service web (selects) is already drawn")
        // After selects: mounts makes no sense here, annotation is drawn already, so traffic.
        s.keys("m")
        #expect(s.design.connection("k1")?.kind == .traffic)
        #expect(s.editor.message == "Service web → Pod web is now traffic")
    }

    @Test func aNewArrowIsGuessedAndCycledOnlyAmongKindsThatMakeSense() throws {
        let d = Design(name: "kinds", components: [
            Component(id: "dep", kind: .deployment, name: "web"),
            Component(id: "cm", kind: .configMap, name: "settings"),
            Component(id: "hpa", kind: .hpa, name: "web"),
            Component(id: "user", kind: .user, name: "User"),
        ], connections: [])
        var s = Session(d)
        // A workload mounts what its Pod template mounts.
        s.editor.mode = .connect(source: "dep", target: "cm", kind: nil)
        #expect(s.editor.inferredKind(from: "dep", to: "cm") == .mounts)
        s.keys("m") // mounts -> annotation -> mounts: a ConfigMap answers no traffic, nor is it managed
        #expect(s.editor.mode == .connect(source: "dep", target: "cm", kind: .annotation))
        s.keys("m")
        #expect(s.editor.mode == .connect(source: "dep", target: "cm", kind: .mounts))
        s.keys("<Enter>")
        #expect(s.design.connections.map(\.kind) == [.mounts])
        // An HPA scales workloads and sends no requests: towards a User only a note makes sense.
        #expect(s.editor.inferredKind(from: "hpa", to: "user") == .annotation)
        #expect(CheckEngine.kindProblem(.manages, from: .hpa, to: .user) != nil)
        // A ConfigMap sends nothing: only an annotation makes sense, and m says so.
        s.editor.mode = .connect(source: "cm", target: "user", kind: nil)
        #expect(s.editor.inferredKind(from: "cm", to: "user") == .annotation)
        s.keys("m")
        #expect(s.editor.message == "annotation is the only kind that makes sense here")
        #expect(s.editor.mode == .connect(source: "cm", target: "user", kind: nil))
        // Before a target is chosen, m offers what makes sense from the source to some target.
        s.editor.mode = .connect(source: "cm", target: nil, kind: nil)
        s.keys("m")
        #expect(s.editor.mode == .connect(source: "cm", target: nil, kind: .annotation))
        // A kind chosen for one target gives way to a guess when the target changes to one it does not fit.
        s.editor.mode = .connect(source: "dep", target: "user", kind: .traffic)
        s.editor.selection = "dep"
        _ = s.editor.chooseTarget { e in e.selection = "cm"; return [] }
        #expect(s.editor.mode == .connect(source: "dep", target: "cm", kind: nil))
        // A kind chosen before the target is kept, and the message says when it does not fit.
        s.editor.mode = .connect(source: "hpa", target: "user", kind: .manages)
        s.keys("<Enter>")
        #expect(s.editor.message == "connected HorizontalPodAutoscaler web → User (manages), which makes no sense: "
            + "an HPA scales what has a scale subresource: a Deployment, StatefulSet or ReplicaSet (m on the arrow changes "
            + "its kind)")
    }

    @Test func aSelectsArrowShowsItsSelectorAndATypedLabelBeforeIt() throws {
        var s = try Session.bundled()
        s.keys("lCC")
        #expect(s.editor.selectedConnection == "web-selects-pods")
        s.keys("r")
        #expect(s.editor.mode == .connection(id: "web-selects-pods", edit: ConnectionEdit(.label, TextField(""))))
        s.keys("app=other<Enter>")
        #expect(s.editor.message
            == "not relabelled: this arrow always shows what Service web says (app=web); "
                + "change that with e on Service web")
        s.keys("<C-u>front<Enter>")
        #expect(s.screenText.contains("front app=web"))
        // The selector changes; the arrow follows and the typed part stays.
        s.keys("<Esc>e<Down><Down><Enter><C-u>app=api<Enter><Esc>CC")
        #expect(s.editor.connectionPanelLines()?.map(\.0).contains("label: front") == true)
        #expect(s.editor.connectionPanelLines()?.map(\.0).contains("shows: app=api") == true)
        let k = try #require(s.design.connection("web-selects-pods"))
        #expect(k.label == "front")
        #expect(s.design.shownLabel(of: k) == "front app=api")
    }

    @Test func aNewSelectsArrowStoresNoLabelAndATrafficArrowShowsTheServicesOnlyPort() throws {
        var s = Session()
        s.keys("auser<Enter>asvc<Enter>")
        let user = try #require(s.component(named: "user")), svc = try #require(s.component(named: "svc"))
        s.editor.selection = user.id
        s.keys("c<Tab><Enter>")
        let k = try #require(s.design.connections.first)
        #expect(k.to == svc.id && k.label == nil && k.port == nil)
        #expect(s.design.shownLabel(of: k) == ":80") // the catalog's Service listens on 80 only
        s.keys("C")
        #expect(s.editor.connectionPanelLines()?.map(\.0).contains(
            "port 80: the arrow names none, so the trace assumes Service svc's only port") == true)
    }

    @Test func thePanelSaysWhyASelectsArrowMatchesOrNot() throws {
        var s = try Session.bundled()
        s.keys("lCC")
        #expect(s.editor.connectionPanelLines()?.map(\.0) == [
            "Connection · selects: Service web → Pod web",
            "matches: Pod web has labels app=web, which include the selector app=web",
            "(a cluster goes by the selector, not by the arrow)",
            "shows: app=web",
            "a Service sends requests to the Pods its selector matches",
        ])
        s.editor.selection = "pod-web"
        s.keys("<Esc>e<Down><Enter><C-u>app=api<Enter><Esc>")
        s.editor.selection = "svc-web"
        s.keys("CC")
        let lines = try #require(s.editor.connectionPanelLines())
        #expect(lines[1].0 == "no match: Pod web has labels app=api, without app=web, so the Service sends it nothing")
        #expect(lines[1].1.fg == .red)
    }

    @Test func aServiceSelectsOnlyInItsOwnNamespace() throws {
        let d = Design(name: "ns", components: [
            Component(id: "s", kind: .service, name: "web", properties: [
                "selector": .object(["app": .string("web")]), "namespace": .string("shop")]),
            Component(id: "p", kind: .pod, name: "web", properties: [
                "labels": .object(["app": .string("web")]), "namespace": .string("other")]),
        ], connections: [Connection(id: "k", from: "s", to: "p", kind: .selects)])
        var s = Session(d)
        s.editor.selection = "s"
        s.keys("C")
        let lines = try #require(s.editor.connectionPanelLines())
        #expect(lines[1].0 == "the labels match, but Pod web is in namespace other and Service web in shop: "
            + "a Service selects Pods of its own namespace only")
    }

    @Test func thePanelShowsTheRuleThatFoundAnImportedArrow() throws {
        var d = try Fixtures.bundledDesign()
        let i = try #require(d.connections.firstIndex { $0.id == "web-selects-pods" })
        let rule = "selector app=web matches the Pod template labels of Deployment web"
        d.connections[i].extra["inferred"] = .object(["rule": .string(rule)])
        var s = Session(d)
        s.editor.selection = "svc-web"
        s.keys("CC")
        #expect(s.editor.connectionPanelLines()?.last?.0
            == "found on import: selector app=web matches the Pod template labels of Deployment web")
        s.keys("v") // reversed, the rule no longer describes it
        #expect(s.design.connection("web-selects-pods")?.extra["inferred"] == nil)
        let lines = s.editor.connectionPanelLines() ?? []
        #expect(lines.contains { $0.0.hasPrefix("warning: in Hops only a Service draws selects") })
    }

    @Test func inASCIITheSelectedArrowIsReversedVideo() throws {
        let e = Editor(design: try Fixtures.bundledDesign(), catalog: Fixtures.catalog, path: nil, glyphs: .ascii,
                       screen: Size(width: 160, height: 40)) // wide enough for the drawing left to right
        e.handle(.key(.char("l")))
        e.handle(.key(.char("C")))
        let grid = e.draw()
        let row = grid.rows[2]
        let start = try #require(row.range(of: "HTTP :80")).lowerBound
        let x = row.distance(from: row.startIndex, to: start) - 1 // the line cell before the label
        #expect(grid[x, 2].ch == "-")
        #expect(grid[x, 2].style.attrs.contains(.reverse))
        #expect(!row.unicodeScalars.contains { $0.value > 0x7E })
    }
}
