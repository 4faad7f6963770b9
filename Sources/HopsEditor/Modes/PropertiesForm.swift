import HopsCanvas
import HopsDesign
import HopsInput
import HopsText

/// One editable property of a component: how it reads as text and how text writes it back.
struct PropertyField: Sendable {
    let label: String
    let read: @Sendable (Component) -> String
    /// Applies the text; returns an error message when the text is not valid.
    let write: @Sendable (inout Component, String) -> String?

    static func fields(for kind: Kind) -> [PropertyField] {
        var out = [name]
        switch kind {
        case .service: out += [serviceType, selector, servicePort, targetPort]
        case .deployment, .statefulSet, .replicaSet: out += [replicas, selector]
        case .pod: out += [labels]
        case .container: out += [image, containerPorts, cpuRequest]
        case .note: out += [text]
        case .hpa: out += [int("minReplicas"), int("maxReplicas")]
        case .ingress: out += [ingressRules]
        case .pvc: out += [string("storage")]
        default: break
        }
        return out
    }

    static let name = PropertyField(label: "name", read: { $0.name }) { c, t in
        let n = t.trimmed
        if n.isEmpty { return "a name cannot be empty" }
        if let problem = Validation.textProblem(n) { return problem }
        c.name = n; return nil
    }
    static let replicas = PropertyField(label: "replicas", read: { String($0.replicas ?? 1) }) { c, t in
        guard let n = Int(t.trimmed), (0...Limits.maxReplicas).contains(n) else {
            return "replicas must be a whole number from 0 to \(Limits.maxReplicas)"
        }
        c.replicas = n; return nil
    }
    static let image = PropertyField(label: "image", read: { $0.image ?? "" }) { c, t in
        let s = t.trimmed
        if s.contains(" ") || s.isEmpty { return "an image is a name like nginx:1.27, without spaces" }
        c.image = s; return nil
    }
    static let serviceType = PropertyField(label: "type", read: { $0.serviceType ?? "ClusterIP" }) { c, t in
        let types = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]
        guard let m = types.first(where: { $0.lowercased() == t.trimmed.lowercased() }) else { return "type is one of \(types.joined(separator: ", "))" }
        c.serviceType = m; return nil
    }
    static let selector = PropertyField(label: "selector", read: { formatLabels($0.selector) }) { c, t in
        guard let m = parseLabels(t) else { return "write labels as key=value,key=value" }
        c.selector = m; return nil
    }
    static let labels = PropertyField(label: "labels", read: { formatLabels($0.labels) }) { c, t in
        guard let m = parseLabels(t) else { return "write labels as key=value,key=value" }
        c.labels = m; return nil
    }
    static let servicePort = PropertyField(label: "port", read: { $0.servicePorts.first.map { String($0.port) } ?? "" }) { c, t in
        guard let n = Int(t.trimmed), (1...65535).contains(n) else { return "a port is a number from 1 to 65535" }
        c.editFirstServicePort { $0["port"] = .integer(n) }
        return nil
    }
    static let targetPort = PropertyField(label: "targetPort", read: { $0.servicePorts.first.map { $0.targetPort.description } ?? "" }) { c, t in
        let s = t.trimmed
        let value: JSONValue
        if let n = Int(s) {
            guard (1...65535).contains(n) else { return "a port is a number from 1 to 65535" }
            value = .integer(n)
        } else {
            guard !s.isEmpty, !s.contains(" "), Validation.textProblem(s) == nil else {
                return "targetPort is a number or a container port's name"
            }
            value = .string(s)
        }
        c.editFirstServicePort { $0["targetPort"] = value }
        return nil
    }
    static let containerPorts = PropertyField(label: "ports", read: { c in
        c.containerPorts.map { p in p.name.map { "\($0):\(p.containerPort)" } ?? String(p.containerPort) }.joined(separator: ",")
    }) { c, t in
        let old = (c.properties["ports"]?.array ?? []).compactMap(\.object)
        var ports: [JSONValue] = []
        for part in t.split(separator: ",") {
            let bits = part.split(separator: ":").map { String($0).trimmed }
            guard let n = Int(bits.last ?? ""), (1...65535).contains(n), bits.count <= 2,
                  bits.count == 1 || Validation.textProblem(bits[0]) == nil else {
                return "write ports as 8080 or http:8080, separated by commas"
            }
            // The rest of a port the form does not show (protocol, hostPort) stays as it was.
            var o = old.first { $0["containerPort"]?.int == n } ?? old.first { bits.count == 2 && $0["name"]?.string == bits[0] } ?? [:]
            o["containerPort"] = .integer(n)
            if bits.count == 2 { o["name"] = .string(bits[0]) } else { o["name"] = nil }
            ports.append(.object(o))
        }
        c.properties["ports"] = .array(ports); return nil
    }
    static let cpuRequest = PropertyField(label: "cpu request", read: { $0.cpuRequest ?? "" }) { c, t in
        let s = t.trimmed
        if s.isEmpty { c.cpuRequest = nil; return nil }
        guard Component.isCPUQuantity(s) else {
            return "a CPU request is cores (1, 0.5) or millicores (250m); empty removes it"
        }
        c.cpuRequest = s; return nil
    }
    static let text = PropertyField(label: "text", read: { $0.text ?? "" }) { c, t in
        if t.count > Limits.maxText { return "at most \(Limits.maxText) characters" }
        c.text = t; return nil
    }

    static func int(_ key: String) -> PropertyField {
        PropertyField(label: key, read: { $0.properties[key]?.int.map(String.init) ?? "" }) { c, t in
            guard let n = Int(t.trimmed), (0...Limits.maxReplicas).contains(n) else {
                return "\(key) must be a whole number from 0 to \(Limits.maxReplicas)"
            }
            c.properties[key] = .integer(n); return nil
        }
    }
    static func string(_ key: String) -> PropertyField {
        PropertyField(label: key, read: { $0.properties[key]?.string ?? "" }) { c, t in c.properties[key] = .string(t.trimmed); return nil }
    }
}

extension Component {
    /// Changes the first of a Service's ports and keeps the others as they are.
    mutating func editFirstServicePort(_ change: (inout [String: JSONValue]) -> Void) {
        var ports = properties["ports"]?.array ?? []
        var first: [String: JSONValue]
        if let o = ports.first?.object { first = o } else if let n = ports.first?.int { first = ["port": .integer(n)] } else { first = ["port": .integer(80)] }
        change(&first)
        if ports.isEmpty { ports = [.object(first)] } else { ports[0] = .object(first) }
        properties["ports"] = .array(ports)
    }
}

extension Editor {
    func startProperties() -> [Effect] {
        guard let sel = selection else { message = "select a component to edit"; return [] }
        mode = .properties(id: sel, field: 0, editing: nil)
        return []
    }

    func moveFormField(_ delta: Int) -> [Effect] {
        guard case .properties(let id, let field, nil) = mode, let c = design.component(id) else {
            return backToNormal()
        }
        let count = PropertyField.fields(for: c.kind).count
        mode = .properties(id: id, field: max(0, min(count - 1, field + delta)), editing: nil)
        return []
    }

    func editFormField() -> [Effect] {
        guard case .properties(let id, let field, nil) = mode, let c = design.component(id) else {
            return backToNormal()
        }
        mode = .properties(id: id, field: field, editing: TextField(PropertyField.fields(for: c.kind)[field].read(c)))
        return []
    }

    func stopEditingFormField() -> [Effect] {
        guard case .properties(let id, let field, .some) = mode else { return [] }
        mode = .properties(id: id, field: field, editing: nil)
        return []
    }

    /// Writes the typed value; a value the field refuses stays being edited, with the reason.
    func setFormField() -> [Effect] {
        guard case .properties(let id, let field, .some(let edit)) = mode, let i = design.index(of: id) else {
            mode = .normal; return []
        }
        let c = design.components[i]
        let f = PropertyField.fields(for: c.kind)[field]
        var changed = c
        if let err = f.write(&changed, edit.text) { message = err; return [] }
        mode = .properties(id: id, field: field, editing: nil)
        let value = f.read(changed)
        let shown = SafeText.escape(DisplayWidth.truncate(value, to: 40, ellipsis: glyphs.ellipsis))
        message = "\(c.kind.rawValue) \(SafeText.escape(changed.name)): \(f.label) "
            + (value.isEmpty ? "cleared" : "set to \(shown)")
        var d = design
        d.components[i] = changed
        return commit(d)
    }
}
