import HopsDesign

/// A change a step makes to the design when it is entered: data, like everything in a lesson.
public enum LessonAction: Equatable, Sendable {
    /// Sets a property of one component (nil removes it): `{"set": "Service/web", "property":
    /// "selector", "value": {"app": "wbe"}}`.
    case set(ComponentRef, property: String, value: JSONValue?)
    /// Removes the connections from one component to another: `{"disconnect": {"from": "User",
    /// "to": "Service/web"}}`.
    case disconnect(from: ComponentRef, to: ComponentRef)
    /// Adds components and connections, written as in a design file: `{"add": {"components":
    /// [...], "connections": [...]}}`.
    case add(Design)

    /// The design after the change and a sentence for the status line, or what is wrong (the
    /// reference names no component, or several where one is meant).
    public func apply(to d: Design, catalog: Catalog) -> Result<(Design, String), LessonActionError> {
        var d = d
        switch self {
        case .set(let ref, let key, let value):
            let found = ref.resolve(in: d)
            guard found.count == 1, let i = d.index(of: found[0].id) else {
                return .failure(LessonActionError("set: \(LessonActionError.count(found, ref)), where one is meant"))
            }
            d.components[i].properties[key] = value
            let shown = value.map { PropertyText.of(key, d.components[i]) ?? "\($0)" } ?? "nothing"
            return checked(d, catalog, "the lesson set \(ref.spoken)'s \(key) to \(shown)")
        case .disconnect(let from, let to):
            let (a, b) = (Set(from.resolve(in: d).map(\.id)), Set(to.resolve(in: d).map(\.id)))
            let before = d.connections.count
            d.connections.removeAll { a.contains($0.from) && b.contains($0.to) }
            guard d.connections.count < before else {
                let (a, b) = (SafeText.escape(from.description), SafeText.escape(to.description))
                return .failure(LessonActionError("disconnect: no connection from \(a) to \(b)"))
            }
            return checked(d, catalog, "the lesson removed the arrow from \(from.spoken) to \(to.spoken)")
        case .add(let part):
            d.components += part.components
            d.connections += part.connections
            let names = part.components.filter { $0.parent == nil }.map { "\($0.kind.rawValue) \($0.name)" }
            let added = names.isEmpty ? "\(part.components.count) components" : names.joined(separator: ", ")
            return checked(d, catalog, "the lesson added \(added)")
        }
    }

    private func checked(_ d: Design, _ catalog: Catalog, _ said: String) -> Result<(Design, String), LessonActionError>
    {
        if let p = Validation.problems(in: d, catalog: catalog).first {
            return .failure(LessonActionError("the design it makes is not valid: \(p.place): \(p.message)"))
        }
        return .success((d, said))
    }
}

public struct LessonActionError: Error, Equatable {
    public let message: String
    init(_ m: String) { message = m }

    /// "no component Service/wbe", "2 components Ingress".
    static func count(_ found: [Component], _ ref: ComponentRef) -> String {
        let named = SafeText.escape(ref.description)
        return found.isEmpty ? "no component \(named)" : "\(found.count) components \(named)"
    }
}
