/// A component kind, named as Kubernetes names it (`Service`, `Deployment`) plus Hops's own
/// `User`, `Container`, `Box` and `Note`. Which kinds exist is the catalog's business.
public struct Kind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ raw: String) { rawValue = raw }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    public static let user: Kind = "User"
    public static let ingress: Kind = "Ingress"
    public static let service: Kind = "Service"
    public static let deployment: Kind = "Deployment"
    public static let statefulSet: Kind = "StatefulSet"
    public static let daemonSet: Kind = "DaemonSet"
    public static let replicaSet: Kind = "ReplicaSet"
    public static let pod: Kind = "Pod"
    public static let container: Kind = "Container"
    public static let job: Kind = "Job"
    public static let cronJob: Kind = "CronJob"
    public static let configMap: Kind = "ConfigMap"
    public static let secret: Kind = "Secret"
    public static let pvc: Kind = "PersistentVolumeClaim"
    public static let hpa: Kind = "HorizontalPodAutoscaler"
    public static let namespace: Kind = "Namespace"
    public static let box: Kind = "Box"
    public static let note: Kind = "Note"

    /// Kinds that manage Pods through a Pod template (replicas, selector).
    public var managesPods: Bool { [.deployment, .statefulSet, .daemonSet, .replicaSet, .job, .cronJob].contains(self) }
}

/// What a connection means. Traffic carries requests; the others state a relationship and are
/// drawn differently.
public enum ConnectionKind: String, Sendable, Codable, CaseIterable {
    case traffic, manages, selects, mounts, annotation
}

/// How a Kubernetes object of a kind may be named: a DNS subdomain (dots allowed, 253
/// characters) for most; a DNS label (no dots, 63) for Namespaces; one that starts with a letter
/// (RFC 1035) for Services; shorter where a controller adds to the name (a CronJob's Jobs, a
/// StatefulSet's revision label).
public struct NameRule: Sendable, Equatable {
    public let dots: Bool
    public let max: Int
    public let letterFirst: Bool

    public static func of(_ kind: Kind) -> NameRule {
        switch kind {
        case .service: NameRule(dots: false, max: 63, letterFirst: true)
        case .namespace: NameRule(dots: false, max: 63, letterFirst: false)
        case .cronJob, .statefulSet: NameRule(dots: kind == .cronJob, max: 52, letterFirst: false)
        case .job: NameRule(dots: true, max: 63, letterFirst: false)
        default: NameRule(dots: true, max: 253, letterFirst: false)
        }
    }

    /// "lowercase letters, digits and '-', starting with a letter, at most 63".
    public var described: String {
        "lowercase letters, digits\(dots ? ", '-' and '.'" : " and '-'")\(letterFirst ? ", starting with a letter" : ""), "
            + "at most \(max)"
    }
}
