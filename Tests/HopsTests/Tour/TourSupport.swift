import HopsCanvas
import HopsDesign
import HopsEditor
import HopsInput
import HopsResources
import HopsTour
import Testing

/// Drives the tour like a person: keys in notation (`t`, `<Enter>`, `:scale 3<Enter>`), time
/// as ticks, and what came out: the screen as rows of text, the panel's lines, the highlights.
struct TourDriver {
    let tour: TourSession
    private(set) var effects: [Effect] = []

    static func lessons() throws -> [Lesson] {
        try Lessons.read(BundledResources.lessons, catalog: Fixtures.catalog) { name in
            name == BundledResources.requestFlowName ? try Fixtures.bundledDesign() : nil
        }
    }

    init(lesson: Int = 1, screen: Size = Size(width: 80, height: 24)) throws {
        tour = TourSession(
            lessons: try TourDriver.lessons(), start: lesson - 1, catalog: Fixtures.catalog, screen: screen)
    }

    @discardableResult
    mutating func keys(_ s: String) -> [Effect] {
        var out: [Effect] = []
        for k in Key.sequence(s) { out += tour.handle(.key(k)) }
        effects += out
        return out
    }

    /// Time passes in the run loop's ticks of 33 ms.
    mutating func wait(ms: Int) {
        var left = ms
        while left > 0 {
            effects += tour.handle(.tick(milliseconds: min(33, left)))
            left -= 33
        }
    }

    /// `Kind/name` of the selected component.
    var selected: String? { editor.selection.flatMap { design.component($0) }.map { "\($0.kind.rawValue)/\($0.name)" } }

    /// Presses Tab until the component `Kind/name` is selected (in normal mode), or the
    /// connect mode's target (in connect mode), as a person would.
    mutating func tab(to ref: String) {
        for _ in 0...design.components.count {
            if case .connect(_, let target, _) = editor.mode {
                if target.flatMap({ design.component($0) }).map({ "\($0.kind.rawValue)/\($0.name)" }) == ref { return }
            } else if selected == ref {
                return
            }
            keys("<Tab>")
        }
        Issue.record("Tab never reached \(ref)")
    }

    /// Draws an arrow with the editor's keys: select `from`, `c`, Tab to `to`, Enter.
    mutating func connect(_ from: String, to: String) {
        tab(to: from)
        keys("c")
        tab(to: to)
        keys("<Enter>")
    }

    var editor: Editor { tour.editor }
    var design: Design { tour.editor.design }
    var screen: [String] { tour.draw().rows }
    var screenText: String { screen.joined(separator: "\n") }
    /// The panel's lines before wrapping, body then footer, as one text.
    var panel: String {
        let (body, footer) = tour.panelLines()
        return (body + footer).map(\.text).joined(separator: "\n")
    }
    /// The highlighted components by name, as `Kind/name`.
    var highlighted: [String] {
        tour.highlightedIDs.compactMap { id in design.component(id).map { "\($0.kind.rawValue)/\($0.name)" } }
    }
    var step: Int { tour.stepIndex + 1 }
    var done: Bool { tour.isStepDone }
    /// The narration of the hop the focused request is on.
    var narration: String? { editor.player?.focus?.current?.narration }
}
