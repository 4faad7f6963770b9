/// A small seeded generator (a linear congruential one): the same seed gives the same
/// sequence everywhere, so a failing random test replays exactly.
struct SeededRandom {
    var state: UInt64
    init(state: UInt64) { self.state = state }
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(max(1, bound)))
    }
}
