import Foundation
import HopsDesign
import HopsEditor
import HopsFormats

@testable import HopsKube

/// Meshery fixtures, exports with the canvas' layout, and a design reduced to what a round
/// trip must keep: names, kinds, nesting, connections and positions.
enum MesherySupport {
    static func meshery(_ name: String) -> String {
        KubeSupport.fixtures.appendingPathComponent("meshery/\(name)").path
    }

    static var fixtures: [String] {
        let dir = KubeSupport.fixtures.appendingPathComponent("meshery").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    static func load(_ name: String) throws -> (Design, [KubeIssue]) { try KubeImport.read(paths: [meshery(name)]) }

    /// Where the canvas draws each component (top-left cells), as `hops export` passes it.
    static func layout(_ d: Design) -> [String: Position] {
        DesignLayout.rects(d, catalog: KubeSupport.catalog).mapValues { Position(x: $0.x, y: $0.y) }
    }

    static func export(_ d: Design) -> (JSONValue, [String]) {
        MesheryExport.document(of: d, id: MesheryExport.keptID(d) ?? MesheryExport.derivedID(d), layout: layout(d))
    }

    /// Reads an exported document back the way `hops import` reads a file.
    static func reimport(_ json: JSONValue, name: String = "exported.json") throws -> (Design, [KubeIssue]) {
        try KubeImport.design(named: "exported", from: [(name, Data(JSONText.encode(json).utf8))])
    }

    /// `Kind name in Kind name` for each component, sorted.
    static func nesting(_ d: Design) -> [String] {
        d.components.map { c in
            let p = c.parent.flatMap { d.component($0) }.map { " in \($0.kind.rawValue) \($0.name)" } ?? ""
            return "\(c.kind.rawValue) \(c.name)\(p)"
        }.sorted()
    }

    /// `Kind name -kind-> Kind name` for each connection, sorted.
    static func arrows(_ d: Design) -> [String] {
        d.connections.map { k in
            let f = d.component(k.from).map { "\($0.kind.rawValue) \($0.name)" } ?? k.from
            let t = d.component(k.to).map { "\($0.kind.rawValue) \($0.name)" } ?? k.to
            return "\(f) -\(k.kind.rawValue)-> \(t)"
        }.sorted()
    }

    /// Top-left cell of every component: saved, else laid out.
    static func positions(_ d: Design) -> [String: Position] {
        var out = layout(d)
        for c in d.components { if let p = c.position { out[c.id] = p } }
        return out
    }

    static func object(_ v: JSONValue?) -> [String: JSONValue] { v?.object ?? [:] }
}
