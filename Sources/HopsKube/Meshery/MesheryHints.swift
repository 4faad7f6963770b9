import HopsDesign

/// What Hops writes under the design's `metadata.hops` (Meshery keeps a design's metadata as
/// it is) so that a design taken to Kanvas and back comes back the same: the Hops id and kind
/// behind each Meshery id, the Pod template folded into a workload, saved sizes, and the data
/// of what is not Kubernetes (Users, Notes, boxes). Meshery's own fields stay the truth: a
/// hint only fills in what they cannot say, so what was changed in Kanvas wins.
struct MesheryHints {
    /// Per Meshery component id.
    var components: [String: [String: JSONValue]] = [:]
    /// Per Meshery relationship id.
    var connections: [String: [String: JSONValue]] = [:]

    static let key = "hops"

    init() {}

    init?(_ metadata: JSONValue?) {
        guard let o = metadata?.object?[Self.key]?.object else { return nil }
        for (k, v) in o["components"]?.object ?? [:] { if let h = v.object { components[k] = h } }
        for (k, v) in o["connections"]?.object ?? [:] { if let h = v.object { connections[k] = h } }
    }

    var json: JSONValue {
        .object([
            "format": .string("hops/v1"),
            "components": .object(components.mapValues(JSONValue.object)),
            "connections": .object(connections.mapValues(JSONValue.object)),
        ])
    }
}

/// Cells and Kanvas pixels. A terminal cell is about twice as tall as it is wide, so a row is
/// twice as many pixels as a column; 4 pixels a column puts boxes drawn side by side in Hops
/// about as far apart in Kanvas as its own nodes (24 to 40 pixels wide) usually are. Whole
/// cells map to whole pixels, so a design exported and imported again keeps its positions.
enum PixelScale {
    static let pixelsPerColumn = 4.0
    static let pixelsPerRow = 8.0

    static func pixels(_ p: Position) -> (x: Double, y: Double) {
        (Double(p.x) * pixelsPerColumn, Double(p.y) * pixelsPerRow)
    }

    /// The cell for a pixel position, clamped to the coordinates a design may hold.
    static func cells(x: Double, y: Double) -> Position {
        func clamp(_ v: Double) -> Int {
            guard v.isFinite else { return 0 }
            return Int(max(Double(-Limits.maxCoordinate), min(Double(Limits.maxCoordinate), v.rounded())))
        }
        return Position(x: clamp(x / pixelsPerColumn), y: clamp(y / pixelsPerRow))
    }
}
