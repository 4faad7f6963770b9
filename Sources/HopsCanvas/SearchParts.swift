// The two choices a search makes once, before its loop: where its states' words live, and what
// guides it. PathSearch's loop is generic over both, so each of the four loops the compiler
// makes has no branch on either, and keeps what they need in registers. (With the choices made
// per step, and the queue in arrays, a search ran 209 instructions per state it expanded at 1,000
// components; now 138, counted by callgrind.)

/// Where a search keeps its states' words (see `PathSearch.costBits`).
protocol StateStore {
    /// Where state `s`'s word is, claiming its place (with the highest cost) the first time.
    func place(_ s: Int) -> Int
    func word(at i: Int) -> UInt32
    func set(_ i: Int, _ word: UInt32)
}

/// A word for every state of the window, at the state's own index.
struct DenseStore: StateStore {
    let best: UnsafeMutablePointer<UInt32>
    @inline(__always) func place(_ s: Int) -> Int { s }
    @inline(__always) func word(at i: Int) -> UInt32 { best[i] }
    @inline(__always) func set(_ i: Int, _ word: UInt32) { best[i] = word }
}

/// The table of a search on a budget (see SparseStates), with its numbers in locals.
struct SparseStore: StateStore {
    let entries: UnsafeMutablePointer<SparseStates.Entry>
    let mask: Int
    let cellBits: Int
    let stamp: UInt32

    /// An entry whose stamp is not the search's is free (see SparseStates).
    @inline(__always) func place(_ s: Int) -> Int {
        let key = UInt32(truncatingIfNeeded: s)
        let cell = UInt64(truncatingIfNeeded: s >> 2) &* 0x9E37_79B9_7F4A_7C15
        var h = Int(truncatingIfNeeded: cell >> UInt64(64 &- cellBits)) << 2 | s & 3
        while true {
            let e = entries[h]
            if e.word >> PathSearch.stampShift != stamp {
                entries[h] = SparseStates.Entry(word: stamp << PathSearch.stampShift | PathSearch.costMask, state: key)
                return h
            }
            if e.state == key { return h }
            h = (h &+ 1) & mask
        }
    }
    @inline(__always) func word(at i: Int) -> UInt32 { entries[i].word }
    @inline(__always) func set(_ i: Int, _ word: UInt32) { entries[i].word = word }
}

/// Which cells a search may enter and what it estimates is left from one (window coordinates).
protocol SearchGuide {
    func allows(_ x: Int, _ y: Int) -> Bool
    func estimate(_ x: Int, _ y: Int) -> Int32
}

/// Anywhere in the window, the distance to the goal as the crow flies (in rows and columns).
struct StraightGuide: SearchGuide {
    let gx: Int, gy: Int
    let weight: Int32
    @inline(__always) func allows(_ x: Int, _ y: Int) -> Bool { true }
    @inline(__always) func estimate(_ x: Int, _ y: Int) -> Int32 {
        weight &* Int32(truncatingIfNeeded: absolute(gx &- x) &+ absolute(gy &- y))
    }
}

/// Only the corridor's blocks (marks are per block of the coarse map), and the distance along
/// the corridor where it is the longer: the straight line misleads wherever the corridor turns.
struct CorridorGuide: SearchGuide {
    let gx: Int, gy: Int
    let weight: Int32
    let marks: UnsafeBufferPointer<UInt32>
    let mark: UInt32
    let distance: UnsafeBufferPointer<Int32>
    /// Blocks in a row of the coarse map, and the window's corner in the map.
    let blockColumns: Int, ox: Int, oy: Int

    @inline(__always) private func block(_ x: Int, _ y: Int) -> Int {
        ((y &+ oy) >> CoarseMap.shift) &* blockColumns &+ ((x &+ ox) >> CoarseMap.shift)
    }
    @inline(__always) func allows(_ x: Int, _ y: Int) -> Bool { marks[block(x, y)] == mark }
    @inline(__always) func estimate(_ x: Int, _ y: Int) -> Int32 {
        let straight = Int32(truncatingIfNeeded: absolute(gx &- x) &+ absolute(gy &- y))
        let along = (distance[block(x, y)] &- 1) &* Int32(CoarseMap.size)
        return weight &* max(straight, along)
    }
}

/// `abs` without its overflow check (a window's coordinates are far from Int.min).
@inline(__always) private func absolute(_ d: Int) -> Int { d < 0 ? 0 &- d : d }
