import HopsCheck
import HopsDesign

/// The check engine's findings for the design on screen, worked out again only when the design
/// changed since the last time they were asked for.
final class FindingsCache {
    /// The design the findings were worked out for.
    var design: Design?
    var findings: [Finding] = []
    /// The design last asked about (perhaps moved since `design`).
    var lastSeen: Design?
}

extension Editor {
    /// Above this many components the panel leaves the checks to `hops check`: tracing from
    /// every Service on every edit would make editing a big design slow.
    static let liveCheckLimit = 2000

    func findings() -> [Finding] {
        guard design.components.count <= Editor.liveCheckLimit else { return [] }
        // Equal designs usually share their arrays, so this is the cheap comparison each frame.
        if findingsCache.lastSeen != design {
            if !(findingsCache.design.map { $0.sameExceptPlacement(design) } ?? false) {
                findingsCache.findings = CheckEngine.findings(in: design, catalog: catalog)
                findingsCache.design = design
            }
            findingsCache.lastSeen = design
        }
        return findingsCache.findings
    }
}

extension Design {
    /// Equal but perhaps for where boxes stand and how big they are, which no check reads: a
    /// move does not run the checks again (at 1,000 components they took 110 ms a key).
    func sameExceptPlacement(_ o: Design) -> Bool {
        guard name == o.name, connections == o.connections, extra == o.extra,
              components.count == o.components.count else { return false }
        return zip(components, o.components).allSatisfy { a, b in
            a.id == b.id && a.kind == b.kind && a.name == b.name && a.parent == b.parent
                && a.properties == b.properties && a.extra == b.extra
        }
    }
}
