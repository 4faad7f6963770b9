import HopsCanvas
import HopsDesign

/// What someone driving the editor from outside (the tour) may ask of the canvas: pick out
/// components, and bring them into view. Kept apart so the editor's own files stay as they are.
extension Editor {
    /// Marks the highlighted boxes (adds to `changed`, the boxes drawn differently from `scene`).
    /// The marks are glyphs, so a highlight shows without colour; bold adds to it where there is.
    func markHighlighted(_ changed: inout [Int: SceneBox], _ scene: Scene) {
        for id in highlighted {
            guard let i = cache.designScene.boxIndex[id] else { continue }
            var box = changed[i] ?? scene.boxes[i]
            box.marked = true
            box.color.attrs.insert(.bold)
            changed[i] = box
        }
    }

    /// Scrolls the least needed to show these components: the first, and with it each of the
    /// others that still fits the canvas area together with those before (Viewport.reveal, the
    /// rule the view uses to follow a packet too). Unknown ids are skipped; with none known the
    /// view stays.
    public func reveal(_ ids: [String]) {
        viewport.reveal(ids.compactMap { cache.rects[$0] })
    }

    /// True when `ids` are all wholly inside the part of the canvas on screen.
    public func shows(_ ids: [String]) -> Bool {
        ids.allSatisfy { id in cache.rects[id].map { viewport.rect.contains($0) } ?? false }
    }
}
