import HopsDesign

/// An Ingress's rules as one line of text: `HOSTPATH=SERVICE[:PORT]`, separated by commas, such
/// as `/=web, /api=api:80` or `shop.example.com/=web`. A rule without a host matches any host.
/// What the line does not show (a rule's pathType, a port name) stays as it was for the same
/// host and path.
extension PropertyField {
    static let ingressRules = PropertyField(
        label: "rules",
        read: { c in
            (c.properties["rules"]?.array ?? []).compactMap(\.object).map(IngressRuleText.format).joined(
                separator: ", ")
        }
    ) { c, t in
        let old = (c.properties["rules"]?.array ?? []).compactMap(\.object)
        var rules: [JSONValue] = []
        for part in t.split(separator: ",").map({ String($0).trimmed }) where !part.isEmpty {
            guard let rule = IngressRuleText.parse(part, keeping: old) else { return IngressRuleText.usage }
            rules.append(.object(rule))
        }
        c.properties["rules"] = .array(rules)
        return nil
    }
}

enum IngressRuleText {
    static let usage = "write rules as PATH=SERVICE or HOST/PATH=SERVICE:PORT, separated by commas (/=web, /api=api)"

    static func format(_ r: [String: JSONValue]) -> String {
        let port = r["port"]?.int.map { ":\($0)" } ?? r["portName"]?.string.map { ":\($0)" } ?? ""
        return (r["host"]?.string ?? "") + (r["path"]?.string ?? "/") + "=" + (r["service"]?.string ?? "") + port
    }

    /// One rule; nil when it is not `[HOST]/PATH=SERVICE[:PORT]` or a part is not a valid name.
    static func parse(_ text: String, keeping old: [[String: JSONValue]]) -> [String: JSONValue]? {
        let sides = text.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
        guard sides.count == 2, !sides[0].contains(" "), !sides[1].contains(" ") else { return nil }
        let slash = sides[0].firstIndex(of: "/")
        let host = String(sides[0][..<(slash ?? sides[0].endIndex)])
        let path = slash.map { String(sides[0][$0...]) } ?? "/"
        let target = sides[1].split(separator: ":", maxSplits: 1).map(String.init)
        guard let service = target.first, !service.isEmpty, Validation.textProblem(service) == nil,
            host.isEmpty || Validation.textProblem(host) == nil, Validation.textProblem(path) == nil
        else { return nil }
        var rule = old.first { ($0["host"]?.string ?? "") == host && ($0["path"]?.string ?? "/") == path } ?? [:]
        rule["host"] = host.isEmpty ? nil : .string(host)
        rule["path"] = .string(path)
        rule["service"] = .string(service)
        rule["port"] = nil
        rule["portName"] = nil
        if target.count == 2 {
            if let n = Int(target[1]) {
                guard (1...65535).contains(n) else { return nil }
                rule["port"] = .integer(n)
            } else {
                guard !target[1].isEmpty, Validation.textProblem(target[1]) == nil else { return nil }
                rule["portName"] = .string(target[1])
            }
        }
        return rule
    }
}
