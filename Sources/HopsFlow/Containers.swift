import HopsDesign

/// Which container of a Pod takes a request. A Service's targetPort is matched against the
/// ports the containers declare, by number or by port name, the way kube-proxy resolves it.
enum Containers {
    /// The Pod's containers in design order.
    static func of(_ pod: String, in design: Design) -> [Component] {
        design.children(of: pod).filter { $0.kind == .container }
    }

    /// The first container declaring `target`, with the port number it resolves to.
    static func listening(on target: PortRef, in pod: String, design: Design) -> (Component, ContainerPort)? {
        for c in of(pod, in: design) {
            for p in c.containerPorts {
                switch target {
                case .number(let n) where p.containerPort == n: return (c, p)
                case .name(let s) where p.name == s: return (c, p)
                default: continue
                }
            }
        }
        return nil
    }

    /// "port 8080" or "port http = 8080", how narration says where a request lands.
    static func portText(_ target: PortRef?, _ port: ContainerPort?) -> String {
        guard let port else { return "" }
        if case .name(let s) = target { return "port \(SafeText.escape(s)) = \(port.containerPort)" }
        return "port \(port.containerPort)"
    }

    /// "app 8080 (http), db 5432 (postgres)": the ports the Pods' containers declare, so a
    /// failure can say which targetPort would work.
    static func exposed(in pods: [String], design: Design) -> String {
        var parts: [String] = []
        for pod in pods {
            for c in of(pod, in: design) {
                let ports = c.containerPorts.map { p in p.name.map { "\(p.containerPort) (\(SafeText.escape($0)))" } ?? "\(p.containerPort)" }
                parts.append("\(SafeText.escape(c.name)) " + (ports.isEmpty ? "no ports" : ports.joined(separator: ", ")))
            }
        }
        return parts.isEmpty ? "the Pods have no containers" : "the containers expose " + Words.list(parts)
    }
}
