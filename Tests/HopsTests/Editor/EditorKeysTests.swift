import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsInput
import Testing

/// Every key of the normal-mode table, as a user would press it.
@Suite struct EditorKeysTests {
    @Test func tabAndShiftTabCycleTheSelection() throws {
        var s = try Session.bundled()
        #expect(s.editor.selection == "user")
        s.keys("<Tab>")
        #expect(s.editor.selection == "svc-web")
        s.keys("<S-Tab><S-Tab>")
        #expect(s.editor.selection == "ctr-db") // wraps to the last
    }

    @Test func arrowsAndHjklSelectTheNearestComponentInThatDirection() throws {
        var s = try Session.bundled()
        s.keys("l")
        #expect(s.editor.selection == "svc-web")
        s.keys("<Right>")
        #expect(s.editor.selection == "pod-web")
        s.keys("h") // the Deployment is more level with the Pod than the Service is
        #expect(s.editor.selection == "deploy-web")
        s.keys("<Up>")
        #expect(s.editor.selection == "svc-web")
    }

    @Test func shiftMovesTheSelectionWithItsChildrenAndArrowsFollow() throws {
        var s = try Session.bundled()
        s.keys("ll") // the Pod
        let pod = s.editor.rect(of: "pod-web")!, app = s.editor.rect(of: "ctr-app")!
        s.keys("LLJ<S-Right>")
        #expect(s.editor.rect(of: "pod-web")!.origin == pod.origin + Point(x: 3, y: 1))
        #expect(s.editor.rect(of: "ctr-app")!.origin == app.origin + Point(x: 3, y: 1))
        #expect(s.design.component("pod-web")!.position == Position(x: pod.x + 3, y: pod.y + 1))
        #expect(s.editor.isDirty)
        // The arrow into the Pod still ends at the Pod's border.
        #expect(s.screenText.contains("──app=web"))
        s.keys("K<S-Left>H<S-Up>")
        #expect(s.editor.rect(of: "pod-web")!.origin == pod.origin + Point(x: 1, y: -1))
    }

    @Test func aChildCannotLeaveItsParentButTheParentGrows() throws {
        var s = try Session.bundled()
        s.keys("<Tab><Tab><Tab><Tab>") // ctr-app
        #expect(s.editor.selection == "ctr-app")
        let pod = s.editor.rect(of: "pod-web")!
        s.keys("HHHH")
        #expect(s.editor.message == "a child stays inside its parent")
        s.keys(String(repeating: "J", count: 6))
        #expect(s.editor.rect(of: "pod-web")!.height > pod.height)
        #expect(s.editor.rect(of: "pod-web")!.insetBy(1).contains(s.editor.rect(of: "ctr-app")!))
    }

    /// A Pod added on its own is labelled with its name (the catalog's app=web would join it to
    /// Service web and Deployment web's ReplicaSet); one added into a workload takes its selector.
    @Test func anAddedPodIsLabelledSoNothingAdoptsItByAccident() throws {
        var s = try Session.bundled()
        s.editor.selection = nil
        _ = s.editor.add(.pod)
        let bare = try #require(s.design.components.last)
        #expect(bare.kind == .pod && bare.labels == ["app": bare.name])
        let d = s.design
        s.editor.selection = "deploy-web"
        _ = s.editor.add(.pod)
        let template = try #require(s.design.components.last)
        #expect(template.parent == "deploy-web" && template.labels == d.component("deploy-web")?.selector)
    }

    @Test func addPlacesAServiceThenAContainerInsideAPod() throws {
        var s = Session()
        s.keys("aService<Enter>")
        #expect(s.design.components.map(\.kind) == [.service])
        #expect(s.editor.selection == s.design.components[0].id)
        #expect(s.design.components[0].selector == ["app": "web"]) // the catalog's defaults
        s.keys("apod<Enter>")
        let pod = s.design.components[1]
        #expect(pod.kind == .pod && pod.parent == nil)
        #expect(!s.editor.rect(of: pod.id)!.intersects(s.editor.rect(of: s.design.components[0].id)!))
        s.keys("actr<Enter>")
        #expect(s.design.components[2].kind == .container)
        #expect(s.design.components[2].parent == pod.id)
    }

    @Test func paletteFiltersByTypingAndEscBacksOut() throws {
        var s = Session()
        s.keys("asec")
        #expect(s.screenText.contains("Secret"))
        #expect(!s.screenText.contains("Deployment"))
        s.keys("<Esc>")
        #expect(s.editor.mode == .normal)
        #expect(s.design.components.isEmpty)
        s.keys("a<Down><Down><Enter>") // third kind in the catalog: Service
        #expect(s.design.components.first?.kind == .service)
    }

    @Test func connectDrawsAnArrowWithTheInferredKind() throws {
        var s = Session()
        s.keys("aService<Enter>aDeployment<Enter>c<Tab><Enter>")
        #expect(s.design.connections.count == 1)
        let k = s.design.connections[0]
        #expect(s.design.component(k.from)?.kind == .deployment)
        #expect(s.design.component(k.to)?.kind == .service)
        #expect(k.kind == .traffic)
        s.keys("<Tab>aPod<Enter><S-Tab><S-Tab>c<Tab><Tab><Enter>") // Service → Pod
        let selects = s.design.connections.last!
        #expect(s.design.component(selects.from)?.kind == .service)
        #expect(s.design.component(selects.to)?.kind == .pod)
        #expect(selects.kind == .selects)
        #expect(s.screenText.contains("▶"))
    }

    @Test func connectKindCanBeChangedAndEscCancels() throws {
        var s = try Session.bundled()
        let before = s.design.connections.count
        s.keys("cl<Esc>")
        #expect(s.design.connections.count == before)
        #expect(s.editor.mode == .normal)
        // User → Deployment: m skips the kinds a User cannot have (manages, selects, mounts).
        s.keys("cjm<Enter>")
        #expect(s.design.connections.last?.kind == .annotation)
    }

    @Test func renameTakesAnyUnicodeAndTheBoxGrows() throws {
        var s = try Session.bundled()
        s.keys("l")
        let width = s.editor.rect(of: "svc-web")!.width
        s.keys("r<C-u>前端服务-frontend-service-🚀<Enter>")
        #expect(s.design.component("svc-web")?.name == "前端服务-frontend-service-🚀")
        #expect(s.editor.rect(of: "svc-web")!.width > width)
        // The old name starts selected: a cursor key keeps it, typing would replace it.
        s.keys("r<End><BS><BS>x<Left>y<Enter>")
        #expect(s.design.component("svc-web")?.name == "前端服务-frontend-serviceyx")
        s.keys("rdb<Enter>")
        #expect(s.design.component("svc-web")?.name == "db")
        s.keys("u")
        s.keys("rzzz<Esc>")
        #expect(s.design.component("svc-web")?.name == "前端服务-frontend-serviceyx")
    }

    @Test func propertiesFormEditsReplicasImageAndRejectsBadValues() throws {
        var s = try Session.bundled()
        s.keys("lj") // the Deployment
        s.keys("e<Down><Enter><C-u>5<Enter>")
        #expect(s.design.component("deploy-web")?.replicas == 5)
        s.keys("<Enter><C-u>many<Enter>")
        #expect(s.editor.message == "replicas must be a whole number from 0 to 10000")
        #expect(s.design.component("deploy-web")?.replicas == 5)
        s.keys("<Esc><Esc>")
        #expect(s.editor.mode == .normal)
        s.keys("<Tab><Tab>e<Down><Enter><C-u>nginx:1.27<Enter><Esc>") // ctr-app's image
        #expect(s.design.component("ctr-app")?.image == "nginx:1.27")
        #expect(s.screenText.contains("nginx:1.27"))
        // The container's CPU request, which an HPA's CPU target is a share of.
        s.keys("e<Down><Down><Down><Enter>250m<Enter>")
        #expect(s.design.component("ctr-app")?.cpuRequest == "250m")
        #expect(s.design.component("ctr-app")?.properties["manifest"]
            == .object(["resources": .object(["requests": .object(["cpu": .string("250m")])])]))
        s.keys("<Enter><C-u>lots<Enter>")
        #expect(s.editor.message == "a CPU request is cores (1, 0.5) or millicores (250m); empty removes it")
        s.keys("<C-u>1.5m<Enter>")
        #expect(s.design.component("ctr-app")?.cpuRequest == "250m")
        s.keys("<C-u><Enter><Esc>")
        #expect(s.design.component("ctr-app")?.cpuRequest == nil)
        #expect(s.design.component("ctr-app")?.properties["manifest"] == nil)
    }

    @Test func deleteRemovesChildrenAndConnections() throws {
        var s = try Session.bundled()
        s.keys("ll")
        s.keys("x")
        #expect(s.design.component("pod-web") == nil)
        #expect(s.design.component("ctr-app") == nil)
        #expect(s.design.connections.map(\.id) == ["user-to-web"])
        s.keys("<Tab><Del>")
        #expect(s.design.components.count == 2)
    }

    @Test func undoAndRedo() throws {
        var s = try Session.bundled()
        let start = s.design
        s.keys("lxlLLL")
        #expect(s.design != start)
        s.keys("uu")
        #expect(s.design == start)
        s.keys("<C-r>")
        #expect(s.design.component("svc-web") == nil)
        s.keys("<C-r>u u")
        #expect(s.design == start)
    }

    @Test func undoKeepsAThousandSteps() throws {
        var s = try Session.bundled()
        let start = s.design
        for i in 0..<1001 { s.keys("r<C-u>n\(i)<Enter>") }
        #expect(s.design.component("user")?.name == "n1000")
        for _ in 0..<1001 { s.keys("u") }
        #expect(s.design == start)
    }

    @Test func quitAsksWhenThereAreUnsavedChanges() throws {
        var s = try Session.bundled()
        #expect(s.keys("q") == [.removeRecovery, .quit])
        s = try Session.bundled()
        s.keys("lL")
        #expect(s.keys("q").isEmpty)
        #expect(s.screenText.contains("Unsaved changes"))
        #expect(s.keys("<Esc>").isEmpty)
        s.keys("q")
        #expect(s.keys("y") == [.save(s.design, path: "/tmp/flow.hops.json", overwrite: false)])
        #expect(s.editor.handle(.saved(path: "/tmp/flow.hops.json")) == [.removeRecovery, .quit])
        s.keys("lL")
        s.keys("q")
        #expect(s.keys("n").last == .quit)
    }

    @Test func helpListsEveryKeyFromTheDispatchTable() throws {
        var s = try Session.bundled(screen: Size(width: 120, height: 60))
        s.keys("?")
        let text = s.screenText
        for k in ["Tab", "S-Tab", "S-Right L", "C-r", "q C-c", "x Del"] { #expect(text.contains("  \(k)  "), "\(k)") }
        s.keys("<Esc>")
        #expect(s.editor.mode == .normal)
    }

    @Test func escClearsTheSelection() throws {
        var s = try Session.bundled()
        s.keys("<Esc>")
        #expect(s.editor.selection == nil)
    }
}
