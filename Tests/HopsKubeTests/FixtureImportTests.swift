import Foundation
import HopsDesign
import Testing

@testable import HopsKube

/// Each shared fixture imports into the components and relationships its YAML implies,
/// counted by reading the YAML.
@Suite struct FixtureImportTests {
    @Test func everyFixtureImportsIntoAValidDesign() throws {
        #expect(KubeSupport.k8sFixtures.count == 9)
        for name in KubeSupport.k8sFixtures {
            let (design, _) = try KubeSupport.load(name)
            #expect(Validation.problems(in: design, catalog: KubeSupport.catalog).isEmpty, "\(name)")
            #expect(design.connections.allSatisfy { $0.extra["inferred"]?.object?["rule"]?.string?.isEmpty == false })
        }
    }

    @Test func onlineBoutique() throws {
        let (d, warnings) = try KubeSupport.load("online-boutique.yaml")
        #expect(d.count(.deployment) == 12 && d.count(.service) == 12 && d.count(.serviceAccount) == 11)
        #expect(d.count(.pod) == 12)
        // 12 containers plus loadgenerator's init container frontend-check.
        #expect(d.count(.container) == 13)
        #expect(d.count(.user) == 1)
        #expect(d.sources(of: "frontend-external", kind: .traffic) == ["User"])
        let calls = d.targets(of: "server", kind: .traffic).filter { _ in true }
        #expect(calls.count >= 8)
        let frontend = d.components.first { $0.id == "ctr-frontend-server" }!
        let frontendCalls = d.connections.filter { $0.from == frontend.id && $0.kind == .traffic }.map {
            d.component($0.to)!.name
        }
        #expect(
            frontendCalls == [
                "productcatalogservice", "currencyservice", "cartservice", "recommendationservice",
                "shippingservice", "checkoutservice", "adservice", "shoppingassistantservice",
            ])
        #expect(d.missing() == ["Service shoppingassistantservice"])
        #expect(d.sources(of: "frontend", kind: .selects, toKind: .pod).sorted() == ["frontend", "frontend-external"])
        #expect(d.targets(of: "checkoutservice", kind: .traffic, fromKind: .container).isEmpty)
        #expect(d.connections.filter { $0.from == "ctr-checkoutservice-server" }.count == 6)
        #expect(d.links(.traffic) == 19 && d.links(.selects) == 12 && d.links(.annotation) == 11)
        #expect(
            warnings.map(\.description) == [
                "\(KubeSupport.k8s("online-boutique.yaml")): document 1, line 90, column 20: "
                    + "Service shoppingassistantservice is not in the input "
                    + "(named by env SHOPPING_ASSISTANT_SERVICE_ADDR of container server in Deployment "
                    + "frontend); drawn dashed as missing"
            ])
        let rule = d.connections.first { $0.from == "ctr-frontend-server" }?.extra["inferred"]?.object?["rule"]?.string
        #expect(
            rule == "env PRODUCT_CATALOG_SERVICE_ADDR=productcatalogservice:3550 names Service productcatalogservice")
    }

    @Test func bookinfoReviewsSelectsThreeDeployments() throws {
        let (d, warnings) = try KubeSupport.load("bookinfo.yaml")
        #expect(warnings.isEmpty)
        #expect(d.count(.service) == 4 && d.count(.deployment) == 6 && d.count(.serviceAccount) == 4)
        #expect(d.targets(of: "reviews", kind: .selects).sorted() == ["reviews-v1", "reviews-v2", "reviews-v3"])
        #expect(d.links(.selects) == 6)
        #expect(d.targets(of: "reviews-v2", kind: .annotation) == ["bookinfo-reviews"])
        #expect(d.count(.user) == 0)
    }

    @Test func bookinfoWithItsIngressLinksTheIngressToProductpage() throws {
        let (d, warnings) = try KubeSupport.load("bookinfo.yaml", "bookinfo-ingress.yaml")
        #expect(warnings.isEmpty)
        #expect(d.targets(of: "gateway", kind: .traffic) == ["productpage"])
        // The backend's port is the connection's port, drawn as ":9080".
        #expect(d.connections.first { $0.from == "ing-gateway" }?.port == 9080)
        #expect(d.connections.first { $0.from == "ing-gateway" }.flatMap(d.shownLabel) == ":9080")
        #expect(d.sources(of: "gateway", kind: .traffic) == ["User"])
        #expect(d.missing().isEmpty)
        let (alone, aloneWarnings) = try KubeSupport.load("bookinfo-ingress.yaml")
        #expect(alone.missing() == ["Service productpage"])
        #expect(aloneWarnings.count == 1)
    }

    @Test func hpaLinksItsDeploymentAndReportsTheMissingConfiguration() throws {
        let (d, warnings) = try KubeSupport.load("bank-of-anthos-contacts-hpa.yaml")
        #expect(d.targets(of: "contacts", kind: .manages, fromKind: .hpa) == ["contacts"])
        #expect(d.connections.first { $0.from == "hpa-contacts" }?.label == "scales 1-5")
        #expect(d.missing() == ["ConfigMap environment-config", "Secret accounts-db-config", "Secret jwt-key"])
        #expect(
            d.targets(of: "contacts", kind: .mounts, fromKind: .deployment).sorted()
                == ["accounts-db-config", "environment-config", "jwt-key"])
        // serviceAccountName: default is every namespace's own account, never missing.
        #expect(d.count(.serviceAccount) == 0)
        let text = warnings.map(\.description).joined(separator: "\n")
        #expect(text.contains("ConfigMap environment-config is not in the input (envFrom of Deployment contacts)"))
        #expect(text.contains("Secret accounts-db-config is not in the input (envFrom of Deployment contacts)"))
        #expect(text.contains("Secret jwt-key is not in the input (volume publickey of Deployment contacts)"))
        #expect(
            text.contains(
                "Service contacts port 8080 forwards to targetPort 8080, but no container of Deployment "
                    + "contacts declares it (its containers declare no ports)"))
        #expect(d.sources(of: "contacts", kind: .traffic, toKind: .service) == ["User"])
    }

    @Test func guestbook() throws {
        let (d, warnings) = try KubeSupport.load("guestbook-all-in-one.yaml")
        #expect(warnings.isEmpty)
        #expect(d.count(.service) == 3 && d.count(.deployment) == 3 && d.links(.selects) == 3)
        #expect(d.targets(of: "redis-master", kind: .selects, fromKind: .service) == ["redis-master"])
        // The NodePort frontend gets a User; its targetPort is omitted, so it is the port, 80.
        #expect(d.sources(of: "frontend", kind: .traffic, toKind: .service) == ["User"])
        #expect(d.component("deploy-redis-replica")?.replicas == 2)
    }

    @Test func mysqlStatefulSet() throws {
        let (d, warnings) = try KubeSupport.load("mysql-statefulset.yaml")
        #expect(warnings.isEmpty)
        #expect(d.count(.statefulSet) == 1 && d.count(.service) == 2 && d.count(.configMap) == 1)
        #expect(d.count(.container) == 4)
        #expect(
            d.components.filter { $0.properties["containerType"]?.string == "init" }.map(\.name)
                == ["init-mysql", "clone-mysql"])
        #expect(d.targets(of: "mysql", kind: .annotation, fromKind: .statefulSet) == ["mysql"])
        #expect(d.targets(of: "mysql", kind: .mounts, fromKind: .statefulSet).sorted() == ["data", "mysql"])
        #expect(d.component("pvc-data-mysql")?.properties["storage"]?.string == "10Gi")
        #expect(d.sources(of: "mysql", kind: .selects, toKind: .pod).sorted() == ["mysql", "mysql-read"])
    }

    @Test func mysqlPVCAndSecretByKeyRef() throws {
        let (d, _) = try KubeSupport.load("mysql-pvc-deployment.yaml")
        #expect(d.targets(of: "existing-mysql-a", kind: .mounts) == ["mysql-a-pv-claim"])
        #expect(d.targets(of: "mysql-a", kind: .selects) == ["existing-mysql-a"])
        let (m, mw) = try KubeSupport.load("bookinfo-mysql.yaml")
        #expect(mw.isEmpty)
        #expect(m.targets(of: "mysqldb-v1", kind: .mounts) == ["mysql-credentials"])
        #expect(
            m.connections.first { $0.kind == .mounts }?.extra["inferred"]?.object?["rule"]?.string
                == "env MYSQL_ROOT_PASSWORD names Secret mysql-credentials")
    }

    @Test func gkeIngressWithDefaultBackendAndUnknownKinds() throws {
        let (d, warnings) = try KubeSupport.load("gke-networking-ingress.yaml")
        #expect(d.count(.box) == 2)
        let cert = d.components.first { $0.name == "networking-managed-cert" }!
        #expect(cert.properties["manifest"]?.object?["kind"]?.string == "ManagedCertificate")
        #expect(cert.properties["manifest"]?.object?["spec"]?.object?["domains"]?.array?.count == 2)
        #expect(d.targets(of: "frontend", kind: .traffic, fromKind: .ingress) == ["frontend"])
        #expect(d.count(.user) == 2)
        #expect(warnings.count == 1)
    }
}
