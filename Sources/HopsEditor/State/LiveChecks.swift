import HopsCheck
import HopsDesign

/// The check engine's findings for the design on screen, worked out again only when the design
/// changed since the last time they were asked for.
final class FindingsCache {
    var design: Design?
    var findings: [Finding] = []
}

extension Editor {
    /// Above this many components the panel leaves the checks to `hops check`: tracing from
    /// every Service on every edit would make editing a big design slow.
    static let liveCheckLimit = 2000

    func findings() -> [Finding] {
        guard design.components.count <= Editor.liveCheckLimit else { return [] }
        if findingsCache.design != design {
            findingsCache.findings = CheckEngine.findings(in: design, catalog: catalog)
            findingsCache.design = design
        }
        return findingsCache.findings
    }
}
