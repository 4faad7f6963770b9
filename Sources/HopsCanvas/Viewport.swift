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

extension Viewport {
    /// Shows `content` whole when it fits: with `margin` cells around it when those fit too,
    /// else centred; content larger than the view is shown from its top-left, `margin` cells out.
    public mutating func show(_ content: Rect, margin: Int = 1) {
        origin.x = Viewport.start(content.x, content.width, view: size.width, margin: margin)
        origin.y = Viewport.start(content.y, content.height, view: size.height, margin: margin)
    }

    private static func start(_ start: Int, _ length: Int, view: Int, margin: Int) -> Int {
        if length + 2 * margin <= view || length > view { return start - margin }
        return start - (view - length) / 2
    }

    /// Puts the middle of `target` in the middle of the view.
    public mutating func center(on target: Rect) {
        origin = Point(x: target.center.x - size.width / 2, y: target.center.y - size.height / 2)
    }

    /// Keeps what matters most on screen: `targets` in order of importance (a moving packet,
    /// then the box it goes to, then the one it left). Each is added while the whole still fits
    /// with `margin` cells around it; the view then scrolls the least needed to show that.
    public mutating func reveal(_ targets: [Rect], margin: Int = 1) {
        guard var shown = targets.first(where: { !$0.isEmpty }) else { return }
        for t in targets.dropFirst() where !t.isEmpty {
            let grown = shown.union(t)
            if grown.width + 2 * margin <= size.width && grown.height + 2 * margin <= size.height { shown = grown }
        }
        follow(shown, margin: margin)
    }
}
