/// The whole story of one request: the hops out, and either the hops back (success) or a last
/// failed hop with the reason. A value, so the editor can keep it and replay it step by step.
public struct Trace: Equatable, Sendable {
    /// The component the request started from.
    public var source: String
    /// Request hops in order, then (on success) the response hops in reverse order.
    public var hops: [Hop]
    public var succeeded: Bool
    /// Why the request stopped and what to change, the same words as the failed hop's narration.
    public var failure: String?
    /// When the request went round in a circle: the components of the circle, from where it
    /// first entered it (the check reports one circle once, whichever entry found it).
    public var loop: [String]?

    public init(source: String, hops: [Hop], succeeded: Bool, failure: String? = nil, loop: [String]? = nil) {
        self.source = source; self.hops = hops; self.succeeded = succeeded; self.failure = failure; self.loop = loop
    }

    /// The request hops only (the way out).
    public var requestHops: [Hop] { hops.filter { $0.direction == .request } }
    /// The response hops only (the way back); empty when the request failed.
    public var responseHops: [Hop] { hops.filter { $0.direction == .response } }
}
