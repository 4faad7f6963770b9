import HopsCanvas
import HopsDesign
import HopsFlow

/// The request player: packets travelling hop by hop along the drawn arrows. Pure state; time
/// comes in through `advance(ms:)`, so a test can replay an animation cell by cell.
public struct Player: Equatable, Sendable {
    /// One request in flight.
    public struct Packet: Equatable, Sendable {
        public var trace: Trace
        /// The hop the packet is on (0-based).
        public var hop: Int
        /// Cells travelled along the current hop's path.
        public var cell: Int
        /// Milliseconds not yet turned into a whole cell.
        var carry: Int = 0
        /// True once the packet has reached the end of its last hop.
        public var finished: Bool = false
        /// What the cluster remembered before this request (round robin, replicas down), so the
        /// same request can be traced again after an edit.
        var stateBefore = FlowState()
        /// True when the request went on the connection an earlier one opened (keep-alive).
        var sameConnection = false

        public var current: Hop? { trace.hops.indices.contains(hop) ? trace.hops[hop] : nil }
    }

    public var source: String
    /// The path every request of this player asks for (what an Ingress routes by); "/" by default.
    public internal(set) var path = "/"
    public internal(set) var packets: [Packet] = []
    public internal(set) var playing = false
    /// The packet the narration follows: the newest.
    public var focus: Packet? { packets.last }

    /// Cells per second.
    public static let speeds = [4, 8, 16, 32, 64]
    /// The index of the speed called "1x".
    public static let normalSpeed = 2

    public init(source: String) { self.source = source }

    mutating func launch(_ trace: Trace, stateBefore: FlowState = FlowState(), sameConnection: Bool = false) {
        // Finished packets leave the canvas when a new one starts; the focused one stays until then.
        packets.removeAll { $0.finished }
        packets.append(Packet(trace: trace, hop: 0, cell: 0, stateBefore: stateBefore, sameConnection: sameConnection))
    }

    /// The focused request traced again in a changed design: it keeps its place while the path
    /// up to there is the same, and otherwise goes back to where the path now differs.
    mutating func replaceFocus(_ trace: Trace) {
        guard var p = packets.popLast() else { return }
        let same = zip(p.trace.hops, trace.hops).prefix { $0.from == $1.from && $0.to == $1.to && $0.status == $1.status }.count
        if p.hop >= same { p.hop = max(0, min(same, trace.hops.count - 1)); p.cell = 0; p.carry = 0 }
        p.hop = min(p.hop, max(0, trace.hops.count - 1))
        p.finished = p.finished && p.hop == trace.hops.count - 1
        p.trace = trace
        packets.append(p)
    }

    /// Moves every packet on by the time passed. `pathLength` gives the number of cells of a hop's
    /// path (the hops of the packet's trace, and which of them). A packet stops at a failed hop's end and after its last hop. Returns true while
    /// something still moves.
    /// Moves the packets on by `ms` at `cellsPerSecond` (the editor's speed, kept from one
    /// request to the next).
    mutating func advance(ms: Int, cellsPerSecond: Int, pathLength: ([Hop], Int) -> Int) -> Bool {
        guard playing else { return false }
        var moving = false
        for i in packets.indices {
            var p = packets[i]
            guard !p.finished, let _ = p.current else { continue }
            p.carry += ms * cellsPerSecond
            var steps = p.carry / 1000
            p.carry %= 1000
            while steps > 0, let hop = p.current {
                let length = pathLength(p.trace.hops, p.hop)
                if p.cell < length - 1 {
                    let go = min(steps, length - 1 - p.cell)
                    p.cell += go; steps -= go
                } else if hop.status == .failed || p.hop == p.trace.hops.count - 1 {
                    p.finished = true; break
                } else {
                    p.hop += 1; p.cell = 0; steps -= 1
                }
            }
            if let hop = p.current, !(p.cell >= pathLength(p.trace.hops, p.hop) - 1 && (hop.status == .failed || p.hop == p.trace.hops.count - 1)) {
                moving = true
            } else {
                p.finished = true
            }
            packets[i] = p
        }
        if !moving { playing = false }
        return moving
    }

    /// The focused packet to the start of the next (or previous) hop.
    mutating func step(_ delta: Int) {
        guard var p = packets.popLast() else { return }
        let last = p.trace.hops.count - 1
        p.hop = max(0, min(last, p.hop + delta))
        p.cell = 0; p.carry = 0; p.finished = false
        packets.append(p)
    }
}
