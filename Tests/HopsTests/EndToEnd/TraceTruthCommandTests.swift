import Foundation
import HopsDesign
import HopsFormats
import Testing

/// Issue 14's designs traced by the `hops trace` program, as text and as JSON: each fails (or
/// succeeds) as a cluster would, with the same words in both outputs.
@Suite struct TraceTruthCommandTests {
    struct Case {
        let name: String
        let design: Design
        let says: String
        let fails: Bool
    }

    static func cases() -> [Case] {
        var wrongPort = FlowFixtures.web()
        wrongPort.connections[0].port = 8080

        var crossNamespace = FlowFixtures.web()
        crossNamespace.components.append(FlowFixtures.component("ns-shop", .namespace, "shop"))
        crossNamespace.components[1].parent = "ns-shop"

        var dbTarget = FlowFixtures.web(targetPort: .number(5432))
        dbTarget.components[dbTarget.index(of: "ctr-db")!].image = "postgres:16.4"

        var unready = FlowFixtures.web()
        unready.components[unready.index(of: "pod-web")!].isReady = false

        var nodePort = FlowFixtures.web()
        nodePort.components[1].serviceType = "NodePort"

        var ingressElsewhere = FlowFixtures.web()
        ingressElsewhere.components.append(FlowFixtures.component("ns-edge", .namespace, "edge"))
        ingressElsewhere.components.append(FlowFixtures.component("ing", .ingress, "front", parent: "ns-edge", [
            "rules": .array([.object(["path": .string("/"), "service": .string("web"), "port": .integer(80)])]),
        ]))
        ingressElsewhere.connections[0] = FlowFixtures.traffic("user", "ing", port: 443)

        var sts = FlowFixtures.web()
        sts.components[sts.index(of: "deploy-web")!].kind = .statefulSet

        return [
            Case(name: "wrong-port", design: wrongPort, says: "Service web has no port 8080; it listens on 80", fails: true),
            Case(name: "cross-namespace", design: crossNamespace,
                 says: "a selector matches only Pods in its own namespace", fails: true),
            Case(name: "db-target", design: dbTarget, says: "the connection reaches the database, not the app", fails: true),
            Case(name: "no-selector", design: FlowFixtures.web(selector: [:]),
                 says: "Kubernetes makes no EndpointSlices for it and it has no endpoints", fails: true),
            Case(name: "undeclared", design: FlowFixtures.web(targetPort: .number(9090)),
                 says: "no container declares port 9090 in Pod web (container app declares port 8080 (http) and "
                    + "container db declares port 5432 (postgres)): if "
                    + "nothing listens there the connection is refused", fails: true),
            Case(name: "unready", design: unready, says: "are Running but fail their readiness probe", fails: true),
            Case(name: "nodeport", design: nodePort, says: "User connects to a node's IP on Service web's nodePort, one of 30000-32767 (HTTP); kube-proxy on that node takes the connection", fails: false),
            Case(name: "ingress-elsewhere", design: ingressElsewhere,
                 says: "there is no Service named web in namespace edge (there is one in namespace default, and an "
                    + "Ingress backend reaches only its own namespace)", fails: true),
            Case(name: "statefulset", design: sts, says: "a ready endpoint, web-0 (1 of 3, of StatefulSet web)", fails: false),
        ]
    }

    @Test func eachDesignTracesTheSameAsTextAndJSON() throws {
        let dir = Fixtures.tempDir()
        for c in Self.cases() {
            let file = dir.appendingPathComponent("\(c.name).hops.json").path
            try DesignFile.write(c.design, to: file)
            let text = Shell.run([TmuxTests.binary, "trace", file])
            #expect(text.status == (c.fails ? 2 : 0), "\(c.name)")
            #expect(text.out.contains(c.says), "\(c.name): \(text.out)")
            let json = Shell.run([TmuxTests.binary, "trace", "--json", file])
            struct H: Decodable { let narration: String }
            struct Req: Decodable { let succeeded: Bool; let failure: String?; let hops: [H] }
            let reqs = try JSONDecoder().decode([Req].self, from: Data(json.out.utf8))
            #expect(reqs[0].succeeded == !c.fails, "\(c.name)")
            #expect(reqs[0].hops.contains { $0.narration.contains(c.says) }, "\(c.name)")
            if c.fails { #expect(reqs[0].failure?.contains(c.says) == true, "\(c.name)") }
        }
    }
}
