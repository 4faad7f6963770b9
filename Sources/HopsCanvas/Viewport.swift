/// The part of a canvas that a screen shows: an origin on the canvas and the screen's size.
public struct Viewport: Equatable, Sendable {
    public var origin: Point
    public var size: Size
    public init(origin: Point = .zero, size: Size) { self.origin = origin; self.size = size }
    public var rect: Rect { Rect(origin: origin, size: size) }

    /// Pans by whole cells; the view never goes further than `margin` cells beyond `content`.
    public mutating func pan(dx: Int, dy: Int, within content: Rect, margin: Int = 2) {
        origin.x += dx; origin.y += dy
        clamp(to: content, margin: margin)
    }

    /// Keeps the content in view: content larger than the view may be panned to `margin` cells
    /// past its edges; content that fits stays wholly visible.
    public mutating func clamp(to content: Rect, margin: Int = 2) {
        origin.x = Viewport.clamp(origin.x, start: content.x, length: content.width, view: size.width, margin: margin)
        origin.y = Viewport.clamp(origin.y, start: content.y, length: content.height, view: size.height, margin: margin)
    }

    private static func clamp(_ o: Int, start: Int, length: Int, view: Int, margin: Int) -> Int {
        if length <= view { return min(max(o, start + length - view), start) }
        return min(max(o, start - margin), start + length + margin - view)
    }

    /// Scrolls the least needed so that `target` (or as much of it as fits) is on screen.
    public mutating func follow(_ target: Rect, margin: Int = 1) {
        if target.x - margin < origin.x { origin.x = target.x - margin }
        else if target.maxX + margin >= origin.x + size.width { origin.x = min(target.x - margin, target.maxX + margin + 1 - size.width) }
        if target.y - margin < origin.y { origin.y = target.y - margin }
        else if target.maxY + margin >= origin.y + size.height { origin.y = min(target.y - margin, target.maxY + margin + 1 - size.height) }
    }
}
