import HopsInput

/// One row of the normal-mode key table: the keys, what they do, and the action. The help
/// screen is drawn from this same table, so it can never disagree with what the keys do.
struct Binding: Sendable {
    let keys: [Key]
    let help: String
    let action: @Sendable (Editor) -> [Effect]
}

extension Editor {
    static let normalBindings: [Binding] = [
        Binding(keys: [.tab], help: "select the next component") { $0.cycleSelection(1) },
        Binding(keys: [.backTab], help: "select the previous component") { $0.cycleSelection(-1) },
        Binding(keys: [.left, .char("h")], help: "select the nearest component to the left (or pan)") { $0.selectToward(.left) },
        Binding(keys: [.down, .char("j")], help: "select the nearest component below (or pan)") { $0.selectToward(.down) },
        Binding(keys: [.up, .char("k")], help: "select the nearest component above (or pan)") { $0.selectToward(.up) },
        Binding(keys: [.right, .char("l")], help: "select the nearest component to the right (or pan)") { $0.selectToward(.right) },
        Binding(keys: [.shiftLeft, .char("H")], help: "move the selection one cell left") { $0.moveSelection(dx: -1, dy: 0) },
        Binding(keys: [.shiftDown, .char("J")], help: "move the selection one cell down") { $0.moveSelection(dx: 0, dy: 1) },
        Binding(keys: [.shiftUp, .char("K")], help: "move the selection one cell up") { $0.moveSelection(dx: 0, dy: -1) },
        Binding(keys: [.shiftRight, .char("L")], help: "move the selection one cell right") { $0.moveSelection(dx: 1, dy: 0) },
        Binding(keys: [.char("a")], help: "add a component from the catalog") { $0.startAdd() },
        Binding(keys: [.char("c")], help: "connect the selection to another component") { $0.startConnect() },
        Binding(keys: [.char("r")], help: "rename the selection") { $0.startRename() },
        Binding(keys: [.char("e")], help: "edit the selection's properties") { $0.startProperties() },
        Binding(keys: [.char("x"), .delete], help: "delete the selection, its children and connections") { $0.deleteSelection() },
        Binding(keys: [.char("u")], help: "undo") { $0.undo() },
        Binding(keys: [.ctrl("r")], help: "redo") { $0.redo() },
        Binding(keys: [.char(":")], help: "command line (:w :wq :q :q! :e :layout :help)") { $0.startCommand() },
        Binding(keys: [.char("?")], help: "this help") { e in e.mode = .help(scroll: 0); return [] },
        Binding(keys: [.pageUp], help: "pan up a screen") { $0.pan(dx: 0, dy: -$0.viewport.size.height / 2) },
        Binding(keys: [.pageDown], help: "pan down a screen") { $0.pan(dx: 0, dy: $0.viewport.size.height / 2) },
        Binding(keys: [.char("z")], help: "overview of the whole design (z again: back)") { $0.toggleOverview() },
        Binding(keys: [.enter], help: "show the selection (from the overview too)") { $0.showSelection() },
        Binding(keys: [.char("i")], help: "hide / show the panel") { $0.togglePanel() },
        Binding(keys: [.esc], help: "stop the request; else clear the selection; backs out of any mode") { e in
            if e.overview { return e.leaveOverview() }
            if e.player != nil { return e.stopPlayer() }
            e.selection = nil; return []
        },
        Binding(keys: [.char("q"), .ctrl("c")], help: "quit (asks first when there are unsaved changes)") { $0.quit(force: false) },
    ]

    func normalKey(_ k: Key) -> [Effect] {
        for b in Editor.normalBindings where b.keys.contains(k) { return b.action(self) }
        for b in Editor.flowBindings where b.keys.contains(k) { return b.action(self) }
        return []
    }

    func quit(force: Bool) -> [Effect] {
        if isDirty && !force { mode = .confirm(.quitUnsaved); return [] }
        return releaseAdopted() + [.removeRecovery, .quit]
    }
}
