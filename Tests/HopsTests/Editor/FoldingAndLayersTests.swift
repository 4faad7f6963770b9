import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsFormats
import HopsInput
import Testing

/// Working in a design larger than the screen: folding a group to one box, hiding layers, and
/// the status line saying where the view is.
@Suite struct FoldingAndLayersTests {
    @Test func tabVisitsWhatIsDrawnInDesignOrderAndWraps() throws {
        var s = try Session.bundled(screen: Size(width: 200, height: 60))
        let ids = s.design.components.map(\.id)
        s.editor.selection = nil
        var visited: [String] = []
        for _ in 0..<(ids.count + 1) { s.keys("<Tab>"); visited.append(s.editor.selection ?? "-") }
        #expect(visited == ids + [ids[0]])
        s.keys("<S-Tab>")
        #expect(s.editor.selection == ids.last)
        // A folded Pod's containers are not drawn: Tab goes from the Pod to what follows them.
        s.editor.selection = "pod-web"
        s.keys("z")
        let from = try #require(ids.firstIndex(of: "pod-web"))
        let around = ids[(from + 1)...] + ids[..<from]
        let after = try #require(around.first { s.editor.rect(of: $0) != nil })
        #expect(around.first == "ctr-app" || around.first == "ctr-db")
        s.keys("<Tab>")
        #expect(s.editor.selection == after)
        #expect(s.editor.rect(of: "ctr-app") == nil && after != "ctr-app")
        s.keys("<S-Tab>")
        #expect(s.editor.selection == "pod-web")
        // From a selection that is not drawn, Tab starts at the first drawn component.
        s.editor.selection = "ctr-app"
        s.keys("<Tab>")
        #expect(s.editor.selection == ids.first { s.editor.rect(of: $0) != nil })
    }

    @Test func foldingThePodDrawsOneBoxAndATraceThroughItSaysSo() throws {
        var s = try Session.bundled(screen: Size(width: 200, height: 60))
        #expect(s.screenText.contains("postgres"))
        s.editor.selection = "pod-web"
        s.keys("z")
        #expect(s.design.component("pod-web")?.properties["folded"] == .bool(true))
        #expect(s.editor.message?.hasPrefix("folded Pod web: 2 components inside") == true)
        let screen = s.screenText
        #expect(screen.contains("▸ 2 inside, folded"))
        #expect(!screen.contains("postgres") && !screen.contains("web-app"))
        #expect(s.editor.rect(of: "ctr-app") == nil && s.editor.rect(of: "pod-web") != nil)
        // The trace is the whole design's: it still reaches the containers, on the Pod's box.
        s.editor.selection = "user"
        s.keys("t")
        var notes: [String] = []
        for _ in 0..<8 {
            if let m = s.editor.message, m.contains("inside folded") { notes.append(m) }
            s.keys("n")
        }
        let trace = try #require(s.editor.player?.focus?.trace)
        #expect(trace.succeeded)
        #expect(trace.hops.contains { $0.to == "ctr-app" })
        #expect(notes.contains { $0.contains("inside folded Pod web; z on it unfolds") })
        #expect(s.editor.flowPanelLines()?.contains { $0.0.contains("inside folded Pod web") } == true
            || s.editor.player?.focus?.finished == true)
        // Undo unfolds, and says what it undid without the hint that came with the fold.
        s.keys("<Esc>u")
        #expect(s.editor.message == "undone: folded Pod web")
        #expect(s.design.component("pod-web")?.properties["folded"] == nil)
        #expect(s.screenText.contains("postgres"))
    }

    @Test func aFoldMergesTheArrowsIntoItsInsideAtItsBorder() {
        let d = Design(name: "fold", components: [
            Component(id: "svc", kind: .service, name: "svc"),
            Component(id: "dep", kind: .deployment, name: "dep"),
            Component(id: "pod", kind: .pod, name: "pod", parent: "dep"),
            Component(id: "a", kind: .container, name: "a", parent: "pod"),
            Component(id: "b", kind: .container, name: "b", parent: "pod"),
        ], connections: [
            Connection(id: "k1", from: "svc", to: "a"),
            Connection(id: "k2", from: "svc", to: "b"),
            Connection(id: "k3", from: "a", to: "b"),
            Connection(id: "k4", from: "svc", to: "pod", kind: .selects),
        ])
        var folded = d
        folded.components[1].properties["folded"] = .bool(true)
        let shown = ShownDesign(folded)
        #expect(shown.design.components.map(\.id) == ["svc", "dep"])
        #expect(shown.standIn == ["pod": "dep", "a": "dep", "b": "dep"])
        #expect(shown.hiddenInside == ["dep": 3])
        // Two traffic arrows into the group become one; the one inside it goes; selects stays apart.
        let arrows = shown.design.connections.map { "\($0.id) \($0.from)>\($0.to) \($0.kind)" }
        #expect(arrows == ["k1 svc>dep traffic", "k4 svc>dep selects"])
        // Nothing folded, nothing hidden: the design as it is.
        #expect(ShownDesign(d).design == d)
    }

    @Test func zOnAComponentWithNothingInsideSaysSoAndChangesNothing() throws {
        var s = try Session.bundled()
        s.editor.selection = "svc-web"
        let before = s.design
        s.keys("z")
        #expect(s.design == before)
        #expect(s.editor.message == "Service web holds no components: nothing to fold")
    }

    @Test func aFoldIsSavedAndReadBack() throws {
        var s = try Session.bundled()
        s.editor.selection = "pod-web"
        s.keys("z")
        let file = Fixtures.tempDir().appendingPathComponent("folded.hops.json").path
        try DesignFile.write(s.design, to: file)
        let back = try DesignFile.read(path: file, catalog: Fixtures.catalog)
        #expect(back.component("pod-web")?.properties["folded"] == .bool(true))
        let reopened = Editor(design: back, catalog: Fixtures.catalog, path: file, screen: Size(width: 120, height: 40))
        #expect(reopened.rect(of: "ctr-db") == nil)
        // `hops render` draws it folded too.
        let text = DesignRenderer.render(back, catalog: Fixtures.catalog).text
        #expect(text.contains("2 inside, folded") && !text.contains("postgres"))
    }

    @Test func hidingALayerLeavesItOutWithoutChangingTheDesign() throws {
        var d = try Fixtures.bundledDesign()
        d.components.append(Component(id: "cm", kind: .configMap, name: "settings"))
        d.connections.append(Connection(id: "mount", from: "deploy-web", to: "cm", kind: .mounts))
        var s = Session(d)
        #expect(s.screenText.contains("settings"))
        let before = s.design
        s.keys(":hide configuration<Enter>")
        #expect(s.editor.message == "hidden: ConfigMap, Secret (1 component; :show all brings them back)")
        #expect(!s.screenText.contains("settings"))
        #expect(s.editor.rect(of: "cm") == nil)
        #expect(s.design == before && !s.editor.isDirty)
        // Tab passes over what is hidden.
        var visited: Set<String> = []
        for _ in 0..<12 { s.keys("<Tab>"); visited.insert(s.editor.selection ?? "") }
        #expect(!visited.contains("cm") && visited.contains("svc-web"))
        // Boxes laid out for the view stay put: a move would be lost.
        s.editor.selection = "svc-web"
        s.keys("L")
        #expect(s.design == before)
        #expect(s.editor.message?.contains("boxes stay put while layers are hidden") == true)
        s.keys(":show all<Enter>")
        #expect(s.editor.message == "every layer shown")
        #expect(s.screenText.contains("settings"))
        #expect(s.design == before)
    }

    @Test func hidingArrowKindsAndUnknownLayers() throws {
        var s = try Session.bundled()
        #expect(s.editor.cache.shown.design.connections.contains { $0.kind == .manages })
        s.keys(":hide manages<Enter>")
        #expect(!s.editor.cache.shown.design.connections.contains { $0.kind == .manages })
        #expect(s.editor.message?.hasPrefix("hidden: manages arrows") == true)
        s.keys(":hide nonsense<Enter>")
        #expect(s.editor.message?.hasPrefix("no layer nonsense") == true)
        s.keys(":show manages<Enter>")
        #expect(s.editor.layers.isEmpty)
    }

    /// The first screen of a design bigger than it shows the selection: the User when it is in
    /// view, else the top-left box (the design's first component is far off in this one).
    @Test func theFirstScreenShowsTheSelection() throws {
        var d = Fixtures.generated(120)
        d.components[0].parent = nil
        d.components[0].position = Position(x: 400, y: 300) // far below and right of the rest
        let s = Session(d, screen: Size(width: 100, height: 30))
        let sel = try #require(s.editor.selection)
        let r = try #require(s.editor.rect(of: sel))
        #expect(r.intersects(s.editor.viewport.rect))
        #expect(s.editor.rect(of: d.components[0].id).map { $0.intersects(s.editor.viewport.rect) } == false)
        let bundled = try Session.bundled()
        #expect(bundled.editor.selection == "user")
        // A User that sends comes before one that does not, whatever their order.
        var two = try Fixtures.bundledDesign()
        two.components.insert(Component(id: "idle", kind: .user, name: "idle"), at: 0)
        let s2 = Session(two, screen: Size(width: 200, height: 60))
        #expect(s2.editor.rect(of: "idle").map { $0.intersects(s2.editor.viewport.rect) } == true)
        #expect(s2.editor.selection == "user")
    }

    @Test func theStatusLineSaysWhereTheViewIsInABigDesign() throws {
        var s = Session(Fixtures.generated(120), screen: Size(width: 100, height: 30))
        let status = try #require(s.screen.last)
        let b = s.editor.cache.drawnBounds
        #expect(status.contains("⌖ 0,0 of \(b.width)x\(b.height)"))
        s.keys("<PageDown>")
        let moved = try #require(s.screen.last)
        #expect(moved.contains("⌖ 0,") && !moved.contains("⌖ 0,0 "))
        // A design that fits on the screen needs no indicator.
        let small = try Session.bundled(screen: Size(width: 300, height: 90))
        #expect(!(small.screen.last ?? "").contains("⌖"))
    }
}

/// The live checks read no positions: a move keeps their findings, an edit works them out again.
@Suite struct LiveCheckCacheTests {
    @Test func aMoveKeepsTheFindingsAndAnEditRefreshesThem() throws {
        var s = try Session.bundled()
        let before = s.editor.findings()
        let checked = try #require(s.editor.findingsCache.design)
        s.editor.selection = "svc-web"
        s.keys("L")
        #expect(s.design.component("svc-web")?.position != checked.component("svc-web")?.position)
        #expect(s.editor.findings() == before)
        #expect(s.editor.findingsCache.design == checked) // not worked out again
        s.keys(":scale 0<Enter>")
        _ = s.editor.findings()
        #expect(s.editor.findingsCache.design != checked)
    }
}
