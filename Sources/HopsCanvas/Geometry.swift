/// A cell position on a canvas: `x` in columns (cells), `y` in rows. Origin top-left.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
    public static let zero = Point(x: 0, y: 0)
    public static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
    public static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
    public var description: String { "(\(x),\(y))" }
}

/// A size in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
    public static let zero = Size(width: 0, height: 0)
    public var description: String { "\(width)x\(height)" }
}

/// A rectangle of cells; `maxX`/`maxY` are the last cells inside (inclusive).
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var origin: Point
    public var size: Size
    public init(x: Int, y: Int, width: Int, height: Int) {
        origin = Point(x: x, y: y); size = Size(width: width, height: height)
    }
    public init(origin: Point, size: Size) { self.origin = origin; self.size = size }
    public var x: Int { origin.x }
    public var y: Int { origin.y }
    public var width: Int { size.width }
    public var height: Int { size.height }
    public var maxX: Int { origin.x + size.width - 1 }
    public var maxY: Int { origin.y + size.height - 1 }
    public var isEmpty: Bool { size.width <= 0 || size.height <= 0 }
    public var center: Point { Point(x: x + width / 2, y: y + height / 2) }

    public func contains(_ p: Point) -> Bool { p.x >= x && p.x <= maxX && p.y >= y && p.y <= maxY }
    public func contains(_ r: Rect) -> Bool { r.x >= x && r.maxX <= maxX && r.y >= y && r.maxY <= maxY }
    public func intersects(_ r: Rect) -> Bool {
        !(r.x > maxX || r.maxX < x || r.y > maxY || r.maxY < y) && !isEmpty && !r.isEmpty
    }
    /// The rectangle grown by `d` cells on every side (shrunk when negative).
    public func insetBy(_ d: Int) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
    public func offsetBy(dx: Int, dy: Int) -> Rect { Rect(x: x + dx, y: y + dy, width: width, height: height) }
    public func union(_ r: Rect) -> Rect {
        if isEmpty { return r }
        if r.isEmpty { return self }
        let nx = min(x, r.x), ny = min(y, r.y)
        return Rect(x: nx, y: ny, width: max(maxX, r.maxX) - nx + 1, height: max(maxY, r.maxY) - ny + 1)
    }
    /// The part of this rectangle inside `b` (empty when they do not meet).
    public func clipped(to b: Rect) -> Rect {
        let x0 = Swift.max(x, b.x), y0 = Swift.max(y, b.y), x1 = Swift.min(maxX, b.maxX), y1 = Swift.min(maxY, b.maxY)
        return Rect(x: x0, y: y0, width: Swift.max(0, x1 - x0 + 1), height: Swift.max(0, y1 - y0 + 1))
    }
    public var description: String { "\(x),\(y) \(width)x\(height)" }
}

/// The four directions of travel on the grid. Screen rows grow downwards.
public enum Direction: Int, CaseIterable, Sendable {
    case up = 0, right = 1, down = 2, left = 3
    public var dx: Int { self == .right ? 1 : (self == .left ? -1 : 0) }
    public var dy: Int { self == .down ? 1 : (self == .up ? -1 : 0) }
    public var opposite: Direction { Direction(rawValue: (rawValue + 2) % 4)! }
    public var isHorizontal: Bool { self == .left || self == .right }
    /// The bit this direction contributes to a line mask.
    public var bit: UInt8 { 1 << UInt8(rawValue) }
}

/// A side of a box.
public enum Side: Int, Sendable, CaseIterable {
    case top, right, bottom, left
    /// The direction that leaves the box through this side.
    public var outward: Direction {
        switch self { case .top: .up; case .right: .right; case .bottom: .down; case .left: .left }
    }
    /// The side facing this one on a box across from it.
    public var opposite: Side { Side(rawValue: (rawValue + 2) % 4)! }
}
