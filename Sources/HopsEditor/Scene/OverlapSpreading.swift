import HopsCanvas
import HopsDesign

/// Moves apart boxes whose saved positions make them overlap, as positions scaled from another
/// tool's pixels do (Kanvas draws small icons close together; Hops draws boxes with text). The
/// later of two overlapping siblings moves right or down, whichever is the shorter way out,
/// with what it holds; the rest of the picture keeps its shape.
public enum OverlapSpreading {
    /// Free cells kept between two boxes that were overlapping.
    static let gap = (columns: 2, rows: 1)

    /// The design with overlapping sibling boxes moved apart. Each round moves one box; the
    /// design is laid out again after it (a moved child can grow its parent). It stops when
    /// nothing overlaps, after at most `maxRounds` rounds.
    ///
    /// `exact` lays the whole design out after every move. Without it, a top-level box's move
    /// shifts only its own rectangles and those of what it holds, which is what laying out again
    /// gives (nothing else moves but boxes without a saved position, which keep their siblings'
    /// distances), and the search for the next overlap goes on where it was: spreading 2,000
    /// boxes imported from Kanvas took 29 s the exact way. (A test holds the two to the same result.)
    public static func spread(_ design: Design, catalog: Catalog, maxRounds: Int = 500, exact: Bool = false) -> Design {
        var spreader = Spreader(design, catalog: catalog)
        spreader.run(maxRounds: maxRounds, exact: exact)
        return spreader.design
    }
}

/// One spreading, with what it keeps between rounds (see `OverlapSpreading.spread`).
private struct Spreader {
    private(set) var design: Design
    private var plan: DesignLayout.Plan
    private var rects: [Rect]
    /// Boxes with a saved position, by parent (top level first, then by the parent's id),
    /// each group in design order: only siblings are kept apart.
    private let groups: [[Int]]
    private let children: [[Int]]
    /// Where the search for the next overlap stands (see `nextMove`).
    private var group = 0, member = 0
    private var earlier = Buckets()

    init(_ design: Design, catalog: Catalog) {
        self.design = design
        plan = DesignLayout.Plan(design, catalog: catalog)
        rects = plan.rects()
        var byParent: [String: [Int]] = [:]
        var index: [String: Int] = [:]
        for (i, c) in design.components.enumerated() where index[c.id] == nil { index[c.id] = i }
        var children = Array(repeating: [Int](), count: design.components.count)
        for (i, c) in design.components.enumerated() {
            if let p = c.parent, let pi = index[p] { children[pi].append(i) }
            if c.position != nil { byParent[c.parent ?? "", default: []].append(i) }
        }
        groups = byParent.sorted { $0.key < $1.key }.map(\.value)
        self.children = children
    }

    mutating func run(maxRounds: Int, exact: Bool) {
        for _ in 0..<maxRounds {
            guard let (b, dx, dy) = nextMove() else { return }
            let old = rects[b].origin
            let uniform = move(b, dx: dx, dy: dy)
            if !exact, design.components[b].parent == nil, uniform, let p = design.components[b].position {
                // As laying out again places a top-level box: at its position, kept off negative
                // coordinates; what it holds keeps its place inside it.
                let shift = Point(x: max(0, p.x) - old.x, y: max(0, p.y) - old.y)
                for i in subtree(b) { rects[i].origin = rects[i].origin + shift }
            } else {
                rects = plan.rects()
                (group, member, earlier) = (0, 0, Buckets())
            }
        }
    }

    /// The first box (top level first, then in design order) overlapping an earlier sibling, and
    /// how far it moves. The search resumes where the last one stopped: the boxes before that
    /// are apart and, while moves only shift top-level boxes, stay where they were.
    private mutating func nextMove() -> (Int, Int, Int)? {
        while group < groups.count {
            let members = groups[group]
            while member < members.count {
                let b = members[member], rb = rects[b]
                if let a = earlier.first(meeting: rb) {
                    let ra = rects[a]
                    let right = ra.maxX + 1 + OverlapSpreading.gap.columns - rb.x
                    let down = ra.maxY + 1 + OverlapSpreading.gap.rows - rb.y
                    // A row is about twice as tall as a column is wide: compare the distances on screen.
                    return right <= down * 2 ? (b, right, 0) : (b, 0, down)
                }
                earlier.insert(b, padded(rb), order: member)
                member += 1
            }
            (group, member, earlier) = (group + 1, 0, Buckets())
        }
        return nil
    }

    private func padded(_ r: Rect) -> Rect {
        let gap = OverlapSpreading.gap
        return Rect(x: r.x, y: r.y, width: r.width + gap.columns, height: r.height + gap.rows)
    }

    /// Moves a box and everything it holds; false when a position stopped at the canvas's limit,
    /// so the box's children no longer keep their places inside it.
    private mutating func move(_ b: Int, dx: Int, dy: Int) -> Bool {
        var uniform = true
        for i in subtree(b) {
            guard var p = design.components[i].position else { continue }
            let want = (p.x + dx, p.y + dy)
            p.x = min(Limits.maxCoordinate, want.0)
            p.y = min(Limits.maxCoordinate, want.1)
            if (p.x, p.y) != want { uniform = false }
            design.components[i].position = p
            plan.nodes[i].fixed = Point(x: p.x, y: p.y)
        }
        return uniform
    }

    /// A box and its descendants, each once.
    private func subtree(_ b: Int) -> [Int] {
        var out = [b], seen: Set<Int> = [b], k = 0
        while k < out.count {
            for c in children[out[k]] where seen.insert(c).inserted { out.append(c) }
            k += 1
        }
        return out
    }
}

/// The padded rectangles of the siblings already looked at, in buckets of 16 by 8 cells, so
/// that finding the first one a box meets looks only near it.
private struct Buckets {
    private struct Cell: Hashable { let x: Int, y: Int }
    private var cells: [Cell: [(order: Int, box: Int, rect: Rect)]] = [:]

    private static func span(_ r: Rect) -> (ClosedRange<Int>, ClosedRange<Int>) {
        // (Arithmetic shifts round down, also for negative coordinates.)
        ((r.x >> 4)...(r.maxX >> 4), (r.y >> 3)...(r.maxY >> 3))
    }

    mutating func insert(_ box: Int, _ rect: Rect, order: Int) {
        let (xs, ys) = Buckets.span(rect)
        for y in ys { for x in xs { cells[Cell(x: x, y: y), default: []].append((order, box, rect)) } }
    }

    /// The earliest (in design order) box whose padded rectangle meets `r`.
    func first(meeting r: Rect) -> Int? {
        var best: (order: Int, box: Int)? = nil
        let (xs, ys) = Buckets.span(r)
        for y in ys {
            for x in xs {
                for e in cells[Cell(x: x, y: y)] ?? [] where e.rect.intersects(r) && e.order < (best?.order ?? .max) {
                    best = (e.order, e.box)
                }
            }
        }
        return best?.box
    }
}
