/// Kubernetes names: lowercase letters, digits and dashes (dots too, outside Service and
/// container names), starting and ending with a letter or digit, at most 63 characters.
enum Names {
    static func dns(_ name: String, dots: Bool = true) -> String {
        var out = ""
        for ch in name.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) || (dots && ch == ".") {
                out.append(ch)
            } else {
                out.append("-")
            }
        }
        while out.hasPrefix("-") || out.hasPrefix(".") { out.removeFirst() }
        if out.count > 63 { out = String(out.prefix(63)) }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        return out.isEmpty ? "unnamed" : out
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
