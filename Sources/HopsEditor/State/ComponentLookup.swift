import HopsDesign

/// Finds a component by id without scanning the design: the panel looked up the selection and
/// each of its neighbours with a scan of every component, a third of a frame at 10,000
/// components. A hit is checked against the design it is asked about and a miss scans and
/// rebuilds the index, so an answer is never stale whatever changed since.
final class ComponentLookup {
    private var index: [String: Int] = [:]

    func component(_ id: String, in design: Design) -> Component? {
        index(of: id, in: design).map { design.components[$0] }
    }

    /// Where the component is in the design's list (the first of equal ids, as Design.index).
    func index(of id: String, in design: Design) -> Int? {
        let components = design.components
        if let i = index[id], i < components.count, components[i].id == id { return i }
        guard let i = design.index(of: id) else { return nil }
        index = [:]
        index.reserveCapacity(components.count)
        for (k, c) in components.enumerated().reversed() { index[c.id] = k }
        return i
    }
}

/// The connections at a component, without scanning the design: the panel went over all of a
/// big design's connections in every frame to find the selection's (30,000 string comparisons
/// at 10,000 components, a sixth of a frame). Rebuilt whenever the design's connections are
/// not the ones it indexed (the same array, as after a move, is recognised at once).
final class ConnectionLookup {
    private var indexed: [Connection] = []
    private var byEnd: [String: [Int]] = [:]

    /// Indices of the connections from or to `id`, in the design's order, each once.
    func touching(_ id: String, in design: Design) -> [Int] {
        if design.connections != indexed {
            indexed = design.connections
            byEnd = [:]
            for (i, k) in indexed.enumerated() {
                byEnd[k.from, default: []].append(i)
                if k.to != k.from { byEnd[k.to, default: []].append(i) }
            }
        }
        return byEnd[id] ?? []
    }
}
