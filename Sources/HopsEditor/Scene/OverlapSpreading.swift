import HopsCanvas
import HopsDesign

/// Moves apart boxes whose saved positions make them overlap, as positions scaled from another
/// tool's pixels do (Kanvas draws small icons close together; Hops draws boxes with text). The
/// later of two overlapping siblings moves right or down, whichever is the shorter way out,
/// with what it holds; the rest of the picture keeps its shape.
public enum OverlapSpreading {
    /// Free cells kept between two boxes that were overlapping.
    static let gap = (columns: 2, rows: 1)

    /// The design with overlapping sibling boxes moved apart. Each round moves one box and lays
    /// the design out again (a moved child can grow its parent); it stops when nothing overlaps,
    /// after at most `maxRounds` rounds.
    public static func spread(_ design: Design, catalog: Catalog, maxRounds: Int = 500) -> Design {
        var d = design
        for _ in 0..<maxRounds {
            let rects = DesignLayout.rects(d, catalog: catalog)
            guard let (id, dx, dy) = firstMove(d, rects: rects) else { break }
            for moved in [id] + d.descendants(of: id) {
                guard let i = d.index(of: moved), d.components[i].position != nil else { continue }
                d.components[i].position!.x = min(Limits.maxCoordinate, d.components[i].position!.x + dx)
                d.components[i].position!.y = min(Limits.maxCoordinate, d.components[i].position!.y + dy)
            }
        }
        return d
    }

    /// The first box (in design order) overlapping an earlier sibling, and how far it moves.
    private static func firstMove(_ d: Design, rects: [String: Rect]) -> (String, Int, Int)? {
        var groups: [String: [Component]] = [:]
        for c in d.components where c.position != nil { groups[c.parent ?? "", default: []].append(c) }
        for (_, members) in groups.sorted(by: { $0.key < $1.key }) {
            for (j, b) in members.enumerated() {
                guard let rb = rects[b.id] else { continue }
                for a in members[..<j] {
                    guard let ra = rects[a.id] else { continue }
                    let padded = Rect(x: ra.x, y: ra.y, width: ra.width + gap.columns, height: ra.height + gap.rows)
                    guard padded.intersects(rb) else { continue }
                    let right = ra.maxX + 1 + gap.columns - rb.x
                    let down = ra.maxY + 1 + gap.rows - rb.y
                    // A row is about twice as tall as a column is wide: compare the distances on screen.
                    return right <= down * 2 ? (b.id, right, 0) : (b.id, 0, down)
                }
            }
        }
        return nil
    }
}
