/// A count with its noun in the right number: "1 component", "3 components", "0 replicas".
/// `many` is for nouns whose plural is not the singular with an "s".
public func counted(_ n: Int, _ one: String, _ many: String? = nil) -> String {
    "\(n) \(n == 1 ? one : many ?? one + "s")"
}
