#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Where PathSearch keeps what it works on: its states (a word per state of the window, or a
// small table for a search on a budget), how a window's cells map to them, and its open list.

/// Where a window's cells sit in the search's memory: in tiles of 16 by 16 cells, each tile's
/// states one 4 KB page, so that a line searched down or across the canvas touches a new page
/// every 16 cells rather than every row. Tiles per row are a power of two: a cell's place and
/// back are shifts and masks.
struct TiledCells {
    static let side = 16, sideShift = 4
    let tileShift: Int
    let tileRows: Int, tileColumns: Int
    init(_ size: Size) {
        tileColumns = (size.width + TiledCells.side - 1) >> TiledCells.sideShift
        tileShift = PathSearch.rowShift(tileColumns)
        tileRows = (size.height + TiledCells.side - 1) >> TiledCells.sideShift
    }
    var count: Int { tileRows << (tileShift + 2 * TiledCells.sideShift) }
    // Below, 4 is sideShift, 8 twice it (a tile's cells) and 15 side - 1, written out: this is
    // the innermost arithmetic of the search. Masking shifts (&<<, &>>): the shift by a
    // variable amount was range-checked at each use.
    @inline(__always) func index(_ x: Int, _ y: Int) -> Int {
        (y &>> 4) &<< (tileShift &+ 8) | (x &>> 4) &<< 8 | (y & 15) &<< 4 | (x & 15)
    }
    @inline(__always) func x(_ c: Int) -> Int { (c &>> 8 & ((1 &<< tileShift) &- 1)) &<< 4 | c & 15 }
    @inline(__always) func y(_ c: Int) -> Int { (c &>> (tileShift &+ 8)) &<< 4 | (c &>> 4 & 15) }
}

/// The per-state memory of the search: the best cost so far with the search's stamp and the
/// way back (`best`). Zeroed memory straight from the system: the kernel hands
/// out zero pages only when touched, so a big window costs only the part a search explores,
/// in time and in resident memory.
final class SearchScratch {
    /// Per state: see `PathSearch.costBits`. One word, so that checking a neighbour costs one
    /// memory access, and a small one: most of the search's time goes to waiting for these words.
    let best: UnsafeMutablePointer<UInt32>
    let capacity: Int
    /// Where states may hold stamps: for each row stride of tiles, the most tile rows and tile
    /// columns a window searched since the last clear had (the tiles right of a window in its
    /// rows are never touched: zeroing them would make untouched pages resident).
    private var used: [Int: (rows: Int, columns: Int)] = [:]

    init(capacity: Int) {
        self.capacity = capacity
        let n = max(1, capacity)
        best = calloc(n, MemoryLayout<UInt32>.stride)!.bindMemory(to: UInt32.self, capacity: n)
    }

    func use(_ tiles: TiledCells) {
        let was = used[tiles.tileShift] ?? (0, 0)
        used[tiles.tileShift] = (max(was.rows, tiles.tileRows), max(was.columns, tiles.tileColumns))
    }

    /// Forgets every stamp.
    func clear() {
        let tileStates = 4 << (2 * TiledCells.sideShift)
        for (shift, extent) in used {
            for row in 0..<extent.rows {
                (best + (row << shift) * tileStates).update(repeating: 0, count: extent.columns * tileStates)
            }
        }
        used = [:]
    }

    deinit {
        free(best)
    }
}

/// The states of a search on a budget, in an open-addressing table just big enough for it: a
/// budget of a few states per cell of distance touches a thin band across a window that may
/// span the canvas, and in a word per state of the window every one of them was a cache miss
/// (and two threads each kept their own hundred megabytes). An entry is the state's word (see
/// PathSearch) beside the state it is for, one load for both; an entry whose stamp is not the
/// search's is free, so a new search starts with an empty table without clearing it. A cell's
/// four states sit side by side (a search often reaches a cell from more than one side).
final class SparseStates {
    struct Entry {
        var word: UInt32
        var state: UInt32
    }
    private(set) var entries: UnsafeMutablePointer<Entry>
    private var capacity = 0
    private var mask = 0, cellBits = 0

    init() {
        entries = .allocate(capacity: 1)
    }

    /// Starts a search that will hold at most `states` states: the table is at least twice
    /// that, so probes stay short.
    func begin(states: Int) {
        let bits = max(6, Int.bitWidth - (2 * states - 1).leadingZeroBitCount)
        let size = 1 << bits
        if size > capacity {
            entries.deallocate()
            entries = .allocate(capacity: size)
            capacity = size
            clear()
        }
        mask = size - 1
        cellBits = bits - 2
    }

    /// Frees every entry: after the stamps wrap, an old entry could carry the new stamp.
    func clear() {
        entries.update(repeating: Entry(word: 0, state: 0), count: capacity)
    }

    /// The table as the search stamped `stamp` uses it (see SparseStore.place).
    func store(stamp: UInt32) -> SparseStore {
        SparseStore(entries: entries, mask: mask, cellBits: cellBits, stamp: stamp)
    }

    deinit {
        entries.deallocate()
    }
}

/// A priority queue for small non-negative integer priorities: one LIFO list per priority,
/// threaded through a shared pool so that a search allocates nothing once warmed up. The
/// priorities of weighted A* may step down a little, so the lowest non-empty list is tracked
/// both ways. A class over memory it manages itself: as arrays, every push asked whether they
/// were uniquely referenced (twice), and a search pushes two or three states per state expanded.
final class BucketQueue {
    /// A queued state, what its search carries with it (see PathSearch's lazy searches), and
    /// the entry queued before it at the same priority.
    private struct Node {
        var next: Int32
        var state: Int32
        var carried: UInt32
    }
    /// Per priority: the last entry queued at it, or -1.
    private var head: UnsafeMutablePointer<Int32>
    private var priorities = 0
    private var pool: UnsafeMutablePointer<Node>
    private var used = 0, capacity = 0
    private var lowest = Int.max
    private var highest = -1

    init() {
        head = .allocate(capacity: 1)
        pool = .allocate(capacity: 1)
    }

    deinit {
        head.deallocate()
        pool.deallocate()
    }

    func reset() {
        if lowest <= highest { for f in lowest...min(highest, priorities - 1) { head[f] = -1 } }
        used = 0
        lowest = Int.max
        highest = -1
    }

    @inline(__always) func push(state: Int32, f: Int32, carried: UInt32 = 0) {
        let b = Int(f)
        if b >= priorities { growPriorities(to: b + 1) }
        if used == capacity { growPool() }
        pool[used] = Node(next: head[b], state: state, carried: carried)
        head[b] = Int32(truncatingIfNeeded: used)
        used &+= 1
        if b < lowest { lowest = b }
        if b > highest { highest = b }
    }

    @inline(__always) func pop() -> (state: Int32, f: Int32, carried: UInt32)? {
        while lowest <= highest {
            let e = head[lowest]
            if e >= 0 {
                let node = pool[Int(e)]
                head[lowest] = node.next
                return (node.state, Int32(truncatingIfNeeded: lowest), node.carried)
            }
            lowest &+= 1
        }
        return nil
    }

    /// At least doubles the priorities there are lists for, the new ones empty.
    private func growPriorities(to n: Int) {
        let count = max(n, 2 * priorities, 64)
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        grown.update(from: head, count: priorities)
        (grown + priorities).initialize(repeating: -1, count: count - priorities)
        head.deallocate()
        head = grown
        priorities = count
    }

    private func growPool() {
        let count = max(2 * capacity, 1024)
        let grown = UnsafeMutablePointer<Node>.allocate(capacity: count)
        grown.update(from: pool, count: used)
        pool.deallocate()
        pool = grown
        capacity = count
    }
}
