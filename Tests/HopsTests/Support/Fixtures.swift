import Foundation
import HopsCanvas
import HopsDesign
import HopsFormats
import HopsResources

/// Shared test inputs: the catalog and the bundled design, read the way the app reads them.
enum Fixtures {
    static let catalog: Catalog = try! JSONDecoder().decode(Catalog.self, from: BundledResources.catalogJSON)

    static func bundledDesign() throws -> Design {
        try DesignFile.decode(BundledResources.requestFlowJSON, file: BundledResources.requestFlowName, catalog: catalog)
    }

    /// The package's root folder (tests run from anywhere).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A fresh temporary folder for one test.
    static func tempDir() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hops-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A deterministic design of `n` components, about 1.5 connections each: Services, Deployments
    /// with Pods holding containers, Users, ConfigMaps.
    static func generated(_ n: Int, seed: UInt64 = 42) -> Design {
        var rng = seed
        func next(_ bound: Int) -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int((rng >> 33) % UInt64(bound))
        }
        var comps: [Component] = []
        var conns: [Connection] = []
        let kinds: [Kind] = [.service, .deployment, .user, .configMap, .pod]
        while comps.count < n {
            let k = kinds[next(kinds.count)]
            let id = "c\(comps.count)"
            comps.append(Component(id: id, kind: k, name: "\(k.rawValue.lowercased())-\(comps.count)"))
            if k == .pod && comps.count < n {
                comps.append(Component(id: "c\(comps.count)", kind: .container, name: "app\(comps.count)", parent: id))
            }
        }
        let target = n * 3 / 2
        var tries = 0
        while conns.count < target && tries < target * 10 {
            tries += 1
            let a = next(comps.count), b = next(comps.count)
            guard a != b, comps[a].parent != comps[b].id, comps[b].parent != comps[a].id else { continue }
            conns.append(Connection(id: "k\(conns.count)", from: comps[a].id, to: comps[b].id))
        }
        return Design(name: "generated \(n)", components: comps, connections: conns)
    }
}
