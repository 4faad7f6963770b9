/// Builders and readers for JSON numbers that do not name the storage of `.number`, so code
/// written against them keeps compiling when numbers start keeping their literal text.
extension JSONValue {
    /// A whole number.
    public static func integer(_ n: Int) -> JSONValue { .number(Double(n)) }
    /// A number with a fraction (or too large for `Int`).
    public static func double(_ d: Double) -> JSONValue { .number(d) }
    /// The number as a `Double`, nil when the value is not a number.
    public var double: Double? { if case .number(let d) = self { return d }; return nil }
}
