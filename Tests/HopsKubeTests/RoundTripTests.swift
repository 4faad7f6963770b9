import Foundation
import HopsDesign
import HopsFormats
import Testing

@testable import HopsKube

/// import → export → import gives the same design, and the hops file keeps it all.
@Suite struct RoundTripTests {
    @Test(arguments: KubeSupport.k8sFixtures)
    func importExportImportIsTheSameDesign(_ name: String) throws {
        let (first, _) = try KubeSupport.load(name)
        let (yaml, warnings) = KubeExport.manifests(of: first)
        #expect(warnings.isEmpty)
        let (second, _) = try KubeImport.design(named: first.name, from: [(name, Data(yaml.utf8))])
        #expect(second.components == first.components)
        #expect(second.connections == first.connections)
        #expect(KubeExport.manifests(of: second).yaml == yaml)
    }

    @Test func bookinfoTogetherWithItsIngress() throws {
        let (first, _) = try KubeSupport.load("bookinfo.yaml", "bookinfo-ingress.yaml")
        let (yaml, _) = KubeExport.manifests(of: first)
        let (second, _) = try KubeImport.design(named: first.name, from: [("all.yaml", Data(yaml.utf8))])
        #expect(second == first)
    }

    @Test func theDesignFileKeepsAnImportedDesign() throws {
        for name in KubeSupport.k8sFixtures {
            let (design, _) = try KubeSupport.load(name)
            let read = try DesignFile.decode(DesignFile.encode(design), file: name, catalog: KubeSupport.catalog)
            #expect(KubeExport.manifests(of: read).yaml == KubeExport.manifests(of: design).yaml, "\(name)")
        }
    }

    @Test func anExportedObjectDiffersOnlyWhereTheUserChangedIt() throws {
        var (d, _) = try KubeSupport.load("guestbook-all-in-one.yaml")
        let before = KubeExport.manifests(of: d).yaml
        let i = try #require(d.index(of: "deploy-frontend"))
        d.components[i].replicas = 5
        let after = KubeExport.manifests(of: d).yaml
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.map { "\($0.0) → \($0.1)" } == ["  replicas: 3 →   replicas: 5"])
    }

    @Test func liveOutputFoldsOwnedPodsAndDropsServerFields() throws {
        let live = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: web, uid: u1, resourceVersion: "7", managedFields: [{manager: kubectl}]}
              spec:
                selector: {matchLabels: {app: web}}
                template:
                  metadata: {labels: {app: web}}
                  spec: {containers: [{name: app, image: "nginx:1.27"}]}
              status: {replicas: 2}
            - apiVersion: apps/v1
              kind: ReplicaSet
              metadata:
                name: web-5d4
                ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true, uid: u1}]
              spec:
                selector: {matchLabels: {app: web}}
                template: {metadata: {labels: {app: web}}, spec: {containers: []}}
            - apiVersion: v1
              kind: Pod
              metadata:
                name: web-5d4-a
                ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4, controller: true}]
              spec: {containers: [{name: app, image: "nginx:1.27"}]}
            - apiVersion: v1
              kind: Pod
              metadata:
                name: web-5d4-b
                ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d4, controller: true}]
              spec: {containers: [{name: app, image: "nginx:1.27"}]}
            """
        let (d, warnings) = try KubeSupport.importText(live)
        #expect(warnings.isEmpty)
        #expect(d.components.map(\.id) == ["deploy-web", "pod-web", "ctr-web-app"])
        #expect(d.component("deploy-web")?.replicas == 2)
        let manifest = d.component("deploy-web")?.properties["manifest"]?.object ?? [:]
        #expect(manifest["status"] == nil && manifest["metadata"] == nil)
    }

    @Test func namespacesBecomeBoxes() throws {
        let text = """
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop}
            spec: {selector: {app: api}, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: billing}
            """
        let (d, _) = try KubeSupport.importText(text)
        #expect(
            d.components.map { "\($0.id) in \($0.parent ?? "-")" } == [
                "ns-billing in -", "cm-billing-settings in ns-billing", "ns-shop in -", "svc-shop-api in ns-shop",
            ])
        let yaml = KubeExport.manifests(of: d).yaml
        #expect(!yaml.contains("kind: Namespace"))
        let (again, _) = try KubeSupport.importText(yaml)
        #expect(again.components == d.components)
    }
}
