import HopsDesign
import HopsFormats

/// A property as a condition compares it: a number in decimal, a string as it is, labels and
/// selectors as `key=value,key=value` sorted by key, anything else as compact JSON. A missing
/// `replicas` reads as 1 and a missing Service `type` as ClusterIP, as Kubernetes defaults them.
enum PropertyText {
    static func of(_ key: String, _ c: Component) -> String? {
        guard let v = c.properties[key] else {
            if key == "replicas" && c.kind.managesPods { return "1" }
            if key == "type" && c.kind == .service { return "ClusterIP" }
            return nil
        }
        if let n = v.int { return String(n) }
        if let s = v.string { return s }
        if let o = v.object, o.values.allSatisfy({ $0.string != nil || $0.int != nil }) {
            return formatLabels(o.mapValues { $0.string ?? $0.int.map(String.init) ?? "" })
        }
        return JSONText.encode(v).split(separator: "\n").map { String($0).trimmed }.joined()
    }

    /// The same value written another way (`app = web`, labels in another order) compares equal.
    static func same(_ have: String, _ want: String) -> Bool {
        if have == want { return true }
        if let a = parseLabels(have), let b = parseLabels(want), !a.isEmpty { return a == b }
        return false
    }
}
