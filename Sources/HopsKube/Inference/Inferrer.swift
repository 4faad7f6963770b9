import HopsDesign

/// Infers the relationships a set of manifests implies and records each with the rule that
/// found it (`extra.inferred.rule`, shown in the panel). A reference to an object that is not
/// in the input becomes a component marked `missing` (drawn dashed) and one warning.
struct Inferrer {
    let entries: [Entry]
    let index: ObjectIndex
    var ids: ComponentIDs
    private(set) var connections: [Connection] = []
    /// Components made by inference: Users in front of entry points, missing objects.
    private(set) var users: [Component] = []
    private(set) var missing: [Component] = []
    /// The namespace of each missing component, for Namespace boxes.
    private(set) var missingNamespace: [String: String] = [:]
    private(set) var issues: [KubeIssue] = []
    /// The Services whose selector picks each Pod component, filled by `linkSelectors`.
    var selectedBy: [String: Set<String>] = [:]
    private var connectionIDs = ComponentIDs()
    private var connectionByEnds: [String: Int] = [:]
    private var missingByKey: [String: String] = [:]

    init(entries: [Entry], ids: ComponentIDs) {
        self.entries = entries
        self.index = ObjectIndex(entries)
        self.ids = ids
    }

    /// Every rule, in the order their connections are listed (a container's calls keep the
    /// order of its environment, which is the order a trace follows).
    mutating func run() {
        addEntryPoints()
        linkIngresses()
        linkSelectors()
        linkEnvironmentCalls()
        linkConfiguration()
        linkScaleTargets()
        linkStatefulSets()
    }

    /// Adds a connection, or adds the rule to the one already joining the same ends.
    mutating func connect(_ from: String, _ to: String, _ kind: ConnectionKind, label: String?, rule: String) {
        let key = "\(from)>\(to)>\(kind.rawValue)"
        if let i = connectionByEnds[key] {
            let old = connections[i].extra["inferred"]?.object?["rule"]?.string ?? ""
            if !old.contains(rule) {
                connections[i].extra["inferred"] = .object(["rule": .string(old + "; " + rule)])
            }
            return
        }
        let id = connectionIDs.make(from, kind.rawValue, to)
        connectionByEnds[key] = connections.count
        // A label is made from what the file says (a selector, a host, a volume's name): shown, so
        // never raw, and no longer than a name may be.
        let label = label.map { l in
            Validation.textProblem(l) == nil ? l : String(SafeText.escape(l).prefix(Limits.maxName))
        }
        var connection = Connection(id: id, from: from, to: to, kind: kind, label: label,
                                    extra: ["inferred": .object(["rule": .string(rule)])])
        connection.movePortOutOfLabel()
        connections.append(connection)
    }

    mutating func addUser(_ user: Component) { users.append(user) }

    mutating func warn(_ place: SourcePlace, _ message: String) { issues.append(KubeIssue(place, message)) }

    /// The component for `kind`/`name` in `namespace`: the imported one, else a missing one
    /// (made once, with one warning naming the first reference). Nil for an absent optional
    /// reference: Kubernetes starts the Pod without it, so nothing is missing.
    mutating func target(_ kind: String, _ name: String, namespace: String, optional: Bool = false,
                         referencedBy: String, at place: SourcePlace) -> String? {
        if let id = index.id(kind, name, namespace: namespace) { return id }
        if optional { return nil }
        let key = ObjectIndex.key(kind, name, namespace: namespace)
        if let id = missingByKey[key] { return id }
        let known = Kind(kind)
        let drawn: Kind = [.service, .deployment, .statefulSet, .daemonSet, .replicaSet, .configMap, .secret, .pvc,
                           .serviceAccount, .job, .cronJob].contains(known) ? known : .box
        let id = ids.make(ComponentIDs.tag(drawn), namespace == "default" ? "" : namespace, name)
        var props: [String: JSONValue] = ["missing": .bool(true)]
        if drawn == .box { props["missingKind"] = .string(kind) }
        // A name no cluster would have (control characters) is shown escaped: never raw.
        let shown = Validation.textProblem(name) == nil ? name : String(SafeText.escape(name).prefix(Limits.maxName))
        missing.append(Component(id: id, kind: drawn, name: shown, properties: props))
        missingByKey[key] = id
        missingNamespace[id] = namespace
        warn(place, "\(kind) \(SafeText.escape(name)) is not in the input (\(referencedBy)); drawn dashed as missing")
        return id
    }
}

/// Finds imported objects by kind, namespace and name.
struct ObjectIndex {
    private var byKey: [String: String] = [:]

    init(_ entries: [Entry]) {
        for e in entries {
            let key = Self.key(e.object.kind, e.object.name, namespace: e.object.namespaceOrDefault)
            if byKey[key] == nil { byKey[key] = e.id }
        }
    }

    static func key(_ kind: String, _ name: String, namespace: String) -> String { "\(kind)/\(namespace)/\(name)" }

    func id(_ kind: String, _ name: String, namespace: String) -> String? {
        byKey[Self.key(kind, name, namespace: namespace)]
    }
}
