import HopsCanvas
import HopsText

extension Editor {
    /// The status line while searching: `/query_  3 of 12 · label app=web`, then the hints.
    func drawSearchLine(_ s: Search, y: Int, into grid: inout Grid) {
        drawFieldLine("/", s.field, note: searchSummary(s), y: y, into: &grid)
    }

    /// "3 of 12", what matched when it was not the name, and a note when the match is not drawn;
    /// "no component matches" when none does; nothing before anything is typed. A message (a
    /// refused key) is said instead, for the one key after it.
    func searchSummary(_ s: Search) -> String {
        if let m = message { return m }
        guard !s.field.text.isEmpty else { return "" }
        guard let c = s.current else { return "no component matches" }
        let m = s.matches[c]
        var out = "\(c + 1) of \(s.matches.count)"
        if m.field != .name { out += " · \(m.field.describe(m.text))" }
        if let note = standIn(for: m.component, in: s.index).note { out += " · \(note)" }
        return out
    }

    /// While searching, every match on screen is picked out by a mark before its tag (and bold),
    /// so the matches show without colour; the current one is also the selection. Only the
    /// boxes in view are asked, so a frame costs the same for 10 matches or 10,000.
    func decorateMatches(_ changed: inout [Int: SceneBox], _ scene: Scene) {
        guard case .search(let s) = mode, s.current != nil else { return }
        let view = viewport.rect, ids = cache.designScene.boxIDs
        for i in scene.boxes.indices where scene.boxes[i].rect.intersects(view) {
            guard let k = s.index.position[ids[i]], s.isMatch[Int(k)] else { continue }
            var box = changed[i] ?? scene.boxes[i]
            box.tag = box.tag.isEmpty ? glyphs.matchMark : "\(glyphs.matchMark) \(box.tag)"
            box.color.attrs.insert(.bold)
            changed[i] = box
        }
    }
}

extension GlyphSet {
    /// Marks a search match in its box's top border.
    var matchMark: String { isASCII ? "*" : "◆" }
}
