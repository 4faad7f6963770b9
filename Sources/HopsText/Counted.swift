/// A count with its noun in the right number: "1 component", "3 components", "0 replicas".
/// `many` is for nouns whose plural is not the singular with an "s".
public func counted(_ n: Int, _ one: String, _ many: String? = nil) -> String {
    "\(n) \(n == 1 ? one : many ?? one + "s")"
}

/// Items as a sentence says them: "a", "a and b", "a, b and c".
public func listed(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
}
