import HopsCanvas
import HopsDesign
import HopsEditor
import Testing

/// Lesson 1, "Kubernetes Request Flow", completed with keys step by step, as a person would at
/// 80x24: what each step picks out, what the narration says, and that each step's condition is
/// noticed when it holds and not before.
@Suite struct LessonOneTests {
    @Test func thePiecesAreHighlightedOneByOneWithTheCatalogsWords() throws {
        var d = try TourDriver()
        #expect(d.step == 1)
        #expect(d.highlighted == ["User/User"])
        #expect(d.panel.contains("Whoever sends the request: a browser"))
        d.keys("<Tab>")
        #expect(d.highlighted == ["Service/web"])
        #expect(d.panel.contains("Service · web\nOne stable virtual address (ClusterIP) for the ready Pods"))
        d.keys("<Tab>")
        #expect(d.highlighted == ["Deployment/web"])
        #expect(d.panel.contains("Manages ReplicaSets, one per Pod template revision"))
        d.keys("<Tab><Tab>")
        #expect(d.highlighted == ["Container/app"])
        #expect(d.panel.contains("A process from an image."))
        d.keys("<Esc>")  // nothing selected: every piece is picked out
        #expect(
            d.highlighted == ["User/User", "Service/web", "Deployment/web", "Pod/web", "Container/app", "Container/db"])
        #expect(!d.done)  // a step only to read has nothing to complete; Enter moves on at once
        d.keys("<Enter>")
        #expect(d.step == 2)
    }

    @Test func theWholeLessonWithKeys() throws {
        var d = try TourDriver()
        d.keys("<Enter>")

        // 2. Follow one request hop by hop, and its response back.
        #expect(d.step == 2)
        #expect(d.highlighted == ["User/User", "Service/web", "Pod/web", "Container/app"])
        #expect(d.selected == "User/User")
        d.keys("t")
        #expect(d.narration?.hasPrefix("User opens a connection to Service web's ClusterIP on port 80") == true)
        d.keys("n")
        #expect(d.narration?.contains("no process runs for Service web: kube-proxy's rules") == true)
        d.keys("nnn")
        #expect(!d.done)  // the database answered the app; the User has no response yet
        #expect(d.tour.hint?.hasPrefix("The request is in container app") == true)
        d.keys("n")
        #expect(d.narration?.contains("straight back to User, not through Service web") == true)
        #expect(d.done)
        #expect(d.panel.contains("✔ The response is back"))
        d.keys("<Enter>")

        // 3. The lesson breaks the selector; the request stops at the Service; the person fixes it.
        #expect(d.step == 3)
        #expect(d.design.component("svc-web")?.selector == ["app": "wbe"])
        #expect(d.editor.message == "the lesson set Service web's selector to app=wbe")
        #expect(!d.editor.isDirty)  // the lesson's change is not the person's
        #expect(d.highlighted == ["User/User", "Service/web", "Pod/web"])
        d.keys("tn")
        #expect(d.narration?.contains("Service web looks for Pods with app=wbe, but no Pod has these labels") == true)
        #expect(d.tour.hint?.hasPrefix("That is the break") == true)
        #expect(!d.done)
        #expect(d.selected == "Service/web")  // the failing hop selects what to fix
        d.keys("ejj<Enter><C-u>app=web<Enter>")
        #expect(d.design.component("svc-web")?.selector == ["app": "web"])
        d.keys("<Esc>")
        #expect(d.narration?.contains("no process runs for Service web") == true)  // traced again at once
        #expect(d.done)
        d.keys("<Enter>")

        // 4. Scaling: from 1 replica to 3, and requests on new connections reach three Pods.
        #expect(d.step == 4)
        #expect(d.design.component("deploy-web")?.replicas == 1)
        #expect(d.selected == "Deployment/web")
        d.keys(":scale 3<Enter>")
        #expect(d.design.component("deploy-web")?.replicas == 3)
        #expect(!d.done)
        #expect(d.tour.hint?.hasPrefix("3 replicas.") == true)
        d.keys("tR")
        d.wait(ms: 5000)
        #expect(!d.done)  // two connections, two Pods
        d.keys("R")
        d.wait(ms: 5000)
        #expect(d.done)
        #expect(d.tour.situation.podsSeen["pod-web"]?.count == 3)
        d.keys("<Enter>")

        // 5. Self-healing: a Pod is deleted, requests go to the others, the ReplicaSet replaces it.
        #expect(d.step == 5)
        #expect(d.selected == "Pod/web")
        d.keys(":kill<Enter>")
        #expect(d.editor.message?.contains("deleted Pod web-") == true)
        #expect(d.tour.hint?.hasPrefix("One copy is gone") == true)
        #expect(!d.done)
        d.keys("R")
        let meanwhile = d.editor.player?.focus?.trace.hops[1].narration ?? ""
        #expect(meanwhile.contains("2 ready Pods with app=web (1 not ready or deleted, so left out)"))
        d.wait(ms: 2000)
        #expect(!d.done)  // the replacement is not ready yet
        d.wait(ms: 1500)
        #expect(d.editor.flowState.down["pod-web"] == nil)  // replaced: every copy is up again
        #expect(d.editor.flowState.generation["pod-web"]?.values.reduce(0, +) == 1)
        #expect(d.done)
        d.keys("<Enter>")

        // 6. A new image rolls out; requests meanwhile reach both versions.
        #expect(d.step == 6)
        #expect(d.highlighted == ["User/User", "Container/app", "Deployment/web"])
        d.keys(":image app=ghcr.io/hops-demo/web-app:1.5.0<Enter>")
        #expect(d.tour.hint?.hasPrefix("The rollout is under way") == true)
        #expect(!d.done)  // image changed, but the rollout runs
        d.keys("R")
        d.wait(ms: 3100)
        d.keys("R")
        #expect(d.editor.player?.focus?.trace.hops[1].narration.contains("a rolling update is under way") == true)
        d.wait(ms: 6500)
        #expect(d.editor.message?.contains("rollout of Deployment web complete") == true)
        #expect(d.done)
        d.keys("<Enter>")

        // 7. What comes next: only to read; Enter then offers lesson 2.
        #expect(d.step == 7)
        #expect(d.panel.contains("A HorizontalPodAutoscaler changes Deployment web's replicas"))
        #expect(d.panel.contains("Enter: lesson 2, In from outside: Ingress and autoscaling."))
        d.keys("<Enter>")  // the person's edits are not saved: asked first
        #expect(d.tour.lessonIndex == 0)
        #expect(d.tour.notice?.contains("your changes here are not saved (:w PATH keeps them)") == true)
        d.keys("<Enter>")
        #expect(d.tour.lessonIndex == 1)
        #expect(d.step == 1)
        #expect(d.design.component("svc-web")?.selector == ["app": "web"])
        #expect(!d.editor.isDirty)
    }

    @Test func aConditionIsTheStateNotTheKeys() throws {
        var d = try TourDriver()
        d.keys("<Enter><Enter>")  // step 2 undone: the first Enter only says so
        #expect(d.step == 2)
        #expect(d.tour.notice == "Not done yet. Enter again skips this step.")
        // The task is on the panel once, in the footer below the notice.
        let task = "Press t, then n until the response is back at the User."
        #expect(d.panel.components(separatedBy: task).count == 2)
        #expect(
            d.tour.panelLines().footer.map(\.text) == ["Not done yet. Enter again skips this step.", "To do: " + task])
        d.keys("<Enter>")  // skipped on the second
        #expect(d.step == 3)
        // Fixing the selector is half of it: the step waits for a request to reach the Pod.
        d.keys("<Tab>ejj<Enter><C-u>app=web<Enter><Esc>")
        #expect(d.design.component("svc-web")?.selector == ["app": "web"])
        #expect(!d.done)
        d.keys("tn")
        #expect(d.done)
    }

    @Test func backspaceGoesBackAndADoneStepStaysDone() throws {
        var d = try TourDriver()
        d.keys("<Enter>tnnnnn")
        #expect(d.done)
        d.keys("<Enter>")
        #expect(d.step == 3)
        d.keys("<BS>")
        #expect(d.step == 2)
        #expect(d.done)
        #expect(d.editor.player == nil)  // each step starts with no request shown
        d.keys("<BS><BS>")
        #expect(d.step == 1)
        #expect(d.tour.notice == "This is the first step.")
    }
}
