import Foundation
import HopsDesign
import HopsFlow
import Testing

@testable import HopsKube

/// Every Meshery fixture imports, with what each holds counted by reading the file.
@Suite struct MesheryImportTests {
    @Test(arguments: MesherySupport.fixtures)
    func everyFixtureImportsToAValidDesign(_ name: String) throws {
        let (d, _) = try MesherySupport.load(name)
        #expect(Validation.problems(in: d, catalog: KubeSupport.catalog).isEmpty)
        #expect(d.extra["meshery"] != nil)
    }

    /// emojivoto (older format): the Namespace holds 4 Deployments, 3 Services and 3
    /// ServiceAccounts; each Service's meshmap edge (listed under both ends) is one selection.
    @Test func emojivoto() throws {
        let (d, issues) = try MesherySupport.load("emojivoto-design.yaml")
        #expect(issues.isEmpty)
        let ns = try #require(d.components.first { $0.kind == .namespace })
        #expect(ns.name == "emojivoto")
        let inside = d.children(of: ns.id)
        #expect(inside.count == 10)
        #expect(
            inside.filter { $0.kind == .deployment }.map(\.name).sorted() == ["emoji", "vote-bot", "voting", "web"])
        #expect(inside.filter { $0.kind == .service }.map(\.name).sorted() == ["emoji-svc", "voting-svc", "web-svc"])
        #expect(inside.filter { $0.kind == Kind("ServiceAccount") }.map(\.name).sorted() == ["emoji", "voting", "web"])
        let edges = d.connections.filter { $0.extra["meshery"] != nil }
        #expect(edges.count == 3)
        let pairs = edges.map { k in "\(d.component(k.from)!.name) → \(d.component(d.component(k.to)!.parent!)!.name)" }
        #expect(pairs.sorted() == ["emoji-svc → emoji", "voting-svc → voting", "web-svc → web"])
        #expect(edges.allSatisfy { $0.kind == .selects })
        // The same inference as manifests: the web container calls the two other Services.
        #expect(d.targets(of: "web-svc", kind: .traffic, fromKind: .container).sorted() == ["emoji-svc", "voting-svc"])
    }

    /// kubernetes-basic: its Namespace, Pod and Service (the AnchorNode is Kanvas' invisible
    /// helper); the Pod has no settings and imports without containers.
    @Test func kubernetesBasic() throws {
        let (d, _) = try MesherySupport.load("kubernetes-basic-design.yaml")
        #expect(
            MesherySupport.nesting(d) == [
                "Namespace helloah", "Pod pod-dd in Namespace helloah",
                "Service service-rk in Namespace helloah",
            ])
        let (_, warnings) = MesherySupport.export(d)
        #expect(warnings.contains("Pod pod-dd: has no containers; a cluster will refuse it"))
    }

    /// The v1beta1 container-alias fixture: a Deployment and two Pods; each Container alias is
    /// the container at its path in its parent's spec, the two-container Pod holds both.
    @Test func containerAliases() throws {
        let (d, _) = try MesherySupport.load("container-alias-v1beta1.json")
        #expect(
            MesherySupport.nesting(d) == [
                "Container containers-0 in Pod pod-hn", "Container containers-1 in Pod pod-hn",
                "Container nginx in Pod deployment-fu", "Container postgress in Pod pod-dh",
                "Deployment deployment-fu", "Pod deployment-fu in Deployment deployment-fu", "Pod pod-dh", "Pod pod-hn",
            ])
        #expect(MesheryExport.keptID(d) == "13e803b7-596c-4620-bdc4-4d3a28a027a2")
        let ids = d.components.compactMap { $0.extra["meshery"]?.object?["id"]?.string }
        #expect(ids.count == 7)
    }

    @Test func anEmptyDesignImportsWithAWarning() throws {
        let (d, issues) = try MesherySupport.load("guestbook-app-v1beta1.yml")
        #expect(d.components.isEmpty && d.name == "GuestBook App")
        #expect(MesheryExport.keptID(d) == "544305d7-be35-4fe2-bc61-b728d53ea930")
        #expect(issues.map(\.message) == ["is a Meshery design with no components (an empty design)"])
    }

    @Test func idsOutsideTheFileWarnAndDeletedRelationshipsAreSkipped() throws {
        let text = """
            {"id": "11111111-1111-4111-8111-111111111111", "name": "t", "schemaVersion": "designs.meshery.io/v1beta2",
             "version": "0.0.1",
             "components": [
               {"id": "a", "displayName": "web", "component": {"kind": "Service", "version": "v1"},
                "modelReference": {"name": "kubernetes"}, "configuration": null},
               {"id": "b", "displayName": "note", "component": {"kind": "TextBox", "version": "core.meshery.io/v1alpha1"},
                "model": {"name": "meshery-core"}, "metadata": {"isAnnotation": true}}],
             "relationships": [
               {"id": "r1", "kind": "edge", "type": "non-binding", "subType": "network",
                "selectors": [{"allow": {"from": [{"id": "a"}], "to": [{"id": "zzz"}]}}]},
               {"id": "r2", "kind": "edge", "type": "non-binding", "subType": "annotation", "status": "deleted",
                "selectors": [{"allow": {"from": [{"id": "a"}], "to": [{"id": "b"}]}}]}]}
            """
        let (d, issues) = try KubeSupport.importText(text, name: "t.json")
        #expect(MesherySupport.nesting(d) == ["Note note", "Service web"])
        #expect(d.connections.isEmpty)
        #expect(
            issues.map(\.description) == [
                "t.json: document 1, line 9, column 4: the non-binding relationship names zzz, "
                    + "which is not a component in the file; skipped"
            ])
    }

    @Test func aMesheryDesignWithOtherFilesIsRefusedForItself() throws {
        let (d, issues) = try KubeImport.read(paths: [
            MesherySupport.meshery("emojivoto-design.yaml"),
            KubeSupport.k8s("bookinfo-mysql.yaml"),
        ])
        #expect(!d.components.isEmpty)
        #expect(issues.contains { $0.message == "is a Meshery design: import it on its own, not with other files" })
    }

    /// After a Meshery import the flow engine traces the design like one from manifests.
    @Test func anImportedDesignTraces() throws {
        let (d, _) = try MesherySupport.load("emojivoto-design.yaml")
        let web = try #require(d.components.first { $0.kind == .container && $0.name == "web-svc" })
        let (trace, _) = FlowEngine.trace(d, from: web.id, state: FlowState())
        #expect(trace.succeeded)
        #expect(trace.requestHops.map { d.component($0.to)?.name ?? "" } == ["emoji-svc", "emoji", "emoji-svc"])
    }
}
