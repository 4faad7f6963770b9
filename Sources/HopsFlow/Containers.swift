import HopsDesign

/// Which container of a Pod takes a request. A Pod is one network namespace: the process that
/// listens on the port receives the connection. Hops knows only the ports containers declare, so
/// a targetPort is matched against those, by number or by name (a name must be declared).
enum Containers {
    /// The Pod's containers in design order.
    static func of(_ pod: String, in design: any DesignLookup) -> [Component] {
        design.children(of: pod).filter { $0.kind == .container }
    }

    /// The first container declaring `target`, with the port number it resolves to.
    static func listening(on target: PortRef, in pod: String, design: any DesignLookup) -> (Component, ContainerPort)? {
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

    /// The container taken to listen on port `n` that no container declares: the Pod's only
    /// container that declares no port at all. A containerPort is informational (the app
    /// decides where it listens; many manifests declare none), so a Service's numeric
    /// targetPort still reaches such an app. Nil when a container declares `n`, or when it
    /// would be a guess between several.
    static func assumedListener(on n: Int, in pod: String, design: any DesignLookup) -> Component? {
        let all = of(pod, in: design)
        guard !all.contains(where: { declares(n, $0) }) else { return nil }
        let silent = all.filter { $0.containerPorts.isEmpty }
        return silent.count == 1 ? silent[0] : nil
    }

    /// What narration says of an assumed listener ("port 8080, which container app does not declare: ...").
    static func assumedText(_ n: Int, _ c: Component) -> String {
        "port \(n), which no container declares: Hops assumes \(Words.name(c)), which declares no port, listens "
            + "there (a containerPort is informational; the app decides where it listens)"
    }

    /// "port 8080" or "port http = 8080", how narration says where a request lands.
    static func portText(_ target: PortRef?, _ port: ContainerPort?) -> String {
        guard let port else { return "" }
        if case .name(let s) = target { return "port \(SafeText.escape(s)) = \(port.containerPort)" }
        return "port \(port.containerPort)"
    }

    /// "app 8080 (http), db 5432 (postgres)": the ports the Pods' containers declare, so a
    /// failure can say which targetPort would work.
    static func exposed(in pods: [String], design: any DesignLookup) -> String {
        var parts: [String] = []
        for pod in pods {
            for c in of(pod, in: design) {
                let ports = c.containerPorts.map { p in
                    p.name.map { "\(p.containerPort) (\(SafeText.escape($0)))" } ?? "\(p.containerPort)"
                }
                parts.append("\(Words.name(c)) declares "
                             + (ports.isEmpty ? "no port" : "port\(ports.count == 1 ? "" : "s") " + Words.list(ports)))
            }
        }
        return parts.isEmpty ? "the Pods have no containers" : Words.list(parts)
    }

    /// True when the container declares `port` as a containerPort.
    static func declares(_ port: Int, _ c: Component) -> Bool { c.containerPorts.contains { $0.containerPort == port } }

    /// "no container declares port 9090 in Pod web: if nothing listens there the connection is
    /// refused (declared: ...)". containerPort is only declared, never proof that something
    /// listens, so this never advises adding one as if that made a process listen.
    static func notDeclared(_ port: Int, in containers: [Component], design: any DesignLookup) -> String {
        let pods = Set(containers.compactMap(\.parent))
        let exposedText = exposed(in: Array(pods).sorted(), design: design)
        return "no container declares port \(port): if nothing listens there the connection is refused (\(exposedText))"
    }

    /// What a database's image name contains, as bytes.
    private static let databaseImages = ["postgres", "mysql", "mariadb", "mongo", "redis", "cassandra"]
        .map { Array($0.utf8) }

    /// Images that are databases: a Service's HTTP sent there is not understood.
    static func isDatabase(_ c: Component) -> Bool {
        // Compared as bytes: String's `contains` of a string searched grapheme by grapheme, and
        // checking a design asks this on every hop into a Pod (a quarter of its time).
        let image = Array((c.image ?? "").lowercased().utf8)
        return databaseImages.contains { word in
            image.count >= word.count && (0...(image.count - word.count)).contains { at in
                image[at..<(at + word.count)].elementsEqual(word)
            }
        }
    }
}
