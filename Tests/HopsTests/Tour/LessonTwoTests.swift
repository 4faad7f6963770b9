import HopsCanvas
import HopsCheck
import HopsDesign
import HopsEditor
import HopsTour
import Testing

/// Lesson 2, "In from outside: Ingress and autoscaling", completed with keys at 80x24: an
/// Ingress in front of Service web, two paths to two Services, an autoscaler.
@Suite struct LessonTwoTests {
    @Test func theWholeLessonWithKeys() throws {
        var d = try TourDriver(lesson: 2)

        // 1. Outside and inside: the first hop says a ClusterIP is reachable only from inside.
        #expect(d.highlighted == ["User/User", "Service/web"])
        #expect(!d.done)
        d.keys("t")
        #expect(
            d.narration?.contains("A ClusterIP is a virtual address reachable only from inside the cluster") == true)
        #expect(d.done)
        d.keys("<Enter>")

        // 2. An Ingress in front: the person takes the User's arrow away (C, x) and adds the rest.
        #expect(d.step == 2)
        #expect(d.selected == "User/User")
        #expect(d.highlighted == ["User/User", "Service/web"])  // no Ingress yet
        #expect(d.tour.hint?.hasPrefix("First the old arrow: select the User, C selects its arrow") == true)
        d.keys("C")
        #expect(d.editor.selectedConnection == "user-to-web")
        d.keys("x")
        #expect(!d.design.connections.contains { $0.from == "user" && $0.to == "svc-web" })
        #expect(d.editor.message?.hasPrefix("deleted the connection User → Service web") == true)
        #expect(d.tour.hint == nil)  // the task says what comes next
        d.keys("aing<Enter>")
        #expect(d.selected == "Ingress/ing")
        #expect(d.highlighted == ["User/User", "Ingress/ing", "Service/web"])
        #expect(d.tour.hint?.hasPrefix("Now the arrows") == true)
        d.connect("Ingress/ing", to: "Service/web")
        d.connect("User/User", to: "Ingress/ing")
        #expect(d.tour.hint?.hasPrefix("Give the Ingress a rule") == true)
        d.tab(to: "Ingress/ing")
        d.keys("ej<Enter>/=web<Enter><Esc>")
        #expect(d.design.component("ing")?.ingressRules.map(\.service) == ["web"])
        #expect(!d.done)  // the design is right; no request has gone through it yet
        d.tab(to: "User/User")
        d.keys("t")
        #expect(d.narration?.contains("User connects to the Ingress controller that serves Ingress ing") == true)
        d.keys("n")
        #expect(d.narration?.contains("matched the rule any host / → Service web") == true)
        d.keys("n")
        #expect(d.narration?.contains("Ingress ing's controller does not use the ClusterIP") == true)
        d.keys("nnnn")
        #expect(!d.done)
        d.keys("n")
        #expect(d.narration?.contains("Ingress ing now has what it needed and answers User") == true)
        #expect(d.done)
        d.keys("<Enter>")

        // 3. Two paths: the lesson adds Service api and its Deployment; the person routes /api.
        #expect(d.step == 3)
        #expect(d.design.component("svc-api") != nil && d.design.component("ctr-api")?.parent == "pod-api")
        #expect(d.selected == "Ingress/ing")
        #expect(d.highlighted == ["Ingress/ing", "Service/api"])
        d.keys("ej<Enter><C-u>/=web, /api=api<Enter><Esc>")
        #expect(d.design.component("ing")?.ingressRules.map(\.path) == ["/", "/api"])
        // The hint and the condition agree: the rules want their arrow too.
        #expect(d.tour.hint?.hasPrefix("Both rules are there. Now the arrow they imply: select the Ingress, c") == true)
        #expect(!d.done)
        d.connect("Ingress/ing", to: "Service/api")
        #expect(d.tour.hint?.hasPrefix("Rules and arrow are there. Select the User, type :trace /api") == true)
        d.tab(to: "User/User")
        d.keys(":trace /api<Enter>n")
        #expect(
            d.narration?.contains(
                "matched the rule any host /api → Service api for a request by IP (its Host header is the address) "
                    + "and path /api") == true)
        #expect(d.narration?.contains("(the longest matching prefix wins)") == true)
        d.keys("n")
        #expect(!d.done)  // at Service api's Pod, not yet in its container
        d.keys("n")
        #expect(d.done)
        d.keys("<Enter>")

        // 4. Autoscaling: an HPA that manages Deployment web.
        #expect(d.step == 4)
        #expect(d.selected == "Deployment/web")
        d.keys("ahpa<Enter>")
        #expect(d.selected == "HorizontalPodAutoscaler/hpa")
        #expect(d.tour.hint?.hasPrefix("Now connect it") == true)
        #expect(!d.done)
        d.connect("HorizontalPodAutoscaler/hpa", to: "Deployment/web")
        #expect(d.design.connections.contains { $0.from == "hpa" && $0.to == "deploy-web" && $0.kind == .manages })
        #expect(d.done)
        d.keys("<Enter>")

        // 5. What you built: the last step of the last lesson.
        #expect(d.step == 5)
        #expect(d.panel.contains("That was the last lesson."))
        d.keys("<Enter>")
        #expect(d.step == 5)
        #expect(d.tour.notice?.hasPrefix("That was the last step of the last lesson: q quits") == true)
        // What the person built is a design a cluster takes: no errors from the check engine.
        #expect(CheckEngine.findings(in: d.design, catalog: Fixtures.catalog).filter { $0.severity == .error }.isEmpty)
    }

    @Test func anIngressWithoutRulesIsNotARoute() throws {
        var d = try TourDriver(lesson: 2)
        d.keys("<Enter><Enter><Enter>")  // step 1 skipped, on to step 2
        #expect(d.step == 2)
        d.keys("Cxaing<Enter>")
        d.connect("Ingress/ing", to: "Service/web")
        d.connect("User/User", to: "Ingress/ing")
        // The request follows the Ingress's arrow (Hops says so), but no rule routes it yet.
        d.keys("tnnnnnnn")
        #expect(d.tour.situation.holds(.responseReached(ComponentRef(kind: .user))))
        #expect(!d.done)
        d.tab(to: "Ingress/ing")
        d.keys("ej<Enter>/=web<Enter><Esc>")
        #expect(d.done)  // the request on screen was traced again through the rule
    }

    /// The arrows and the rule of step 2, drawn with keys; the User keeps its old arrow.
    static func ingressBesideTheOldArrow(_ d: inout TourDriver) {
        d.keys("aing<Enter>")
        d.connect("Ingress/ing", to: "Service/web")
        d.connect("User/User", to: "Ingress/ing")
        d.tab(to: "Ingress/ing")
        d.keys("ej<Enter>/=web<Enter><Esc>")
    }

    /// Step 2 is done only once the User's old arrow is gone, as its task says.
    @Test func theOldArrowMustGo() throws {
        var d = try TourDriver(lesson: 2)
        d.keys("<Enter><Enter>")
        LessonTwoTests.ingressBesideTheOldArrow(&d)
        #expect(d.tour.hint?.hasPrefix("First the old arrow") == true)  // the first hint that holds
        d.tab(to: "User/User")
        d.keys("tnnnnnnnnnn")
        #expect(!d.done)
        d.tab(to: "User/User")
        // C goes through the User's connections: its arrow to Service web is the first.
        d.keys("C")
        #expect(d.editor.selectedConnection == "user-to-web")
        d.keys("x")
        #expect(!d.design.connections.contains { $0.from == "user" && $0.to == "svc-web" })
        d.tab(to: "User/User")
        d.keys("tnnnnnnnnnn")
        #expect(d.done)
    }

    /// Step 3 waits for the arrow its task draws, as its hint says: rules and a request through
    /// them are not enough.
    @Test func theSecondPathNeedsItsArrow() throws {
        var d = try TourDriver(lesson: 2)
        d.keys("<Enter><Enter>Cx")
        LessonTwoTests.ingressBesideTheOldArrow(&d)
        d.keys("<Enter><Enter>")  // step 2 skipped: no request went through yet
        #expect(d.step == 3)
        #expect(d.selected == "Ingress/ing")
        d.keys("ej<Enter><C-u>/=web, /api=api<Enter><Esc>")
        d.tab(to: "User/User")
        d.keys(":trace /api<Enter>nnn")
        #expect(d.tour.situation.holds(.requestReached(ComponentRef(kind: .container, name: "api"))))
        #expect(!d.done)
        #expect(d.tour.hint?.contains("Now the arrow they imply") == true)
        d.connect("Ingress/ing", to: "Service/api")
        #expect(d.design.connections.contains { $0.from == "ing" && $0.to == "svc-api" })
        #expect(d.done)  // the request on screen was traced again, through the arrow
    }
}
