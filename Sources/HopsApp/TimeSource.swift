import Glibc

/// Where the run loop reads the time: a monotonic clock in production, a hand-turned one in
/// tests, so that ticks, recovery copies and file watching replay exactly.
public protocol TimeSource: AnyObject {
    /// Milliseconds since an arbitrary start; never goes back.
    var milliseconds: Int64 { get }
}

public final class MonotonicTime: TimeSource {
    public init() {}
    public var milliseconds: Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

public final class ManualClock: TimeSource {
    public var milliseconds: Int64 = 0
    public init() {}
    public func advance(_ ms: Int64) { milliseconds += ms }
}
