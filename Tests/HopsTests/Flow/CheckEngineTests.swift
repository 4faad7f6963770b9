import Foundation
@testable import HopsCheck
import HopsDesign
import HopsFormats
import Testing

/// `hops check`: every kind of fault, found all at once, as text and JSON, with its exit status.
@Suite struct CheckEngineTests {
    func findings(_ d: Design) -> [Finding] { CheckEngine.findings(in: d, catalog: Fixtures.catalog) }

    @Test func theBundledDesignGetsTheWarningsItsLessonTeaches() throws {
        let f = findings(try Fixtures.bundledDesign())
        #expect(f.map(\.rule) == ["user-to-clusterip", "database-per-replica"])
        #expect(f.allSatisfy { $0.severity == .warning })
        #expect(f[0].message.contains("put an Ingress in front, make it a LoadBalancer or NodePort Service, or use kubectl port-forward"))
        #expect(f[1].component == "ctr-db")
        #expect(f[1].message == "Deployment web runs 3 copies of Pod web, so container db (postgres:16.4) is 3 separate "
            + "databases, each lost when its Pod is replaced: the usual shape is a StatefulSet with a PersistentVolumeClaim "
            + "behind its own Service, reached by DNS")
    }

    /// An HPA's CPU target is a share of the containers' CPU requests: the check says when there
    /// is none, until each container has one; an HPA scaling on memory is not asked about CPU.
    @Test func anHPAOnCPUNeedsCPURequests() throws {
        var d = try Fixtures.bundledDesign()
        d.components.append(Component(id: "hpa", kind: .hpa, name: "web",
                                      properties: ["minReplicas": 1, "maxReplicas": 5]))
        d.connections.append(Connection(id: "scales", from: "hpa", to: "deploy-web", kind: .manages))
        let warned = try #require(findings(d).first { $0.rule == "hpa-without-cpu-request" })
        #expect(warned.component == "hpa")
        #expect(warned.message == "HorizontalPodAutoscaler web scales Deployment web on CPU use as a share of its "
            + "containers' CPU requests (80%, the default of an HPA without metrics), but container app and "
            + "container db request no CPU, so the HPA cannot measure it and never scales with load: give each a "
            + "cpu request (e on the container, for example 100m), unless a LimitRange in the namespace gives a "
            + "default; the cluster also needs metrics-server")
        d.components[d.index(of: "ctr-app")!].cpuRequest = "250m"
        #expect(findings(d).first { $0.rule == "hpa-without-cpu-request" }?.message.contains("but container db requests") == true)
        // A cpu limit alone sets the request to the limit.
        d.components[d.index(of: "ctr-db")!].properties["manifest"] = .object(["resources": .object([
            "limits": .object(["cpu": .string("1")])])])
        #expect(!findings(d).contains { $0.rule == "hpa-without-cpu-request" })
        d.components[d.index(of: "ctr-db")!].properties["manifest"] = nil
        d.components[d.index(of: "ctr-db")!].cpuRequest = "0.5"
        #expect(!findings(d).contains { $0.rule == "hpa-without-cpu-request" })
        // An init container has finished, but a sidecar (restartPolicy: Always) runs and is measured.
        d.components.append(Component(id: "init", kind: .container, name: "migrate", parent: "pod-web",
                                      properties: ["containerType": .string("init")]))
        #expect(!findings(d).contains { $0.rule == "hpa-without-cpu-request" })
        d.components[d.index(of: "init")!].properties["manifest"] = .object(["restartPolicy": .string("Always")])
        #expect(findings(d).first { $0.rule == "hpa-without-cpu-request" }?.message.contains("but container migrate requests") == true)
        d.components.removeLast()
        d.components[d.index(of: "ctr-db")!].cpuRequest = "abc" // from a file: the form refuses it
        #expect(findings(d).first { $0.rule == "invalid-cpu-request" }?.message == "the cpu request \"abc\" is not a "
            + "quantity (cores such as 0.5, or millicores such as 250m), so a cluster refuses the Pod: set another "
            + "(e on the container)")
        #expect(["2", "1.5", "250m", "2k", "1e3"].allSatisfy(Component.isQuantity))
        #expect(!["", "m", "1.2.3", "5 m", "1e"].contains(where: Component.isQuantity))

        d.components[d.index(of: "ctr-db")!].cpuRequest = nil
        let memory: JSONValue = .object(["type": .string("Resource"), "resource": .object([
            "name": .string("memory"), "target": .object(["type": .string("Utilization"), "averageUtilization": 70]),
        ])])
        d.components[d.index(of: "hpa")!].properties["manifest"] = .object(["spec": .object(["metrics": .array([memory])])])
        #expect(!findings(d).contains { $0.rule == "hpa-without-cpu-request" })
    }

    /// The official database images exit at start-up without a password setting; the bundled
    /// design gives its postgres one, and variables from a Secret (envFrom) count as given.
    @Test func anOfficialDatabaseImageWithoutItsPasswordIsWarnedAbout() throws {
        var d = try Fixtures.bundledDesign()
        #expect(!findings(d).contains { $0.rule == "database-needs-password" })
        let db = d.index(of: "ctr-db")!
        d.components[db].properties["manifest"] = nil
        let warned = try #require(findings(d).first { $0.rule == "database-needs-password" })
        #expect(warned.component == "ctr-db")
        #expect(warned.message == "its image postgres:16.4 exits on its first start (an empty data directory) without "
            + "POSTGRES_PASSWORD, which it is not given, so the container restarts over and over (CrashLoopBackOff) and "
            + "nothing answers: give it "
            + "POSTGRES_PASSWORD from a Secret (a Secret holding that key, with a mounts arrow labelled envFrom from "
            + "the container)")
        d.components.append(Component(id: "pw", kind: .secret, name: "db"))
        d.connections.append(Connection(id: "env", from: "ctr-db", to: "pw", kind: .mounts, label: "envFrom"))
        #expect(!findings(d).contains { $0.rule == "database-needs-password" })

        #expect(ImageNeeds.officialRepository("docker.io/library/mysql:8@sha256:abc") == "mysql")
        #expect(ImageNeeds.officialRepository("localhost:5000/postgres") == nil)
        #expect(ImageNeeds.officialRepository("bitnami/postgresql:16") == nil)
        #expect(ImageNeeds.officialRepository("mariadb") == "mariadb")
    }

    @Test func twoContainersOfOnePodOnOnePortAreWarnedAbout() throws {
        var d = try Fixtures.bundledDesign()
        #expect(!findings(d).contains { $0.rule == "shared-container-port" })
        d.components.append(Component(id: "ctr-2", kind: .container, name: "sidecar", parent: "pod-web",
                                      properties: ["image": .string("envoy:1.31"), "ports": .array([.object(["containerPort": 8080])])]))
        let f = try #require(findings(d).first { $0.rule == "shared-container-port" })
        #expect(f.component == "ctr-2")
        #expect(f.message == "container app and container sidecar both declare port 8080: containers of Pod web share "
            + "its network, so if both processes listen on it the second one's bind fails (address in use) and it exits "
            + "and restarts: give one another port (e on the container)")
        // TCP and UDP on one number are two ports.
        d.components[d.index(of: "ctr-2")!].properties["ports"] = .array([.object(["containerPort": 8080,
                                                                                     "protocol": .string("UDP")])])
        #expect(!findings(d).contains { $0.rule == "shared-container-port" })
    }

    /// A request follows a sender's first traffic arrow; the check follows each of them, so a
    /// break behind an app's second backend is found too.
    @Test func everyTrafficArrowOfASenderIsFollowed() throws {
        var d = try Fixtures.bundledDesign()
        d.components.append(Component(id: "svc-pay", kind: .service, name: "payments", properties: [
            "selector": .object(["app": .string("web")]), "ports": .array([.object(["port": 80, "targetPort": 8080])]),
        ]))
        var pay = Connection(id: "app-pay", from: "ctr-app", to: "svc-pay", kind: .traffic)
        pay.port = 9999
        d.connections.append(pay)
        let broken = findings(d).filter { $0.rule == "request-fails" }
        #expect(broken.count == 1)
        #expect(broken.first?.message.contains("port 9999") == true, "\(broken.map(\.message))")
    }

    /// A ReadWriteOnce volume attaches to one node at a time: mounted by a Deployment's 3 copies,
    /// the check says so; ReadWriteMany, or one copy, is fine.
    @Test func aReadWriteOnceVolumeMountedByManyPodsIsWarnedAbout() throws {
        var d = try Fixtures.bundledDesign()
        d.components.append(Component(id: "pvc", kind: .pvc, name: "data"))
        d.connections.append(Connection(id: "m", from: "deploy-web", to: "pvc", kind: .mounts))
        let f = try #require(findings(d).first { $0.rule == "volume-shared" })
        #expect(f.message == "PersistentVolumeClaim data is ReadWriteOnce (as Hops exports it): one node at a time "
            + "mounts it, and 3 Pods mount it (Deployment web, 3 Pods): on attachable block storage (cloud disks, most "
            + "CSI drivers) copies the scheduler puts on other nodes stay ContainerCreating (a Multi-Attach error), "
            + "while Pods on the same node share it; give each Pod its own volume (a StatefulSet's "
            + "volumeClaimTemplates) or use ReadWriteMany storage")
        d.components[d.index(of: "deploy-web")!].replicas = 1
        #expect(!findings(d).contains { $0.rule == "volume-shared" })
        d.components[d.index(of: "deploy-web")!].replicas = 3
        d.components[d.index(of: "pvc")!].properties["manifest"] = .object(["spec": .object([
            "accessModes": .array([.string("ReadWriteMany")]),
        ])])
        #expect(!findings(d).contains { $0.rule == "volume-shared" })
    }

    /// Each kind's naming rule: Namespaces without dots, CronJobs at most 52 characters.
    @Test func namesFollowTheirKindsRule() {
        let d = Design(name: "names", components: [
            Component(id: "ns", kind: .namespace, name: "my.team"),
            Component(id: "cj", kind: .cronJob, name: String(repeating: "c", count: 58)),
            Component(id: "cm", kind: .configMap, name: "app.config"),
        ], connections: [])
        let bad = findings(d).filter { $0.rule == "invalid-name" }.map(\.component)
        #expect(bad == ["ns", "cj"])
        #expect(findings(d).first { $0.component == "cj" }?.message.contains("(lowercase letters, digits, '-' and '.', "
            + "at most 52)") == true)
    }

    @Test func everyBreakIsListedNotOnlyTheFirst() throws {
        var d = try Fixtures.bundledDesign()
        d.components[d.index(of: "svc-web")!].selector = ["app": "wbe"]
        d.components[d.index(of: "deploy-web")!].selector = ["app": "api"]
        // A second, independent path that is broken too: a Service with a port no container declares.
        d.components.append(Component(id: "svc-2", kind: .service, name: "metrics",
                                      properties: ["selector": .object(["app": .string("web")]),
                                                   "ports": .array([.object(["port": 80, "targetPort": 9999])])]))
        d.connections.append(Connection(id: "odd", from: "user", to: "svc-web", kind: .manages))
        let f = findings(d)
        #expect(f.filter { $0.severity == .error }.map(\.rule).sorted() == ["request-fails", "request-fails", "selector-mismatch"])
        #expect(f.contains { $0.component == "svc-web" && $0.message.contains("app=wbe") })
        #expect(f.contains { $0.component == "svc-2" && $0.message.contains("9999") })
        #expect(f.contains { $0.rule == "connection-kind" && $0.message == "User manages Service web: only a controller (Deployment, StatefulSet, ...) or an HPA manages" })
        #expect(f.first?.severity == .error) // errors first
    }

    @Test func containersOutsidePodsAndImpossibleNesting() {
        let d = Design(name: "x", components: [
            Component(id: "c", kind: .container, name: "loose"),
            Component(id: "cm", kind: .configMap, name: "cfg"),
            Component(id: "u", kind: .user, name: "User", parent: "cm"),
        ])
        let f = findings(d)
        #expect(f.contains { $0.rule == "container-outside-pod" && $0.component == "c" })
        #expect(f.contains { $0.rule == "cannot-contain" && $0.message == "ConfigMap cfg cannot hold a User; move User out of it" })
    }

    /// Two objects of one kind and name in one namespace: a cluster keeps one. Other kinds, or
    /// other namespaces (a Namespace box, or the manifest's own), are no clash.
    @Test func aNameTakenTwiceInANamespaceIsAnError() {
        var inB = Component(id: "s4", kind: .service, name: "web")
        inB.properties["manifest"] = .object(["metadata": .object(["namespace": .string("b")])])
        let d = Design(name: "dup", components: [
            Component(id: "s1", kind: .service, name: "web"),
            Component(id: "s2", kind: .service, name: "web"),
            Component(id: "d1", kind: .deployment, name: "web"),
            Component(id: "ns", kind: .namespace, name: "a"),
            Component(id: "s3", kind: .service, name: "web", parent: "ns"),
            inB,
        ])
        let dup = findings(d).filter { $0.rule == "duplicate-name" }
        #expect(dup.map(\.component) == ["s2"])
        #expect(dup.first?.message == "Service web (id s2) has the name of s1 in the same namespace: a cluster keeps "
                + "one Service of a name there, so applying both keeps only the last; rename one")
    }

    /// What a cluster refuses that the design can draw is warned about: an invalid name, a Pod
    /// or workload with no container, an autoscaler with nothing to scale.
    @Test func objectsACLusterRefusesAreWarnedAbout() {
        let d = Design(name: "refused", components: [
            Component(id: "s", kind: .service, name: "Web_App"),
            Component(id: "p", kind: .pod, name: "lonely"),
            Component(id: "dep", kind: .deployment, name: "empty"),
            Component(id: "h", kind: .hpa, name: "scaler"),
            Component(id: "ok", kind: .pod, name: "fine"),
            Component(id: "c", kind: .container, name: "app", parent: "ok"),
        ])
        let f = findings(d)
        let rules = { (id: String) in f.filter { $0.component == id }.map(\.rule) }
        #expect(rules("s").contains("invalid-name"))
        #expect(rules("p").contains("rejected-object") && rules("dep").contains("rejected-object"))
        #expect(rules("h").contains("rejected-object"))
        #expect(!rules("ok").contains("rejected-object") && !rules("ok").contains("invalid-name"))
        #expect(f.filter { $0.rule == "invalid-name" || $0.rule == "rejected-object" }.allSatisfy { $0.severity == .warning })
        #expect(!Shapes.validName("web.app", .service) && Shapes.validName("web.app", .configMap)
                && !Shapes.validName("-x", .pod) && Shapes.validName("x1", .service) && !Shapes.validName("1x", .service))
    }

    @Test func theCommandPrintsTextAndJSONAndExitsByWhatItFound() throws {
        var d = try Fixtures.bundledDesign()
        d.components[d.index(of: "svc-web")!].selector = ["app": "wbe"]
        let file = Fixtures.tempDir().appendingPathComponent("c.hops.json").path
        try DesignFile.encode(d).write(to: URL(fileURLWithPath: file))
        let text = Shell.run([TmuxTests.binary, "check", file])
        #expect(text.status == 2)
        #expect(text.out.hasSuffix("1 error, 2 warnings\n"))
        #expect(text.out.hasPrefix("error: Service web looks for Pods with app=wbe")) // named once
        // A container is named with the box it is in: imported ones share a few names.
        #expect(text.out.contains("\nwarning: Container db in Pod web: Deployment web runs 3 copies"))
        let json = Shell.run([TmuxTests.binary, "check", "--json", file])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(list.map { $0["severity"] as? String } == ["error", "warning", "warning"])
        #expect(list[0]["component"] as? String == "svc-web")
        let bundled = Shell.run([TmuxTests.binary, "check"])
        #expect(bundled.status == 0)
        #expect(Shell.run([TmuxTests.binary, "check", "--strict"]).status == 2)
        #expect(Shell.run([TmuxTests.binary, "check", "/no/such.hops.json"]).status == 1)
    }
}
