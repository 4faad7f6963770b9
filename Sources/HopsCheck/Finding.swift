import HopsDesign

/// One thing wrong with a design. An error means a request fails or a cluster would reject the
/// object; a warning means it works in the drawing but would not in a real cluster.
public struct Finding: Equatable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }
    public var severity: Severity
    /// The component the finding is about, nil for the design as a whole.
    public var component: String?
    /// One sentence: what is wrong, and what to do about it.
    public var message: String
    /// The rule that found it, for scripts (`selector-mismatch`, `request-fails`...).
    public var rule: String

    public init(_ severity: Severity, _ rule: String, component: String?, _ message: String) {
        self.severity = severity; self.rule = rule; self.component = component; self.message = message
    }
}
