import Foundation
import HopsDesign
import HopsFlow
import HopsTour
import Testing

/// The condition sentences: each form reads, each holds on the design when it should and not
/// otherwise, and the README's list is the table's list.
@Suite struct ConditionTests {
    static func parse(_ s: String) throws -> Condition { try ConditionForms.parse(s, catalog: Fixtures.catalog) }
    static let web = ComponentRef(kind: .service, name: "web")

    @Test func everyFormReads() throws {
        let pod = ComponentRef(kind: .pod, name: "web")
        let cases: [(String, Condition)] = [
            ("request reached Container/app", .requestReached(ComponentRef(kind: .container, name: "app"))),
            ("response reached User", .responseReached(ComponentRef(kind: .user))),
            ("request failed at svc/web", .requestFailed(at: ConditionTests.web)),  // a kind by its tag
            ("requests reached 3 Pods of Pod/web", .podsReached(3, of: pod)),
            ("a copy of Pod/web is down", .copyDown(pod)),
            ("Pod/web was replaced", .replaced(pod)),
            ("a rollout of Pod/web is under way", .rollingOut(pod)),
            ("Ingress exists", .exists(ComponentRef(kind: .ingress))),
            (
                "connection from User to Ingress",
                .connection(nil, from: ComponentRef(kind: .user), to: ComponentRef(kind: .ingress))
            ),
            (
                "manages connection from hpa to Deployment/web",
                .connection(.manages, from: ComponentRef(kind: .hpa), to: ComponentRef(kind: .deployment, name: "web"))
            ),
            ("selector of Service/web matches Pod/web", .selectorMatches(ConditionTests.web, pod)),
            (
                "image of Container/app changed",
                .propertyChanged("image", of: ComponentRef(kind: .container, name: "app"))
            ),
            (
                "replicas of Deployment/web is 3",
                .property("replicas", of: ComponentRef(kind: .deployment, name: "web"), is: "3")
            ),
            ("a request for /api reaches Service/api", .pathReaches("/api", ComponentRef(kind: .service, name: "api"))),
            (
                "Ingress routes /api to Service/api",
                .routes(ComponentRef(kind: .ingress), path: "/api", to: ComponentRef(kind: .service, name: "api"))
            ),
        ]
        #expect(cases.count == ConditionForms.all.count)
        for (text, want) in cases { #expect(try ConditionTests.parse(text) == want, "\(text)") }
    }

    @Test func designConditionsHoldWhenTheDesignSaysSo() throws {
        var d = try Fixtures.bundledDesign()
        let start = d
        func holds(_ s: String) throws -> Bool {
            try Situation(design: d, flow: FlowState(), player: nil, before: (start, FlowState())).holds(
                ConditionTests.parse(s))
        }
        #expect(try holds("replicas of Deployment/web is 3"))
        #expect(try !holds("replicas of Deployment/web is 2"))
        #expect(try holds("selector of Service/web is app=web"))
        #expect(try holds("type of Service/web is ClusterIP"))
        #expect(try holds("selector of Service/web matches Pod/web"))
        #expect(try holds("manages connection from Deployment/web to Pod/web"))
        #expect(try !holds("traffic connection from Deployment/web to Pod/web"))
        #expect(try !holds("Ingress exists"))
        #expect(try holds("a request for / reaches Container/app"))
        #expect(try !holds("image of Container/app changed"))
        d.components[d.index(of: "ctr-app")!].image = "web-app:2"
        d.components[d.index(of: "svc-web")!].selector = ["app": "api"]
        #expect(try holds("image of Container/app changed"))
        #expect(try holds("image of Container/app is web-app:2"))
        #expect(try !holds("selector of Service/web matches Pod/web"))
        #expect(try !holds("a request for / reaches Container/app"))
    }

    @Test func anUnknownSentenceThrows() {
        #expect(throws: ConditionError.self) { try ConditionTests.parse("the moon is full") }
        #expect(throws: ConditionError.self) { try ConditionTests.parse("request reached") }
        #expect(throws: ConditionError.self) { try ConditionTests.parse("requests reached many Pods of Pod/web") }
    }

    /// The README's "Writing a lesson" lists every condition sentence, and no other.
    @Test func theReadmeListsEveryForm() throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Writing a lesson").dropFirst().first)
        let listed = section.components(separatedBy: "\n").compactMap { line -> String? in
            guard line.hasPrefix("- `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line.dropFirst(3)[..<end])
        }
        let forms = ConditionForms.all.map(\.sentence)
        #expect(listed.filter { forms.contains($0) } == forms)
    }
}
