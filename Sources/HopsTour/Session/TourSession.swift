import HopsCanvas
import HopsDesign
import HopsEditor
import HopsFlow
import HopsInput

/// A lesson running around an editor: the person uses the editor as always, and after every
/// event the tour looks at the design and the requests and sees whether the step's condition
/// holds. `Enter` / `Backspace` (in the editor's normal mode) move between steps. The editor
/// gets the top of the screen; the lesson panel sits between the canvas and the status line.
/// The design is a copy with no file: `:w PATH` saves it, nothing writes the lesson's design.
public final class TourSession: EditorHost {
    public private(set) var editor: Editor
    public let lessons: [Lesson]
    public private(set) var lessonIndex: Int
    public private(set) var stepIndex = 0
    public private(set) var screen: Size
    /// The steps of this lesson whose condition has held: they stay done.
    public private(set) var done: Set<Int> = []
    /// What the tour itself has to say (Enter again skips, the next lesson), until the next key.
    public private(set) var notice: String?
    /// Lines of the panel's body scrolled away (C-d / C-u, the wheel over the panel).
    public private(set) var scroll = 0
    /// Lists file names for `:w` completion, handed to every editor the tour starts.
    public var completePath: (String) -> [String] = { _ in [] } {
        didSet { editor.completePath = completePath }
    }

    let catalog: Catalog
    let glyphs: GlyphSet
    /// The design and the cluster when the step began.
    var before: (design: Design, flow: FlowState)
    /// What the conditions traced for the design as it is (see FreshTraces).
    let freshTraces = FreshTraces()
    /// Per Pod template id, the Pods (by name) requests reached since the step began.
    var podsSeen: [String: Set<String>] = [:]
    /// What the last event left: the design, to see when it changes, and the panel's body, to see
    /// when new words arrive there (narration, the selected piece).
    var seen: (design: Design, body: [String])?
    /// A second Enter is awaited: to skip an unfinished step, or to leave unsaved changes behind.
    var awaiting: Awaiting?
    enum Awaiting { case skip, leave }

    public init(lessons: [Lesson], start: Int = 0, catalog: Catalog, glyphs: GlyphSet = .unicode, screen: Size) {
        precondition(lessons.indices.contains(start), "no lesson \(start)")
        self.lessons = lessons
        self.catalog = catalog
        self.glyphs = glyphs
        self.screen = screen
        lessonIndex = start
        editor = Editor(
            design: lessons[start].design, catalog: catalog, path: nil, glyphs: glyphs,
            screen: TourLayout(screen).editorSize)
        editor.narrationByHost = true // the lesson panel narrates (TourPanel.narration)
        before = (editor.design, editor.flowState)
        _ = enter(0, forward: true)
    }

    public var lesson: Lesson { lessons[lessonIndex] }
    public var step: Step { lesson.steps[stepIndex] }
    public var isStepDone: Bool { done.contains(stepIndex) }

    // MARK: Events

    public func handle(_ event: InputEvent) -> [Effect] {
        var fx: [Effect]
        switch event {
        case .resize(let s):
            screen = s
            fx = editor.handle(.resize(TourLayout(s).editorSize))
        case .key(let k) where editor.mode == .normal:
            notice = nil
            if let own = ownKey(k) {
                fx = own
            } else {
                awaiting = nil
                fx = editor.handle(event)
            }
        case .key:
            notice = nil
            fx = editor.handle(event)
        case .mouse(let m):
            fx = mouse(m)
        case .tick:
            fx = editor.handle(event)
        }
        observe()
        return fx
    }

    public func handle(_ answer: Answer) -> [Effect] {
        let fx = editor.handle(answer)
        observe()
        return fx
    }

    /// The tour's keys in normal mode; nil for a key that goes to the editor.
    private func ownKey(_ k: Key) -> [Effect]? {
        switch k {
        case .enter: return next()
        case .backspace:
            awaiting = nil
            guard stepIndex > 0 else {
                notice = "This is the first step."
                return []
            }
            return enter(stepIndex - 1, forward: false)
        case .ctrl("d"):
            scroll = min(maxScroll, scroll + max(1, TourLayout(screen).panelRows / 2))
            return []
        case .ctrl("u"):
            scroll = max(0, scroll - max(1, TourLayout(screen).panelRows / 2))
            return []
        default: return nil
        }
    }

    private func mouse(_ m: MouseEvent) -> [Effect] {
        let layout = TourLayout(screen)
        guard layout.panelRows > 0 else { return editor.handle(.mouse(m)) }
        if layout.panel.contains(m.at) {
            switch m.action {
            case .scrollDown:
                scroll = min(maxScroll, scroll + 2)
                return []
            case .scrollUp:
                scroll = max(0, scroll - 2)
                return []
            case .press: return []
            case .release, .drag: break  // a drag that left the canvas still ends (or moves) in the editor
            }
        }
        return editor.handle(.mouse(MouseEvent(m.action, at: layout.editorPoint(m.at))))
    }

    // MARK: Steps

    /// Enter: the next step, once this one is done (a second Enter skips it); after the last
    /// step, the next lesson.
    private func next() -> [Effect] {
        if step.task != nil, !isStepDone, awaiting == nil {
            awaiting = .skip
            // The task itself stays on screen just below ("To do: ..."): not said twice.
            notice = "Not done yet. Enter again skips this step."
            return []
        }
        if stepIndex + 1 < lesson.steps.count { return enter(stepIndex + 1, forward: true) }
        guard lessonIndex + 1 < lessons.count else {
            notice = "That was the last step of the last lesson: q quits (:w PATH first keeps your copy of the design)."
            return []
        }
        let nextLesson = lessons[lessonIndex + 1]
        if editor.isDirty && awaiting != .leave {
            awaiting = .leave
            notice =
                "Lesson \(nextLesson.number) starts on a fresh copy of the design and your changes here are not "
                + "saved (:w PATH keeps them). Enter again starts it."
            return []
        }
        return startLesson(lessonIndex + 1)
    }

    private func startLesson(_ i: Int) -> [Effect] {
        lessonIndex = i
        done = []
        editor = Editor(
            design: lesson.design, catalog: catalog, path: nil, glyphs: glyphs,
            screen: TourLayout(screen).editorSize)
        editor.narrationByHost = true
        editor.completePath = completePath
        // The old editor may have been animating; the new one starts still.
        return [.animate(false)] + enter(0, forward: true)
    }

    /// Shows step `i`. Entered forward (Enter), it makes the step's changes to the design; every
    /// step starts with no request on screen and counts the Pods reached afresh.
    private func enter(_ i: Int, forward: Bool) -> [Effect] {
        let fx = editor.stopRequest()
        stepIndex = i
        scroll = 0
        awaiting = nil
        if forward {
            for action in step.actions {
                switch action.apply(to: editor.design, catalog: catalog) {
                case .success(let (d, said)): editor.applyLessonChange(d, message: said)
                case .failure(let e):
                    // The person changed what the step wanted to change: say so and go on.
                    notice = "This step could not prepare the design (\(e.message)); it may not work as described."
                }
            }
        }
        before = (editor.design, editor.flowState)
        podsSeen = [:]
        // The step's first component is selected, so its keys (`e`, `:scale`, `t`) act on it.
        let first = (step.pieces + step.highlight).lazy.flatMap { $0.resolve(in: self.editor.design) }.first
        if let first { editor.selectComponent(first.id) }
        observe()
        editor.reveal(highlightedIDs)
        return fx
    }

    /// Notes what the requests reached and whether the step's condition now holds; updates
    /// what the canvas picks out. When the design changed, brings the selection and the step's
    /// components into view (an Ingress just added, Service api the lesson added below); when
    /// the panel's body changed, scrolls it back to its top so its first new line shows.
    private func observe() {
        var now = situation
        for hop in now.travelled where hop.direction == .request && hop.status == .ok {
            if let name = hop.podName { podsSeen[hop.to, default: []].insert(name) }
        }
        now.podsSeen = podsSeen
        if let c = step.condition, !isStepDone, now.holds(c) {
            done.insert(stepIndex)
            scroll = 0
        }
        editor.highlighted = Set(highlightedIDs)
        let body = panelLines().body.map(\.text)
        if seen?.body != body { scroll = 0 }
        if seen?.design != editor.design {
            // The selection first: it is what the person works on, and must not be scrolled away.
            let ids = (editor.selection.map { [$0] } ?? []) + highlightedIDs
            editor.reveal(ids.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        }
        seen = (editor.design, body)
    }

    /// The state the conditions look at.
    public var situation: Situation {
        Situation(
            design: editor.design, flow: editor.flowState, player: editor.player, before: before, podsSeen: podsSeen,
            traces: freshTraces)
    }

    /// What the canvas picks out: the piece selected (or every piece while none is), else the
    /// step's highlights as the design has them now.
    public var highlightedIDs: [String] {
        let design = editor.design
        if !step.pieces.isEmpty {
            let ids = step.pieces.flatMap { $0.resolve(in: design).map(\.id) }
            if let s = editor.selection, ids.contains(s) { return [s] }
            return ids
        }
        var seen = Set<String>()
        return step.highlight.flatMap { $0.resolve(in: design).map(\.id) }.filter { seen.insert($0).inserted }
    }

    /// The first hint whose condition holds, while the step is not done.
    public var hint: String? {
        guard !isStepDone else { return nil }
        let now = situation
        return step.hints.first { now.holds($0.condition) }?.text
    }
}
