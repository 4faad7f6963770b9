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

    public mutating func clamp(to content: Rect, margin: Int = 2) {
        let minX = content.x - margin, minY = content.y - margin
        let maxX = max(minX, content.maxX + margin + 1 - size.width)
        let maxY = max(minY, content.maxY + margin + 1 - size.height)
        origin.x = min(max(origin.x, minX), maxX)
        origin.y = min(max(origin.y, minY), maxY)
    }

    /// Scrolls the least needed so that `target` (or as much of it as fits) is on screen.
    public mutating func follow(_ target: Rect, margin: Int = 1) {
        if target.x - margin < origin.x { origin.x = target.x - margin }
        else if target.maxX + margin >= origin.x + size.width { origin.x = min(target.x - margin, target.maxX + margin + 1 - size.width) }
        if target.y - margin < origin.y { origin.y = target.y - margin }
        else if target.maxY + margin >= origin.y + size.height { origin.y = min(target.y - margin, target.maxY + margin + 1 - size.height) }
    }
}
