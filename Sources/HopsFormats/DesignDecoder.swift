import HopsDesign

/// Turns parsed JSON into a design, saying exactly where the shape is wrong (a JSON path).
struct DesignDecoder {
    let file: String

    func fail(_ place: String, _ message: String) -> FileError { FileError(file: file, place: place, message) }

    func design(from root: JSONValue) throws -> Design {
        guard var top = root.object else { throw fail("$", "the top level must be an object, found \(root.described)") }
        if let f = top["format"] {
            guard f.string == DesignFile.format else {
                throw fail("format", "expected \"\(DesignFile.format)\", found \(f.string.map { "\"\(Validation.escaped($0))\"" } ?? f.kindName)")
            }
        } else {
            throw fail("format", "missing: a Hops design file starts with \"format\": \"\(DesignFile.format)\"")
        }
        let name = try string(top["name"], "name", required: false) ?? "Untitled"
        let comps = try array(top["components"], "components").enumerated().map { try component($1, "components[\($0)]") }
        let conns = try array(top["connections"], "connections").enumerated().map { try connection($1, "connections[\($0)]") }
        for k in ["format", "name", "components", "connections"] { top.removeValue(forKey: k) }
        return Design(name: name, components: comps, connections: conns, extra: top)
    }

    private func component(_ v: JSONValue, _ place: String) throws -> Component {
        guard var o = v.object else { throw fail(place, "a component must be an object, found \(v.described)") }
        let id = try string(o["id"], "\(place).id")!
        let kind = try string(o["kind"], "\(place).kind")!
        let name = try string(o["name"], "\(place).name", required: false) ?? id
        let parent = try string(o["parent"], "\(place).parent", required: false)
        var position: Position?
        if let p = o["position"] {
            guard let po = p.object, let x = po["x"]?.int, let y = po["y"]?.int else {
                throw fail("\(place).position", "must be {\"x\": whole number, \"y\": whole number}")
            }
            position = Position(x: x, y: y)
        }
        var size: Extent?
        if let s = o["size"] {
            guard let so = s.object, let w = so["width"]?.int, let h = so["height"]?.int, w > 0, h > 0 else {
                throw fail("\(place).size", "must be {\"width\": positive whole number, \"height\": positive whole number}")
            }
            size = Extent(width: w, height: h)
        }
        var props: [String: JSONValue] = [:]
        if let p = o["properties"] {
            guard let po = p.object else { throw fail("\(place).properties", "must be an object, found \(p.described)") }
            props = po
            try checkProperties(po, "\(place).properties")
        }
        for k in ["id", "kind", "name", "parent", "position", "size", "properties"] { o.removeValue(forKey: k) }
        return Component(id: id, kind: Kind(kind), name: name, parent: parent, position: position, size: size, properties: props, extra: o)
    }

    /// Known properties must have the right type; unknown ones pass untouched.
    private func checkProperties(_ p: [String: JSONValue], _ place: String) throws {
        if let r = p["replicas"], let m = Validation.replicasProblem(r) { throw fail("\(place).replicas", m) }
        if let m = longText(.object(p), place) { throw fail(m.place, m.message) }
        for key in ["labels", "selector"] {
            guard let v = p[key] else { continue }
            guard let o = v.object else { throw fail("\(place).\(key)", "must be an object of strings, like {\"app\": \"web\"}") }
            for (k, x) in o where x.string == nil && x.int == nil { throw fail("\(place).\(key).\(k)", "must be a string, found \(x.described)") }
        }
        for key in ["image", "type", "text"] {
            if let v = p[key], v.string == nil { throw fail("\(place).\(key)", "must be a string, found \(v.described)") }
        }
        if let ports = p["ports"] {
            guard let a = ports.array else { throw fail("\(place).ports", "must be an array") }
            for (i, e) in a.enumerated() where e.int == nil && e.object == nil {
                throw fail("\(place).ports[\(i)]", "must be a port number or an object, found \(e.described)")
            }
            for (i, e) in a.enumerated() {
                for key in ["port", "containerPort", "targetPort", "nodePort"] {
                    guard let v = key == "port" && e.int != nil ? e : e.object?[key], v.string == nil else { continue }
                    guard let n = v.int, Limits.ports.contains(n) else {
                        throw fail("\(place).ports[\(i)]\(e.int != nil ? "" : ".\(key)")", "must be a port number from 1 to 65535")
                    }
                }
            }
        }
    }

    /// The first string anywhere in `v` longer than `Limits.maxText`, with its place.
    private func longText(_ v: JSONValue, _ place: String) -> (place: String, message: String)? {
        var stack: [(JSONValue, String)] = [(v, place)]
        while let (x, at) = stack.popLast() {
            switch x {
            case .string(let s) where s.utf8.count > Limits.maxText && s.count > Limits.maxText:
                return (at, "is \(s.count) characters long; at most \(Limits.maxText) are allowed")
            case .array(let a): for (i, e) in a.enumerated() { stack.append((e, "\(at)[\(i)]")) }
            case .object(let o): for (k, e) in o { stack.append((e, "\(at).\(Validation.escaped(k))")) }
            default: break
            }
        }
        return nil
    }

    private func connection(_ v: JSONValue, _ place: String) throws -> Connection {
        guard var o = v.object else { throw fail(place, "a connection must be an object, found \(v.described)") }
        let id = try string(o["id"], "\(place).id")!
        let from = try string(o["from"], "\(place).from")!
        let to = try string(o["to"], "\(place).to")!
        var kind = ConnectionKind.traffic
        if let k = try string(o["kind"], "\(place).kind", required: false) {
            guard let ck = ConnectionKind(rawValue: k) else {
                throw fail("\(place).kind", "unknown connection kind \"\(Validation.escaped(k))\" (known: \(ConnectionKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            kind = ck
        }
        let label = try string(o["label"], "\(place).label", required: false)
        for k in ["id", "from", "to", "kind", "label"] { o.removeValue(forKey: k) }
        var connection = Connection(id: id, from: from, to: to, kind: kind, label: label, extra: o)
        connection.movePortOutOfLabel()
        return connection
    }

    private func string(_ v: JSONValue?, _ place: String, required: Bool = true) throws -> String? {
        guard let v, v != .null else {
            if required { throw fail(place, "missing") }
            return nil
        }
        guard let s = v.string else { throw fail(place, "must be a string, found \(v.described)") }
        return s
    }

    private func array(_ v: JSONValue?, _ place: String) throws -> [JSONValue] {
        guard let v else { return [] }
        guard let a = v.array else { throw fail(place, "must be an array, found \(v.described)") }
        return a
    }
}
