import Foundation
import HopsDesign
import Testing

@testable import HopsKube

/// A design drawn from nothing (the catalog's defaults) exports to manifests a cluster accepts.
@Suite struct DrawnExportTests {
    /// The catalog's defaults, as `a` in the editor places them.
    static func drawn(
        _ id: String, _ kind: Kind, _ name: String, parent: String? = nil,
        _ extra: [String: JSONValue] = [:]
    ) -> Component {
        var props = KubeSupport.catalog.info(kind)?.defaults ?? [:]
        for (k, v) in extra { props[k] = v }
        return Component(id: id, kind: kind, name: name, parent: parent, properties: props)
    }

    static var design: Design {
        let components = [
            drawn("u", .user, "User"),
            drawn(
                "ing", .ingress, "Shop Front",
                ["rules": .array([.object(["path": .string("/"), "service": .string("web")])])]),
            drawn("svc", .service, "web"),
            drawn("dep", .deployment, "web"),
            drawn("pod", .pod, "web", parent: "dep", ["labels": .object(["app": .string("shop")])]),
            drawn("ctr", .container, "App Server", parent: "pod"),
            drawn("hpa", .hpa, "web"),
            drawn("sts", .statefulSet, "db"),
            drawn("dbpod", .pod, "db", parent: "sts", ["labels": .object(["app": .string("db")])]),
            drawn("dbctr", .container, "postgres", parent: "dbpod", ["image": .string("postgres:16.4")]),
            drawn("pvc", .pvc, "data"),
            drawn("job", .job, "migrate"),
            drawn("jobpod", .pod, "migrate", parent: "job"),
            drawn("jobctr", .container, "migrate", parent: "jobpod"),
            drawn("cm", .configMap, "settings"),
            drawn("sec", .secret, "db-password"),
            drawn("note", .note, "remember"),
        ]
        let connections = [
            Connection(id: "1", from: "u", to: "ing"), Connection(id: "2", from: "ing", to: "svc"),
            Connection(id: "3", from: "svc", to: "pod", kind: .selects),
            Connection(id: "4", from: "hpa", to: "dep", kind: .manages),
            // Mounted where the label says, read as variables, and at a path Hops picks.
            Connection(id: "5", from: "ctr", to: "cm", kind: .mounts, label: "/etc/shop"),
            Connection(id: "6", from: "dbctr", to: "sec", kind: .mounts, label: "envFrom"),
            Connection(id: "7", from: "sts", to: "pvc", kind: .mounts),
        ]
        return Design(name: "drawn", components: components, connections: connections)
    }

    @Test func selectorsMatchTemplatesAndEveryContainerHasAnImage() throws {
        let (yaml, warnings) = KubeExport.manifests(of: Self.design)
        #expect(
            warnings.contains(
                "Deployment web: the selector app=web does not match the Pod labels app=shop; "
                    + "written with the Pod labels as selector"))
        #expect(
            warnings.contains(
                "Service web: the selector app=web matches none of the Pods it is drawn to select; "
                    + "written as app=shop"))
        let (back, _) = try KubeSupport.importText(yaml, name: "exported.yaml")
        let dep = try #require(back.components.first { $0.kind == .deployment && $0.name == "web" })
        #expect(dep.selector == ["app": "shop"])
        #expect(back.targets(of: "web", kind: .selects, fromKind: .service) == ["web"])
        #expect(back.components.filter { $0.kind == .container }.allSatisfy { $0.image != nil })
        #expect(back.components.first { $0.kind == .container && $0.name == "app-server" } != nil)
        #expect(back.targets(of: "shop-front", kind: .traffic) == ["web"])
        #expect(back.targets(of: "web", kind: .manages, fromKind: .hpa) == ["web"])
        #expect(back.components.first { $0.kind == .statefulSet }?.selector == ["app": "db"])
        #expect(!yaml.contains("kind: User") && !yaml.contains("remember"))
    }

    /// An Ingress drawn with only an arrow to a Service sends everything there, as the trace
    /// says: written as its default backend, since a cluster refuses one with neither.
    @Test func anIngressWithoutRulesIsWrittenWithItsArrowAsDefaultBackend() throws {
        var d = Self.design
        d.components[d.index(of: "ing")!].properties["rules"] = nil
        let (yaml, _) = KubeExport.manifests(of: d)
        let ingress = try #require(yaml.components(separatedBy: "\n---\n").first { $0.contains("kind: Ingress") })
        #expect(ingress.contains("spec:\n  defaultBackend:\n    service:\n      name: web\n"))
        d.connections.removeAll { $0.from == "ing" }
        #expect(KubeExport.manifests(of: d).warnings.contains("Ingress Shop Front: has no rules and no default backend, "
            + "so a cluster refuses it: add a rule (e on the Ingress) or draw an arrow to a Service"))
    }

    /// An arrow from a workload to a ServiceAccount (as import draws serviceAccountName) is the
    /// identity its Pods run as, and reads back as the same arrow.
    @Test func anArrowToAServiceAccountIsTheIdentityThePodsRunAs() throws {
        var d = Self.design
        d.components.append(Component(id: "sa", kind: Kind("ServiceAccount"), name: "web-runner"))
        d.connections.append(Connection(id: "as", from: "dep", to: "sa", kind: .annotation, label: "serviceAccount"))
        let (yaml, _) = KubeExport.manifests(of: d)
        let web = try #require(yaml.components(separatedBy: "\n---\n").first { $0.contains("kind: Deployment") })
        #expect(web.contains("      serviceAccountName: web-runner\n"))
        let (back, _) = try KubeSupport.importText(yaml, name: "exported.yaml")
        #expect(back.targets(of: "web", kind: .annotation, fromKind: .deployment) == ["web-runner"])
    }

    /// An HPA owns the replicas of what it scales, so they are left out; a CPU request set in
    /// the editor is written into the container's resources.
    @Test func anHPAsWorkloadIsWrittenWithoutReplicasAndWithItsCPURequests() throws {
        var d = Self.design
        d.components[d.index(of: "ctr")!].cpuRequest = "100m"
        let (yaml, warnings) = KubeExport.manifests(of: d)
        let web = try #require(yaml.components(separatedBy: "\n---\n").first { $0.contains("kind: Deployment") })
        #expect(!web.contains("replicas:"))
        #expect(web.contains("resources:\n          requests:\n            cpu: \"100m\""))
        #expect(warnings.contains("Deployment web: replicas left out: HorizontalPodAutoscaler web sets them, and an "
            + "apply that wrote them would reset what it chose (if it was applied with replicas before, the first "
            + "apply without them sets 1 once: the Kubernetes docs on migrating to an HPA say how to avoid that)"))
        let db = try #require(yaml.components(separatedBy: "\n---\n").first { $0.contains("kind: StatefulSet") })
        #expect(db.contains("replicas:")) // no HPA scales it
        let (back, _) = try KubeSupport.importText(yaml, name: "exported.yaml")
        #expect(back.components.first { $0.kind == .container && $0.name == "app-server" }?.cpuRequest == "100m")
    }

    /// A drawn mounts arrow is written as the Pod spec says it, and reads back as the same arrow.
    @Test func drawnMountsBecomeVolumesMountsAndEnvFrom() throws {
        let (yaml, warnings) = KubeExport.manifests(of: Self.design)
        let docs = yaml.components(separatedBy: "\n---\n")
        let web = try #require(docs.first { $0.contains("kind: Deployment") })
        #expect(web.contains("configMap:\n") && web.contains("mountPath: /etc/shop"))
        let db = try #require(docs.first { $0.contains("kind: StatefulSet") })
        #expect(db.contains("secretRef:") && db.contains("name: db-password"))
        #expect(db.contains("claimName: data") && db.contains("mountPath: /data/data"))
        #expect(warnings.contains("PersistentVolumeClaim data: is mounted at /data/data, a path Hops chose: label the "
            + "mounts arrow with the path the app reads (r on the arrow, for example /etc/app)"))
        #expect(!warnings.contains { $0.hasPrefix("ConfigMap settings:") || $0.hasPrefix("Secret db-password:") })
        let (back, _) = try KubeSupport.importText(yaml, name: "exported.yaml")
        #expect(back.targets(of: "web", kind: .mounts, fromKind: .deployment) == ["settings"])
        #expect(Set(back.targets(of: "db", kind: .mounts, fromKind: .statefulSet)) == ["db-password", "data"])
        // Two mounts at one path: the second is left out and said; a label that is not a path is named.
        var twice = Self.design
        twice.connections.append(Connection(id: "8", from: "ctr", to: "sec", kind: .mounts, label: "/etc/shop"))
        twice.connections.append(Connection(id: "9", from: "dep", to: "pvc", kind: .mounts, label: "data/here"))
        let said = KubeExport.manifests(of: twice).warnings
        #expect(said.contains("Secret db-password: is not mounted in container app-server: /etc/shop is where volume "
            + "settings is mounted already, and a path takes one volume; label the arrow with another path"))
        #expect(said.contains("PersistentVolumeClaim data: the arrow's label \"data/here\" is not a path (one starts "
            + "with /), so it is mounted at /data/data, a path Hops chose: label the mounts arrow with the path the app "
            + "reads (r on the arrow, for example /etc/app)"))
        // Exported again, what the imported spec says is kept, not written twice.
        let again = KubeExport.manifests(of: back).yaml
        #expect(again.components(separatedBy: "mountPath: /etc/shop").count == 2)
        #expect(again.components(separatedBy: "secretRef:").count == 2)
    }

    /// The API server rejects an Ingress backend without a port; a drawn rule that names none
    /// gets the only port of the Service it names, the one the trace assumes.
    @Test func anIngressRuleWithoutAPortExportsTheServicesOnlyPort() throws {
        let (yaml, _) = KubeExport.manifests(of: Self.design)
        let svcPort = try #require(Self.design.components.first { $0.id == "svc" }?.servicePorts.first?.port)
        let ingress = try #require(yaml.components(separatedBy: "\n---\n").first { $0.contains("kind: Ingress") })
        #expect(ingress.contains("name: web\n") && ingress.contains("number: \(svcPort)"))
    }

    /// Warnings of one kind stop after ten, and one line says how many more there were.
    @Test func manyAlikeWarningsEndInACount() {
        var d = Design(name: "many", components: [])
        for i in 0..<25 {
            var c = Component(id: "cm\(i)", kind: .configMap, name: "Config_\(i)")
            c.properties["data"] = .object([:])
            d.components.append(c)
        }
        let (yaml, warnings) = KubeExport.manifests(of: d)
        #expect(warnings.count == 11)
        #expect(warnings[0] == "ConfigMap Config_0: the name is not a valid Kubernetes name; written as config-0")
        #expect(warnings.last == "15 more components have names that are not valid Kubernetes names, written the "
                + "same way (lowercase letters, digits, '-' and '.', at most 253 characters; a Service or Namespace "
                + "without '.' and at most 63)")
        #expect(yaml.contains("name: config-24")) // all 25 are written, whatever is said
    }

    /// A ConfigMap's name may be 253 characters long (a Service's 63, without dots): export keeps
    /// each as long as its kind allows, so two long names do not become one.
    @Test func namesAreAsLongAsTheirKindAllows() {
        let long = String(repeating: "a", count: 70)
        let d = Design(name: "long", components: [
            Component(id: "c1", kind: .configMap, name: long + "-one"), Component(id: "c2", kind: .configMap, name: long + "-two"),
            Component(id: "s", kind: .service, name: "web.v1" + long),
            Component(id: "s2", kind: .service, name: "1web"),
        ], connections: [])
        let (yaml, warnings) = KubeExport.manifests(of: d)
        #expect(yaml.contains("name: \(long)-one\n") && yaml.contains("name: \(long)-two\n"))
        #expect(yaml.contains("name: web-v1\(String(repeating: "a", count: 57))\n"))
        #expect(yaml.contains("name: s-1web\n")) // a Service's name starts with a letter
        #expect(warnings.count == 2)
    }

    /// Two components written as one object (here after their names were made valid) are
    /// warned about: applying both keeps only the last.
    @Test func twoComponentsWrittenAsOneObjectAreWarnedAbout() {
        var a = Component(id: "a", kind: .configMap, name: "svc/a"), b = Component(id: "b", kind: .configMap, name: "svc-a")
        a.properties["data"] = .object([:]); b.properties["data"] = .object([:])
        let (_, warnings) = KubeExport.manifests(of: Design(name: "two", components: [a, b]))
        #expect(warnings.contains("ConfigMap svc-a: is written as ConfigMap svc-a, as a is: a cluster keeps one "
                                  + "ConfigMap of a name in a namespace, so applying both keeps only the last; rename one"))
    }

    /// An Ingress rule names its Service as the Service is written: made valid the same way.
    @Test func anIngressNamesItsServiceAsTheServiceIsWritten() {
        var ing = Component(id: "i", kind: .ingress, name: "edge")
        ing.properties["rules"] = .array([.object(["path": .string("/"), "service": .string("Web_App"),
                                                   "port": .integer(80)])])
        var svc = Component(id: "s", kind: .service, name: "Web_App")
        svc.properties["ports"] = .array([.object(["port": .integer(80)])])
        let (yaml, _) = KubeExport.manifests(of: Design(name: "x", components: [svc, ing]))
        #expect(yaml.contains("name: web-app"))
        #expect(!yaml.contains("Web_App"))
    }

    @Test func yamlWriterQuotesWhatWouldReadBackAsSomethingElse() {
        let object: [String: JSONValue] = [
            "data": .object([
                "a": .string("yes"), "b": .string("0644"), "c": .string("null"), "d": .string("- x"),
                "e": .string("line one\nline two\n"), "f": .string("key: value"), "g": .string(""), "h": .string("1.5"),
                "i": .string("tab\there"), "j": .string(" padded"), "k": .string("ends\n\n"),
                "l": .string("no end\nnewline"),
            ])
        ]
        let text = YamlWriter.document(object)
        #expect(
            text == """
                data:
                  a: "yes"
                  b: "0644"
                  c: "null"
                  d: "- x"
                  e: |
                    line one
                    line two
                  f: "key: value"
                  g: ""
                  h: "1.5"
                  i: "tab\\there"
                  j: " padded"
                  k: |+
                    ends

                  l: |-
                    no end
                    newline

                """)
        let (docs, issues) = YamlReader.read(Data(text.utf8), file: "w.yaml")
        #expect(issues.isEmpty)
        #expect(docs.first?.value == .object(object))
    }
}
