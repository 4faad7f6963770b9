/// One component of a design: a box on the canvas.
public struct Component: Hashable, Sendable, Identifiable {
    /// Unique in its design; connections and `parent` refer to it.
    public var id: String
    public var kind: Kind
    public var name: String
    /// The id of the enclosing component, nil at top level.
    public var parent: String?
    /// Saved top-left corner on the canvas in cells; nil lets the layout place it.
    public var position: Position?
    /// Saved size in cells; nil (or smaller than the content) lets it grow to fit.
    public var size: Extent?
    /// Kind-specific properties (replicas, image, ports, labels, selector, type...), kept as JSON
    /// so that properties Hops does not know survive. Typed accessors are in `Properties.swift`.
    public var properties: [String: JSONValue]
    /// Keys of the component object that Hops does not know, kept for the round trip.
    public var extra: [String: JSONValue]

    public init(id: String, kind: Kind, name: String, parent: String? = nil, position: Position? = nil,
                size: Extent? = nil, properties: [String: JSONValue] = [:], extra: [String: JSONValue] = [:]) {
        self.id = id; self.kind = kind; self.name = name; self.parent = parent; self.position = position
        self.size = size; self.properties = properties; self.extra = extra
    }
}

/// A canvas position in cells (x columns, y rows).
public struct Position: Hashable, Sendable, Codable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

/// A size in cells.
public struct Extent: Hashable, Sendable, Codable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// An arrow between two components.
public struct Connection: Hashable, Sendable, Identifiable {
    public var id: String
    public var from: String
    public var to: String
    public var kind: ConnectionKind
    public var label: String?
    public var extra: [String: JSONValue]

    public init(id: String, from: String, to: String, kind: ConnectionKind = .traffic, label: String? = nil,
                extra: [String: JSONValue] = [:]) {
        self.id = id; self.from = from; self.to = to; self.kind = kind; self.label = label; self.extra = extra
    }
}
