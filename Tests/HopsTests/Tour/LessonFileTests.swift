import Foundation
import HopsDesign
import HopsTour
import Testing

/// Lesson files: the bundled ones read, and a bad one is one line naming the file and the step.
@Suite struct LessonFileTests {
    /// A lesson on the bundled design with these steps (JSON text).
    static func lesson(_ steps: String) -> Data {
        Data(
            """
            { "format": "hops-lesson/v1", "id": "test", "title": "Test", "summary": "a test",
              "design": "kubernetes-request-flow.hops.json", "steps": [\(steps)] }
            """.utf8)
    }

    static func error(_ data: Data) -> String? {
        let reader = LessonReader(file: "lessons/bad.json", catalog: Fixtures.catalog) { name in
            name == "kubernetes-request-flow.hops.json" ? try Fixtures.bundledDesign() : nil
        }
        do {
            _ = try reader.read(data, number: 1)
            return nil
        } catch { return error.description }
    }

    @Test func theBundledLessonsRead() throws {
        let lessons = try TourDriver.lessons()
        #expect(lessons.map(\.number) == [1, 2])
        #expect(lessons.map(\.id) == ["request-flow", "ingress"])
        #expect(lessons.map(\.steps.count) == [7, 5])
        #expect(Lessons.find("2", in: lessons) == 1 && Lessons.find("ingress", in: lessons) == 1)
        #expect(Lessons.find("3", in: lessons) == nil && Lessons.find("nope", in: lessons) == nil)
    }

    @Test func anUnknownComponentNamesTheFileAndTheStep() {
        let data = LessonFileTests.lesson(
            """
            { "id": "first", "title": "One", "text": "x" },
            { "id": "second", "title": "Two", "text": "x", "highlight": ["User", "Service/wbe"] }
            """)
        #expect(
            LessonFileTests.error(data)
                == "lessons/bad.json: step 2 (second): highlight: unknown component Service/wbe "
                + "(Services here: web)")
    }

    /// A condition that is no sentence, names a component the design lacks (inside `all` and
    /// `not` too), or a kind the catalog lacks.
    @Test func badConditionsNameTheFileTheStepAndWhatIsWrong() {
        let cases: [(String, String)] = [
            (#""request reachd Pod/web""#,
             "when: unknown condition \"request reachd Pod/web\"; conditions read: request reached REF; "
                + "request failed at REF"),
            (#"{ "all": ["request reached Pod/web", { "not": "replicas of Deployment/api is 3" }] }"#,
             "when.all[1].not: unknown component Deployment/api (Deployments here: web)"),
            (#""request reached Servce/web""#,
             "when: condition \"request reached Servce/web\": \"Servce/web\" is not Kind/name or Kind (kinds: User, "
                + "Ingress, Service, Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Container, Job, CronJob, "
                + "ConfigMap, Secret, PersistentVolumeClaim, HorizontalPodAutoscaler, Namespace, ServiceAccount, Box, "
                + "Note)"),
        ]
        for (when, want) in cases {
            let data = LessonFileTests.lesson(#"{ "id": "only", "title": "One", "text": "x", "task": "do it", "when": "#
                                              + when + " }")
            #expect(LessonFileTests.error(data) == "lessons/bad.json: step 1 (only): " + want)
        }
    }

    @Test func aComponentAStepAddsCountsFromThatStepOn() {
        let add = """
            "enter": [ { "add": { "components": [ { "id": "svc-api", "kind": "Service", "name": "api" } ] } } ]
            """
        let later = LessonFileTests.lesson(
            """
            { "id": "adds", "title": "One", "text": "x", \(add) },
            { "id": "uses", "title": "Two", "text": "x", "highlight": ["Service/api"] }
            """)
        #expect(LessonFileTests.error(later) == nil)
        let before = LessonFileTests.lesson(
            """
            { "id": "uses", "title": "One", "text": "x", "highlight": ["Service/api"] },
            { "id": "adds", "title": "Two", "text": "x", \(add) }
            """)
        #expect(
            LessonFileTests.error(before)
                == "lessons/bad.json: step 1 (uses): highlight: unknown component Service/api "
                + "(Services here: web)")
    }

    @Test func badActionsAndShapes() {
        let cases: [(String, String)] = [
            (
                #"{ "id": "a", "title": "A", "text": "x", "#
                    + #""enter": [ { "set": "Service/nope", "property": "type", "value": "NodePort" } ] }"#,
                "step 1 (a): enter[0]: set: no component Service/nope, where one is meant"
            ),
            (
                #"{ "id": "a", "title": "A", "text": "x", "#
                    + #""enter": [ { "disconnect": { "from": "Pod/web", "to": "User" } } ] }"#,
                "step 1 (a): enter[0]: disconnect: no connection from Pod/web to User"
            ),
            (
                #"{ "id": "a", "title": "A", "text": "x", "#
                    + #""enter": [ { "add": { "components": [ { "id": "user", "kind": "User" } ] } } ] }"#,
                "step 1 (a): enter[0]: the design it makes is not valid: "
                    + "components[6].id: id \"user\" is already used by components[0]"
            ),
            (
                #"{ "id": "a", "title": "A", "text": "x", "hilight": ["User"] }"#,
                "step 1 (a): unknown key \"hilight\" "
                    + "(known: id, title, text, highlight, pieces, enter, task, when, hints, done)"
            ),
            (
                #"{ "id": "a", "title": "A", "text": "x", "when": "User exists" }"#,
                "step 1 (a): task: a step with a condition (when) says what to do"
            ),
            (
                #"{ "id": "a", "title": "A", "text": "x", "task": "t", "when": { "some": [] } }"#,
                "step 1 (a): when: {\"some\": ...} is none of all, any, not"
            ),
            (#"{ "id": "a", "title": "A" }"#, "step 1 (a): text: missing (a string, or a list of paragraphs)"),
            (
                #"{ "id": "a", "title": "A", "text": "x" }, { "id": "a", "title": "B", "text": "y" }"#,
                "step 2 (a): id: another step is called that"
            ),
        ]
        for (steps, want) in cases {
            #expect(LessonFileTests.error(LessonFileTests.lesson(steps)) == "lessons/bad.json: " + want)
        }
    }

    @Test func brokenJSONSaysTheLineAndColumn() {
        #expect(
            LessonFileTests.error(Data("{\n  \"format\": oops }".utf8))
                == "lessons/bad.json: line 2, column 13: is not valid JSON: expected a value, found \"oops }\"")
        #expect(
            LessonFileTests.error(Data(#"{ "format": "hops-lesson/v9" }"#.utf8))
                == "lessons/bad.json: format: expected \"hops-lesson/v1\", found \"hops-lesson/v9\"")
        // Nothing from the file reaches the terminal raw, and the error stays one line.
        let hostile = LessonFileTests.error(
            LessonFileTests.lesson(#"{ "id": "a\u001b[2J\nb", "title": "A", "text": "x" }"#))
        #expect(
            hostile
                == "lessons/bad.json: step 1: id: \"a\\e[2J\\nb\" is not made of letters, digits and -, "
                + "such as \"debugging\""
        )
        let said = LessonFileTests.error(
            LessonFileTests.lesson(#"{ "id": "a", "title": "A", "text": "x", "highlight": ["Pod/\u001b[2J"] }"#))
        #expect(said?.contains("\u{1b}") == false)
        #expect(said?.contains("\n") == false)
    }

    /// Sentences a beginner read as true and a real cluster contradicts are gone from the
    /// lessons, and what replaced them is there.
    @Test func theLessonsSayWhatIsTrueOfACluster() throws {
        let lessons = try TourDriver.lessons()
        let all = lessons.flatMap(\.steps).flatMap { s in
            s.text + [s.task, s.done].compactMap { $0 } + s.hints.map(\.text)
        }.joined(separator: "\n")
        let gone = [
            "the ready Pods with those labels in its namespace are its endpoints",  // not-ready ones are listed too
            "endpoints list only the Pods that are ready",
            "follow the ready Pods",
            "kubectl logs deploy/web -c app, -c db",  // one Pod's logs, not the Deployment's
            "a proxy for HTTP",  // an Ingress is rules; its controller is the proxy
            "beside the User", "beside Deployment web",  // a places a box where there is room
            "hops export also writes Deployment web's replicas",  // it leaves them to the HPA
            "The lesson removed",  // the person deletes the arrow
        ]
        for phrase in gone { #expect(!all.contains(phrase), "still says \(phrase)") }
        let said = [
            "kubectl logs deploy/web -c app shows one Pod's logs",
            "kubectl logs -l app=web -c app --prefix shows every Pod's",
            "listed in its EndpointSlices with whether each is ready, and kube-proxy sends connections only to the "
                + "ready ones",
            "with ready: false until it is ready",
            "an Ingress (HTTP routing rules, carried out by an Ingress controller, a proxy running in the cluster)",
            "an HPA without metrics targets 80% average CPU utilisation",
            "That needs metrics-server in the cluster and CPU requests on Deployment web's containers",
            "hops export leaves Deployment web's replicas out once an HPA scales it",
            "hops check warns until each container has a cpu request",
            "C selects the arrow (the status line names it) and x deletes it",
        ]
        for phrase in said { #expect(all.contains(phrase), "does not say \(phrase)") }
    }

    /// What a lesson's change says on the status line: "a User", "an Ingress".
    @Test func aChangeSaysItsArticleRight() throws {
        #expect(ComponentRef(kind: .user).spoken == "a User")
        #expect(ComponentRef(kind: .ingress).spoken == "an Ingress")
        #expect(ComponentRef(kind: .hpa).spoken == "a HorizontalPodAutoscaler")
        let cut = LessonAction.disconnect(
            from: ComponentRef(kind: .user), to: ComponentRef(kind: .service, name: "web"))
        let (_, said) = try cut.apply(to: try Fixtures.bundledDesign(), catalog: Fixtures.catalog).get()
        #expect(said == "the lesson removed the arrow from a User to Service web")
    }
}
