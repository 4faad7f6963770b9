import HopsInput

/// One row of a mode's key table: the keys, what they do, and the action. Dispatch, the help
/// screen, the status-line hints and the README's key tables all read these same rows, so they
/// can never disagree with what the keys do.
struct Binding: Sendable {
    let keys: [Key]
    let help: String
    /// A word for the status line ("add" shows as "a add"); nil leaves the row out of the hints.
    var hint: String? = nil
    let action: @Sendable (Editor) -> [Effect]
}

extension Editor {
    static let normalBindings: [Binding] = [
        Binding(keys: [.tab], help: "select the next component") { $0.cycleSelection(1) },
        Binding(keys: [.backTab], help: "select the previous component") { $0.cycleSelection(-1) },
        Binding(keys: [.left, .char("h")], help: "select the nearest component to the left, siblings first (or pan)") {
            $0.selectToward(.left)
        },
        Binding(keys: [.down, .char("j")], help: "select the nearest component below (or pan)") {
            $0.selectToward(.down)
        },
        Binding(keys: [.up, .char("k")], help: "select the nearest component above (or pan)") { $0.selectToward(.up) },
        Binding(keys: [.right, .char("l")], help: "select the nearest component to the right (or pan)") {
            $0.selectToward(.right)
        },
        Binding(keys: [.shiftLeft, .char("H")],
                help: "move the selection one cell left (its children move too, arrows re-route)") {
            $0.moveSelection(dx: -1, dy: 0)
        },
        Binding(keys: [.shiftDown, .char("J")], help: "move the selection one cell down") {
            $0.moveSelection(dx: 0, dy: 1)
        },
        Binding(keys: [.shiftUp, .char("K")], help: "move the selection one cell up") {
            $0.moveSelection(dx: 0, dy: -1)
        },
        Binding(keys: [.shiftRight, .char("L")], help: "move the selection one cell right") {
            $0.moveSelection(dx: 1, dy: 0)
        },
        Binding(keys: [.char("a")],
                help: "add a component from the catalog, beside the selection or inside it", hint: "add") {
            $0.startAdd()
        },
        Binding(keys: [.char("c")], help: "connect the selection to another component", hint: "connect") {
            $0.startConnect()
        },
        Binding(keys: [.char("C")], help: "select one of the selection's connections (any one with nothing selected)",
                hint: "arrows") { $0.cycleConnection(1) },
        Binding(keys: [.char("r")], help: "rename the selection") { $0.startRename() },
        Binding(keys: [.char("e")],
                help: "edit the selection's properties (replicas, image, ports, labels, selector...)") {
            $0.startProperties()
        },
        Binding(keys: [.char("x"), .delete], help: "delete the selection, its children and connections") {
            $0.deleteSelection()
        },
        Binding(keys: [.char("z")], help: "fold the selected group to one box, or unfold it") { $0.toggleFold() },
        Binding(keys: [.char("u")], help: "undo (up to 5,000 steps)") { $0.undo() },
        Binding(keys: [.ctrl("r")], help: "redo") { $0.redo() },
        Binding(keys: [.char("t")], help: "trace a request from the selection (default: the User)", hint: "trace") {
            $0.startTrace()
        },
        Binding(keys: [.char(":")], help: "open the command line") { $0.startCommand() },
        Binding(keys: [.char("/")], help: "search components by name, kind, label or image as you type") {
            $0.startSearch()
        },
        Binding(keys: [.char("]")], help: "select the next match of the last search") { $0.stepSearch(1) },
        Binding(keys: [.char("[")], help: "select the previous match of the last search") { $0.stepSearch(-1) },
        Binding(keys: [.pageUp], help: "pan up half a screen") { $0.pan(dx: 0, dy: -$0.viewport.size.height / 2) },
        Binding(keys: [.pageDown], help: "pan down half a screen") { $0.pan(dx: 0, dy: $0.viewport.size.height / 2) },
        Binding(keys: [.char("f")], help: "overview of the whole design (f again: back)") { $0.toggleOverview() },
        Binding(keys: [.enter], help: "show the selection (from the overview too)") { $0.showSelection() },
        Binding(keys: [.char("i")], help: "hide / show the panel") { $0.togglePanel() },
        Binding(keys: [.ctrl("d")], help: "scroll the panel down (narration, warnings, properties)") {
            $0.scrollPanel(down: true)
        },
        Binding(keys: [.ctrl("u")], help: "scroll the panel up") { $0.scrollPanel(down: false) },
        Binding(keys: [.esc], help: "leave the overview; else clear the selection") { e in
            if e.overview { return e.leaveOverview() }
            e.selection = nil; return []
        },
        Binding(keys: [.char("?")], help: "show every key and command", hint: "keys") { $0.openHelp() },
        Binding(keys: [.char("q"), .ctrl("c")], help: "quit (asks first when there are unsaved changes)",
                hint: "quit") {
            $0.quit(force: false)
        },
    ]

    func quit(force: Bool) -> [Effect] {
        if isDirty && !force { mode = .confirm(.quitUnsaved); return [] }
        return releaseAdopted() + [.removeRecovery, .quit]
    }
}
