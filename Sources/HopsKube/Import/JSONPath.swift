import HopsDesign

/// Reading and editing nested JSON objects by a path of keys, as the import strips modelled
/// fields out of an object and the export puts them back.
extension Dictionary where Key == String, Value == JSONValue {
    /// The value at `path`, nil when any step is missing or not an object.
    func value(at path: [String]) -> JSONValue? {
        guard let first = path.first else { return .object(self) }
        guard let v = self[first] else { return nil }
        if path.count == 1 { return v }
        return v.object?.value(at: Array(path.dropFirst()))
    }

    /// Sets (or with nil removes) the value at `path`, creating objects on the way. Removing
    /// also removes the objects that became empty because of it, so a stripped field leaves
    /// no `{}` behind.
    mutating func set(_ value: JSONValue?, at path: [String]) {
        guard let first = path.first else { return }
        if path.count == 1 { self[first] = value; return }
        var inner = self[first]?.object ?? [:]
        if value == nil, self[first]?.object == nil { return }
        inner.set(value, at: Array(path.dropFirst()))
        if value == nil && inner.isEmpty { self[first] = nil } else { self[first] = .object(inner) }
    }

    /// The object at `path`, or empty.
    func object(at path: [String]) -> [String: JSONValue] { value(at: path)?.object ?? [:] }
    /// The string at `path`, nil when absent or not a string.
    func string(at path: [String]) -> String? { value(at: path)?.string }
}

extension JSONValue {
    /// A map of strings (labels, selectors); nil when it is not an object of strings.
    var stringMap: [String: String]? {
        guard let o = object else { return nil }
        var out: [String: String] = [:]
        for (k, v) in o {
            guard let s = v.string else { return nil }
            out[k] = s
        }
        return out
    }

    static func strings(_ map: [String: String]) -> JSONValue { .object(map.mapValues { .string($0) }) }
}
