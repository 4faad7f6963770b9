import HopsDesign

/// Readable, stable ids (`deploy-frontend`, `ctr-frontend-server`): the same input gives the
/// same ids every time, so a re-import diffs cleanly against the last one.
struct ComponentIDs {
    private var used: Set<String> = []

    /// `stem` made of lowercase letters, digits and dashes, with `-2`, `-3`… when taken.
    mutating func make(_ parts: String...) -> String {
        var base = ""
        for ch in parts.filter({ !$0.isEmpty }).joined(separator: "-").lowercased() {
            base.append(ch.isLetter || ch.isNumber || ch == "." ? ch : "-")
        }
        if base.isEmpty { base = "object" }
        var id = base
        var n = 2
        while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
        used.insert(id)
        return id
    }

    /// The short tag ids start with, as the catalog draws kinds (`svc`, `deploy`).
    static func tag(_ kind: Kind) -> String {
        switch kind {
        case .service: "svc"
        case .deployment: "deploy"
        case .statefulSet: "sts"
        case .daemonSet: "ds"
        case .replicaSet: "rs"
        case .pod: "pod"
        case .container: "ctr"
        case .job: "job"
        case .cronJob: "cron"
        case .configMap: "cm"
        case .secret: "secret"
        case .pvc: "pvc"
        case .hpa: "hpa"
        case .namespace: "ns"
        case .ingress: "ing"
        case .user: "user"
        case .serviceAccount: "sa"
        default: kind.rawValue.lowercased()
        }
    }
}

extension Kind {
    /// In the catalog since manifests brought them in; HopsDesign names the others.
    static let serviceAccount: Kind = "ServiceAccount"
}
