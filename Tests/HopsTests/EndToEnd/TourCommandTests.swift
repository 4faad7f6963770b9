import Foundation
import Testing

/// `hops tour` as a program: the list, a lesson that is not there, a lesson file with a bad step.
@Suite struct TourCommandTests {
    @Test func listsTheLessons() {
        let r = Shell.run([TmuxTests.binary, "tour", "--list"])
        #expect(r.status == 0)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("1  request-flow    Kubernetes Request Flow (7 steps): the pieces, one request"))
        #expect(lines[1].hasPrefix(
            "2  ingress         In from outside: Ingress and autoscaling (5 steps): why a ClusterIP"))
        #expect(lines[2] == "hops tour N (or ID) starts one; Enter / Backspace move between steps, q quits.")
    }

    @Test func aLessonThatIsNotThereIsOneLineAndStatus1() {
        let r = Shell.run([TmuxTests.binary, "tour", "9"])
        #expect(r.status == 1)
        #expect(r.err == "hops: no lesson 9 (the lessons: 1 request-flow, 2 ingress; hops tour --list)\n")
    }

    @Test func aLessonFileWithABadStepNamesTheFileAndTheStep() throws {
        let file = Fixtures.tempDir().appendingPathComponent("mine.json").path
        try """
        { "format": "hops-lesson/v1", "id": "mine", "title": "Mine", "summary": "mine",
          "design": "kubernetes-request-flow.hops.json",
          "steps": [ { "id": "first", "title": "First", "text": "Look.", "task": "Scale it.",
                       "when": "replicas of Deployment/api is 3" } ] }
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let r = Shell.run([TmuxTests.binary, "tour", file])
        #expect(r.status == 1)
        #expect(r.err
            == "hops: \(file): step 1 (first): when: unknown component Deployment/api (Deployments here: web)\n")
        #expect(r.out.isEmpty)
    }
}

extension TmuxTests {
    @Test func tourShowsStepOneEnterMovesOnAndQQuits() throws {
        let pane = try Pane("\(TmuxTests.binary) tour", width: 80, height: 24)
        // Each wait is for the whole of what the step shows: tmux may be captured while the
        // program is still writing a screen (the header of step 2 over step 1's text).
        let first = try pane.wait { $0.contains("step 1 of 7: The pieces") && $0.contains("Whoever sends the request") }
        #expect(first.contains("─ 1 · step 1 of 7: The pieces ─"))
        #expect(first.contains("┏▸user◂━━┓")) // the first piece, picked out and selected
        #expect(first.contains("Whoever sends the request"))
        try pane.keys("Enter")
        let second = try pane.wait {
            $0.contains("step 2 of 7") && $0.contains("To do: Press t, then n until the response is back at the User.")
        }
        #expect(second.contains("To do: Press t, then n until the response is back at the User."))
        #expect(second.contains("┌▸svc◂"))
        try pane.keys("q")
        let end = try pane.wait { $0.contains("EXIT=") }
        #expect(end.contains("EXIT=0"))
        #expect(!end.contains("step 2 of 7")) // the terminal is restored
    }
}
