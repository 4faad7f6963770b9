/// A Service address written in an environment value: `name:port`, `name.namespace`,
/// `name.namespace.svc[.cluster.local]`, `http://name:port/path`. Several may be listed,
/// separated by commas or spaces.
struct EnvAddress: Equatable {
    var name: String
    var namespace: String?
    var port: Int?
    /// True when the form can only be a Service address (a port, a scheme, or `.svc`), so a
    /// Service missing from the input is worth a warning; `a.b` alone may be any host name.
    var certain: Bool

    static func all(in value: String) -> [EnvAddress] {
        value.split { $0 == "," || $0 == " " || $0 == ";" }.compactMap { parse(String($0)) }
    }

    static func parse(_ token: String) -> EnvAddress? {
        var s = Substring(token)
        var scheme = false
        if let r = s.range(of: "://") { s = s[r.upperBound...]; scheme = true }
        if let at = s.lastIndex(of: "@") { s = s[s.index(after: at)...] }
        if let end = s.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { s = s[..<end] }
        var port: Int?
        if let colon = s.lastIndex(of: ":") {
            let digits = s[s.index(after: colon)...]
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy(\.isASCII), let n = Int(digits),
                  n > 0, n < 65536 else { return nil }
            port = n
            s = s[..<colon]
        }
        let labels = s.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.allSatisfy(isLabel) else { return nil }
        switch labels.count {
        case 1:
            guard port != nil || scheme, labels[0] != "localhost" else { return nil }
            return EnvAddress(name: labels[0], namespace: nil, port: port, certain: true)
        case 2:
            return EnvAddress(name: labels[0], namespace: labels[1], port: port, certain: false)
        case 3 where labels[2] == "svc", 5 where labels[2...] == ["svc", "cluster", "local"]:
            return EnvAddress(name: labels[0], namespace: labels[1], port: port, certain: true)
        default:
            return nil
        }
    }

    /// A DNS-1035 label, as Service names are: a lowercase letter first, then letters, digits
    /// and dashes, not ending in a dash, at most 63 characters.
    static func isLabel(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last, s.unicodeScalars.count <= 63,
              ("a"..."z").contains(first), last != "-" else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
