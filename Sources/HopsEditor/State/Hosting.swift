import HopsCanvas
import HopsDesign
import HopsInput

/// What the run loop drives: the editor itself, or something that owns an editor and draws
/// around it (the tour's lesson panel). The loop hands events to the host, the answers to its
/// effects too, and shows what the host draws; files are the editor's business (its `path`).
public protocol EditorHost: AnyObject {
    /// The editor whose design is saved and watched; it may change (a new lesson, a new editor).
    var editor: Editor { get }
    func handle(_ event: InputEvent) -> [Effect]
    func handle(_ answer: Answer) -> [Effect]
    func draw() -> Grid
}

extension Editor: EditorHost {
    public var editor: Editor { self }
}

/// Changes made to the editor from outside, by a lesson: not the person's edits.
extension Editor {
    /// Replaces the design with one a lesson prepared (a broken selector to fix). It is not the
    /// person's edit: it marks nothing unsaved and cannot be undone (undo would otherwise hand
    /// the fix back), so the undo history starts again here. A request on screen is traced again.
    public func applyLessonChange(_ new: Design, message note: String) {
        replaceDesign(new, undoable: false)
        retrace()
        message = note
    }

    /// Takes the request off the screen, as `Esc` does; returns the effects (stop ticking).
    public func stopRequest() -> [Effect] {
        guard player != nil else { return [] }
        let fx = stopPlayer()
        message = nil
        return fx
    }

    /// Selects a component and brings it into view, as Tab would; an unknown id changes nothing.
    public func selectComponent(_ id: String) {
        if design.component(id) != nil { select(id) }
    }

    /// True when the editor draws its own panel beside or below the canvas at this screen size
    /// (with the request's narration); false when the canvas takes the whole screen.
    public var showsPanel: Bool { panelArea != nil }
}
