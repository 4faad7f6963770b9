import Foundation
import HopsCanvas
import HopsDesign

/// What a component's box says besides its name: one or two short lines per kind, so the
/// drawing shows what matters for the request's path (type and ports, replicas, labels, image).
enum BoxText {
    /// `replicas` is the Pod's running copies (count and the numbers that are down), when it
    /// has a controller: drawn as a strip `replicas 1 2 x`.
    /// `hiding` is how many components a folded box holds out of sight.
    static func lines(_ c: Component, ascii: Bool, replicas: (count: Int, down: Set<Int>)? = nil, hiding: Int? = nil) -> [String] {
        let own = kindLines(c, ascii: ascii, replicas: replicas)
        guard let n = hiding else { return own }
        return own + ["\(ascii ? "+" : "▸") \(n) inside, folded"]
    }

    private static func kindLines(_ c: Component, ascii: Bool, replicas: (count: Int, down: Set<Int>)?) -> [String] {
        let arrow = ascii ? "->" : "→"
        switch c.kind {
        case .service:
            let ports = c.servicePorts.map { ":\($0.port)\(arrow)\($0.targetPort)" }.joined(separator: " ")
            return [[c.serviceType ?? "ClusterIP", ports].filter { !$0.isEmpty }.joined(separator: " ")]
        case .deployment, .statefulSet, .replicaSet:
            let n = c.replicas ?? 1
            return ["\(n) replica\(n == 1 ? "" : "s")"]
        case .pod:
            let l = formatLabels(c.labels)
            var out = l.isEmpty ? [] : [l]
            if let r = replicas, r.count != 1 || !r.down.isEmpty || !c.isReady {
                out.append(strip(count: r.count, down: r.down, ready: c.isReady))
            }
            return out
        case .container:
            var out: [String] = []
            if let image = c.image { out.append(shortImage(image)) }
            let ports = c.containerPorts.map { ":\($0.containerPort)" }.joined(separator: " ")
            if !ports.isEmpty { out.append(ports) }
            return out
        case .ingress:
            return c.ingressRules.prefix(2).map { "\($0.host ?? "*")\($0.path) \(arrow) \($0.service)" }
        case .hpa:
            let lo = c.properties["minReplicas"]?.int ?? 1, hi = c.properties["maxReplicas"]?.int ?? 1
            return ["\(lo)–\(hi) replicas".replacingDash(ascii)]
        case .pvc:
            return c.properties["storage"]?.string.map { [$0] } ?? []
        case .note:
            return (c.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).prefix(6).map(String.init)
        default:
            return []
        }
    }

    static let stripPrefix = "replicas "

    /// True when a box shows a replica strip with a number per copy.
    static func hasStrip(_ box: SceneBox) -> Bool {
        box.lines.contains { $0.hasPrefix(stripPrefix) && !$0.contains(" of ") }
    }

    /// The cell of copy `instance` (1-based) in a box's replica strip, where the box draws its
    /// text (SceneBox.forEachTextRow); nil when the strip or that number does not show.
    static func stripCell(_ box: SceneBox, instance: Int) -> Point? {
        var cell: Point?
        box.forEachTextRow { k, text, origin, columns in
            guard k > 0, text.hasPrefix(stripPrefix), !text.contains(" of "), instance >= 1 else { return }
            let offset = stripPrefix.count + (instance - 1) * 2
            if offset < min(columns, DisplayWidth.of(text)) { cell = Point(x: origin.x + offset, y: origin.y) }
        }
        return cell
    }

    /// `replicas 1 2 x`: a number per running copy, `x` for one that is deleted. Copies that fail
    /// readiness are Running, not gone: their numbers stay, and the strip says they are not ready
    /// (the flow counts them all down for new connections, which is why `down` is not used then).
    static func strip(count: Int, down: Set<Int>, ready: Bool = true) -> String {
        guard count > 0 else { return "replicas: none" }
        guard ready else { return count > 8 ? "replicas \(count) running, none ready" : stripPrefix
            + (1...count).map(String.init).joined(separator: " ") + " not ready" }
        if count > 8 { return "replicas \(count - down.count) of \(count) up" }
        return stripPrefix + (1...count).map { down.contains($0) ? "x" : String($0) }.joined(separator: " ")
    }

    /// `registry.example/team/web-app:1.4` reads as `web-app:1.4`: the part that changes.
    static func shortImage(_ image: String) -> String {
        String(image.split(separator: "/").last ?? Substring(image))
    }
}

private extension String {
    func replacingDash(_ ascii: Bool) -> String { ascii ? replacingOccurrences(of: "–", with: "-") : self }
}
