import HopsDesign

/// Kubernetes names: lowercase letters, digits and dashes, starting and ending with a letter or
/// digit. Most objects' names may have dots and 253 characters (a DNS subdomain); Services,
/// Namespaces, containers and volumes have neither (a DNS label: at most 63); see `NameRule`.
/// (A label value may also hold '_' and capitals; Hops writes one it makes from a name this way.)
enum Names {
    static func dns(_ name: String, dots: Bool = true, max: Int? = nil) -> String {
        let max = max ?? (dots ? 253 : 63)
        var out = ""
        for ch in name.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) || (dots && ch == ".") {
                out.append(ch)
            } else {
                out.append("-")
            }
        }
        while out.hasPrefix("-") || out.hasPrefix(".") { out.removeFirst() }
        if out.count > max { out = String(out.prefix(max)) }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        return out.isEmpty ? "unnamed" : out
    }

    /// The name an object of `kind` is written with.
    static func object(_ name: String, kind: Kind) -> String {
        let rule = NameRule.of(kind)
        var out = dns(name, dots: rule.dots, max: rule.max)
        // A Service's name is also a DNS name under the cluster domain: it starts with a letter.
        if rule.letterFirst, let f = out.first, !f.isLetter { out = dns("s-" + out, dots: rule.dots, max: rule.max) }
        return out
    }

    /// The default apiVersion for a kind Hops models.
    static func apiVersion(_ kind: String) -> String {
        switch kind {
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet": "apps/v1"
        case "Job", "CronJob": "batch/v1"
        case "Ingress": "networking.k8s.io/v1"
        case "HorizontalPodAutoscaler": "autoscaling/v2"
        default: "v1"
        }
    }
}
