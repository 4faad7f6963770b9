import HopsCanvas
import HopsDesign
import HopsInput
import HopsText

/// A search being typed (`/`): the query, what it matches, the match selected now, and where the
/// person was when it opened (Esc goes back there).
public struct Search: Equatable, Sendable {
    public internal(set) var field: TextField
    /// Best first (names, then kinds, tags, labels, images, note text), each in design order.
    public internal(set) var matches: [SearchMatch] = []
    /// Which of `matches` is selected; nil when there are none.
    public internal(set) var current: Int?
    /// By design index: whether the component is a match (so a frame asks only the boxes in view).
    var isMatch: [Bool] = []
    let index: SearchIndex
    /// The selection and the view's top-left canvas cell before the search.
    let before: Place

    struct Place: Equatable, Sendable {
        let selection: String?
        let origin: Point
    }

    public static func == (a: Search, b: Search) -> Bool {
        a.field == b.field && a.matches == b.matches && a.current == b.current && a.index === b.index
            && a.before == b.before
    }

    /// Characters in a query.
    public static let maxQuery = Limits.maxName

    /// The component id of match `m`.
    func id(_ m: SearchMatch) -> String { index.ids[m.component] }
}

/// What `]` and `[` step through once a search has closed, and the index it was made with.
struct LastSearch {
    var query = ""
    var index: SearchIndex
    /// The match `]` or Enter went to last (its design index), and what was selected for it (itself,
    /// or the group that hides it): from there `]` goes on, even when a stand-in is selected.
    var at: (component: Int, selected: String)?
}

extension Editor {
    /// The search index of the design as it is now: the last one when the design has not changed.
    func searchIndex() -> SearchIndex {
        if let i = lastSearch?.index, i.isCurrent(for: design) { return i }
        let i = SearchIndex(design: design, catalog: catalog)
        lastSearch = LastSearch(query: lastSearch?.query ?? "", index: i)
        return i
    }

    /// Opens the search with the last query selected: Enter takes it again, typing replaces it.
    func startSearch() -> [Effect] {
        let index = searchIndex()
        let last = lastSearch?.query ?? ""
        var s = Search(field: TextField(last, selected: true), index: index,
                       before: Search.Place(selection: selection, origin: viewport.origin))
        s = refiltered(s)
        mode = .search(s)
        showCurrentMatch(s)
        return []
    }

    /// Typing changes the query: the matches are found again, and the current match stays the
    /// same component while it still matches (else the best match is current).
    func typeIntoSearch(_ k: Key) -> [Effect] {
        guard case .search(var s) = mode else { return [] }
        if refusedCharacter(k) { return [] }
        let before = s.field.text
        s.field.handle(k)
        // Each key searches every component again: a pasted page would take seconds, and no
        // name is longer than this (labels and images are shorter still).
        if s.field.text.count > Search.maxQuery {
            message = "a search is at most \(Search.maxQuery) characters, as long as a Kubernetes name"
            return []
        }
        if s.field.text != before {
            s = refiltered(s)
            showCurrentMatch(s)
        }
        mode = .search(s)
        return []
    }

    /// Backspace on an empty query closes the search, as on the command line.
    func searchBackspace() -> [Effect] {
        guard case .search(let s) = mode else { return [] }
        if s.field.text.isEmpty { return cancelSearch() }
        return typeIntoSearch(.backspace)
    }

    private func refiltered(_ s: Search) -> Search {
        var s = s
        let kept = s.current.map { s.matches[$0].component }
        s.matches = s.index.matches(s.field.text)
        s.isMatch = [Bool](repeating: false, count: s.index.ids.count)
        for m in s.matches { s.isMatch[m.component] = true }
        s.current = s.matches.isEmpty ? nil : (kept.flatMap { k in s.matches.firstIndex { $0.component == k } } ?? 0)
        return s
    }

    /// The next (1) or previous (-1) match becomes current, wrapping round.
    func moveSearchMatch(_ delta: Int) -> [Effect] {
        guard case .search(var s) = mode else { return [] }
        guard let c = s.current else { return [] }
        let n = s.matches.count
        s.current = ((c + delta) % n + n) % n
        mode = .search(s)
        showCurrentMatch(s)
        return []
    }

    /// Selects the current match and scrolls to it, live; with none, the selection and view are
    /// back where they were.
    private func showCurrentMatch(_ s: Search) {
        guard let c = s.current else { restore(s.before); return }
        select(standIn(for: s.matches[c].component, in: s.index).id)
    }

    private func restore(_ place: Search.Place) {
        selection = place.selection
        viewport.origin = place.origin
    }

    /// Enter: the current match stays selected and the search closes; `]` and `[` go on from it.
    func acceptSearch() -> [Effect] {
        guard case .search(let s) = mode else { return [] }
        mode = .normal
        let query = s.field.text
        guard !query.isEmpty else { restore(s.before); return [] }
        lastSearch = LastSearch(query: query, index: s.index)
        guard let c = s.current else {
            restore(s.before)
            message = "no component matches \"\(query)\""
            return []
        }
        let m = s.matches[c]
        let shown = standIn(for: m.component, in: s.index)
        select(shown.id)
        lastSearch?.at = (m.component, shown.id)
        message = "\(found(m, in: s.index)): \(c + 1) of \(s.matches.count) for \"\(query)\""
            + (shown.note.map { "; \($0)" } ?? "") + "; ] next, [ previous"
        return []
    }

    /// Esc: the selection and the view go back to where they were before `/`.
    func cancelSearch() -> [Effect] {
        guard case .search(let s) = mode else { return [] }
        mode = .normal
        restore(s.before)
        return []
    }

    /// `]` (1) and `[` (-1) after a search: the next or previous match of the last query, from
    /// the selection (from the first or the last match when the selection is not one).
    func stepSearch(_ delta: Int) -> [Effect] {
        guard let query = lastSearch?.query, !query.isEmpty else {
            message = "no search yet: / finds components by name, kind, label or image"
            return []
        }
        let index = searchIndex()
        let matches = index.matches(query)
        guard !matches.isEmpty else { message = "no component matches \"\(query)\""; return [] }
        let from: Int? = lastSearch?.at.flatMap { $0.selected == selection ? $0.component : nil }
            ?? selection.flatMap { sel in index.position[sel].map(Int.init) }
        let here = from.flatMap { k in matches.firstIndex { $0.component == k } }
        let n = matches.count
        let next = here.map { (($0 + delta) % n + n) % n } ?? (delta > 0 ? 0 : n - 1)
        let wrapped = here.map { delta > 0 ? next <= $0 : next >= $0 } ?? false
        let m = matches[next]
        let shown = standIn(for: m.component, in: index)
        select(shown.id)
        lastSearch?.at = (m.component, shown.id)
        message = "\(found(m, in: index)): \(next + 1) of \(n) for \"\(query)\""
            + (shown.note.map { "; \($0)" } ?? "")
            + (wrapped && n > 1 ? (delta > 0 ? " (wrapped to the first)" : " (wrapped to the last)") : "")
        return []
    }

    /// "Service web", and what matched when it was not the name ("Pod web (label app=web)").
    private func found(_ m: SearchMatch, in index: SearchIndex) -> String {
        let name = SafeText.escape(design.displayName(index.ids[m.component]))
        return m.field == .name ? name : "\(name) (\(m.field.describe(m.text)))"
    }

    /// What to select for a match: the component itself when it is drawn; else the nearest
    /// enclosing component that is drawn (a folded group holds it), with a note saying so.
    func standIn(for component: Int, in index: SearchIndex) -> (id: String, note: String?) {
        Editor.standIn(for: component, in: index, design: design) { cache.rects[$0] != nil }
    }

    /// `standIn(for:in:)` with what is drawn as a question, so that it can be asked of any state.
    static func standIn(for component: Int, in index: SearchIndex, design: Design,
                        isDrawn: (String) -> Bool) -> (id: String, note: String?) {
        let id = index.ids[component]
        if isDrawn(id) { return (id, nil) }
        var p = Int(index.parents[component])
        var folded = false
        for _ in 0..<index.ids.count where p >= 0 {
            let outer = index.ids[p]
            folded = folded || design.component(outer)?.properties[ShownDesign.foldedProperty]?.bool == true
            if isDrawn(outer) {
                // The keys act on the selection: say plainly that it is the group, not the match.
                let group = SafeText.escape(design.displayName(outer))
                return (outer, folded ? "inside folded \(group), which is selected (z unfolds it)"
                                      : "on a hidden layer inside \(group), which is selected (:show shows it)")
            }
            p = Int(index.parents[p])
        }
        return (id, "not drawn: on a hidden layer (:show shows it)")
    }
}
