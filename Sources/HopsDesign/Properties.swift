/// A port a container listens on.
public struct ContainerPort: Hashable, Sendable {
    public var name: String?
    public var containerPort: Int
    public init(name: String? = nil, containerPort: Int) { self.name = name; self.containerPort = containerPort }
}

/// A Service port: clients call `port`; the Service forwards to `targetPort` on the Pod,
/// a number or the name of a container port. Kubernetes defaults targetPort to port.
public struct ServicePort: Hashable, Sendable {
    public var name: String?
    public var port: Int
    public var targetPort: PortRef
    public init(name: String? = nil, port: Int, targetPort: PortRef? = nil) {
        self.name = name; self.port = port; self.targetPort = targetPort ?? .number(port)
    }
}

public enum PortRef: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case name(String)
    public var description: String {
        switch self { case .number(let n): "\(n)"; case .name(let s): s }
    }
}

/// One Ingress rule: requests for `host` (nil: any) whose path starts with `path` go to `service`.
public struct IngressRule: Hashable, Sendable {
    public var host: String?
    public var path: String
    public var service: String
    public var port: Int?
    /// `Exact` (the whole path), `Prefix` (whole segments) or `ImplementationSpecific` (read as
    /// Prefix here, as ingress-nginx does); nil reads as Prefix.
    public var pathType: String? = nil
}

/// Typed views of the JSON properties. Reading is lenient (a missing or mistyped property reads
/// as absent; `Validation` reports the mistypes); writing replaces the JSON value.
extension Component {
    public var replicas: Int? {
        get { properties["replicas"]?.int }
        set { properties["replicas"] = newValue.map { .integer($0) } }
    }
    public var image: String? {
        get { properties["image"]?.string }
        set { properties["image"] = newValue.map { .string($0) } }
    }
    /// A container's CPU request (`resources.requests.cpu`, "100m" or "0.5"), where an imported
    /// container keeps it and export writes it from: its kept manifest. The HPA's CPU target is a
    /// share of it.
    public var cpuRequest: String? {
        get {
            let v = properties["manifest"]?.object?["resources"]?.object?["requests"]?.object?["cpu"]
            if case .number(let n)? = v { return n.text }
            return v?.string
        }
        set {
            var manifest = properties["manifest"]?.object ?? [:]
            var resources = manifest["resources"]?.object ?? [:]
            var requests = resources["requests"]?.object ?? [:]
            requests["cpu"] = newValue.map { .string($0) }
            resources["requests"] = requests.isEmpty ? nil : .object(requests)
            manifest["resources"] = resources.isEmpty ? nil : .object(resources)
            properties["manifest"] = manifest.isEmpty ? nil : .object(manifest)
        }
    }

    /// True for a Kubernetes CPU quantity as a request is written: cores ("1", "0.5") or
    /// millicores ("250m").
    public static func isCPUQuantity(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.hasSuffix("m") { rest = rest.dropLast() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.contains(where: { !$0.isEmpty }), parts.map(\.count).reduce(0, +) <= 12 else { return false }
        return !(s.hasSuffix("m") && parts.count == 2) // millicores are whole
    }

    /// True for any Kubernetes quantity ("250m", "0.5", "1", "2k", "1e3", "512Mi"): what the API
    /// server accepts in a resource field, which is wider than what the editor offers for CPU.
    public static func isQuantity(_ s: String) -> Bool {
        var b = Array(s.utf8)[...]
        if let f = b.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { b = b.dropFirst() }
        let digit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        let whole = b.prefix(while: digit)
        b = b.dropFirst(whole.count)
        var frac = 0
        if b.first == UInt8(ascii: ".") { b = b.dropFirst(); frac = b.prefix(while: digit).count; b = b.dropFirst(frac) }
        guard whole.count + frac > 0, whole.count + frac <= 30 else { return false }
        let rest = String(decoding: b, as: UTF8.self)
        if ["", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"].contains(rest) { return true }
        guard let e = rest.first, e == "e" || e == "E" else { return false }
        var x = rest.dropFirst()
        if let sign = x.first, sign == "+" || sign == "-" { x = x.dropFirst() }
        return !x.isEmpty && x.count <= 3 && x.allSatisfy { $0.isASCII && $0.isNumber }
    }

    public var serviceType: String? {
        get { properties["type"]?.string }
        set { properties["type"] = newValue.map { .string($0) } }
    }
    public var labels: [String: String] {
        get { stringMap("labels") }
        set { properties["labels"] = newValue.isEmpty ? nil : .object(newValue.mapValues { .string($0) }) }
    }
    public var selector: [String: String] {
        get { stringMap("selector") }
        set { properties["selector"] = newValue.isEmpty ? nil : .object(newValue.mapValues { .string($0) }) }
    }
    public var text: String? {
        get { properties["text"]?.string }
        set { properties["text"] = newValue.map { .string($0) } }
    }
    /// False when the component (a Pod) has been marked down.
    public var isReady: Bool {
        get { properties["ready"]?.bool ?? true }
        set { properties["ready"] = newValue ? nil : .bool(false) }
    }

    /// A container's ports.
    public var containerPorts: [ContainerPort] {
        (properties["ports"]?.array ?? []).compactMap { v in
            if let n = v.int { return ContainerPort(containerPort: n) }
            guard let o = v.object, let n = o["containerPort"]?.int else { return nil }
            return ContainerPort(name: o["name"]?.string, containerPort: n)
        }
    }

    /// A Service's ports.
    public var servicePorts: [ServicePort] {
        (properties["ports"]?.array ?? []).compactMap { v in
            if let n = v.int { return ServicePort(port: n) }
            guard let o = v.object, let n = o["port"]?.int else { return nil }
            let target: PortRef? = o["targetPort"].flatMap { t in t.int.map(PortRef.number) ?? t.string.map(PortRef.name) }
            return ServicePort(name: o["name"]?.string, port: n, targetPort: target)
        }
    }

    /// An Ingress's rules, then its default backend as a rule for any host and path.
    public var ingressRules: [IngressRule] {
        var out: [IngressRule] = (properties["rules"]?.array ?? []).compactMap { v in
            guard let o = v.object, let svc = o["service"]?.string else { return nil }
            return IngressRule(
                host: o["host"]?.string, path: o["path"]?.string ?? "/", service: svc, port: o["port"]?.int,
                pathType: o["pathType"]?.string)
        }
        if let d = properties["defaultBackend"]?.object, let svc = d["service"]?.string {
            out.append(IngressRule(host: nil, path: "/", service: svc, port: d["port"]?.int))
        }
        return out
    }

    private func stringMap(_ key: String) -> [String: String] {
        guard let o = properties[key]?.object else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in o { if let s = v.string { out[k] = s } else if let n = v.int { out[k] = String(n) } }
        return out
    }
}

/// `app=web,tier=front` style text for label maps, sorted by key so it reads the same every time.
public func formatLabels(_ labels: [String: String]) -> String {
    labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
}

/// Parses `app=web,tier=front`; nil when a pair has no `=` or an empty key.
public func parseLabels(_ text: String) -> [String: String]? {
    var out: [String: String] = [:]
    for part in text.split(separator: ",") {
        let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
        guard pair.count == 2, !pair[0].isEmpty else { return nil }
        out[pair[0]] = pair[1]
    }
    return out
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    public var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
