import HopsInput
import HopsText

/// Every key of one state of the editor. The state's dispatch, its section of the help screen,
/// its status-line hints and its table in the README are all this one value.
struct KeyTable: Sendable {
    /// The state as help, the status line and the README's headings name it ("Normal").
    let name: String
    /// When the table is in force, for help and the README.
    let when: String
    let bindings: [Binding]
    /// What keys the table does not list do; nil when they do nothing.
    var others: OtherKeys? = nil

    /// Runs the row for `k`, else `others`; nil when neither takes the key.
    func dispatch(_ k: Key, to e: Editor) -> [Effect]? {
        if let b = bindings.first(where: { $0.keys.contains(k) }) { return b.action(e) }
        return others.map { $0.action(e, k) }
    }

    /// "a add", "Esc back": the rows with a hint, in table order.
    var hints: [String] {
        var out = bindings.compactMap { b in b.hint.map { "\(b.keys[0].name) \($0)" } }
        if let h = others?.hint { out.insert(h, at: 0) }
        return out
    }
}

/// The keys a table does not list: typing into a field, or leaving for another mode.
struct OtherKeys: Sendable {
    let help: String
    var hint: String? = nil
    let action: @Sendable (Editor, Key) -> [Effect]

    /// Keys type into the mode's text field (see `TextField.editKeys`).
    static let typing = OtherKeys(help: "type into the field (Typing lists the editing keys)", hint: "type") { e, k in
        e.typeIntoField(k)
    }
}

extension Editor {
    static let normalTable = KeyTable(name: "Normal", when: "a component, or nothing, is selected",
                                      bindings: normalBindings)
    static let traceTable = KeyTable(name: "Trace", when: "a request is shown (in Normal each of these starts one)",
                                     bindings: flowBindings)

    static let addTable = KeyTable(name: "Add", when: "the catalog palette (a)", bindings: [
        Binding(keys: [.up, .backTab], help: "the previous kind") { $0.movePaletteChoice(-1) },
        Binding(keys: [.down, .tab], help: "the next kind") { $0.movePaletteChoice(1) },
        Binding(keys: [.enter], help: "add the chosen kind", hint: "add") { $0.addChosenKind() },
        Binding(keys: [.esc], help: "close the palette", hint: "back") { $0.backToNormal() },
    ], others: OtherKeys(help: "type to filter the kinds (Typing lists the editing keys)",
                         hint: "type to filter") { e, k in
        e.typeIntoPaletteFilter(k)
    })

    static let connectTable = KeyTable(
        name: "Connect", when: "choosing what to connect the selection to (c)", bindings: [
        Binding(keys: [.tab], help: "the next component as the target", hint: "target") {
            $0.chooseTarget { $0.cycleSelection(1) }
        },
        Binding(keys: [.backTab], help: "the previous component as the target") {
            $0.chooseTarget { $0.cycleSelection(-1) }
        },
        Binding(keys: [.left, .char("h")], help: "the nearest component to the left") {
            $0.chooseTarget { $0.selectToward(.left) }
        },
        Binding(keys: [.down, .char("j")], help: "the nearest component below") {
            $0.chooseTarget { $0.selectToward(.down) }
        },
        Binding(keys: [.up, .char("k")], help: "the nearest component above") {
            $0.chooseTarget { $0.selectToward(.up) }
        },
        Binding(keys: [.right, .char("l")], help: "the nearest component to the right") {
            $0.chooseTarget { $0.selectToward(.right) }
        },
        Binding(keys: [.char("m")], help: "next kind that makes sense for the two ends (Hops guesses one)", hint: "kind") {
            $0.changeConnectKind()
        },
        Binding(keys: [.enter], help: "draw the connection", hint: "connect") { $0.connectToTarget() },
        Binding(keys: [.esc], help: "cancel", hint: "back") { $0.cancelConnect() },
    ])

    static let renameTable = KeyTable(name: "Rename", when: "renaming the selection (r)", bindings: [
        Binding(keys: [.enter], help: "keep the new name", hint: "keep") { $0.finishRename() },
        Binding(keys: [.esc], help: "keep the old name", hint: "back") { $0.backToNormal() },
    ], others: .typing)

    static let propertiesTable = KeyTable(name: "Properties", when: "the properties form (e)", bindings: [
        Binding(keys: [.up, .char("k"), .backTab], help: "the property above") { $0.moveFormField(-1) },
        Binding(keys: [.down, .char("j"), .tab], help: "the property below") { $0.moveFormField(1) },
        Binding(keys: [.enter], help: "edit the property", hint: "edit") { $0.editFormField() },
        Binding(keys: [.esc, .char("q")], help: "close the form", hint: "back") { $0.backToNormal() },
    ])

    static let propertyValueTable = KeyTable(name: "Property value", when: "typing a property's value", bindings: [
        Binding(keys: [.enter], help: "set the value (a wrong one is refused, saying why)", hint: "set") {
            $0.setFormField()
        },
        Binding(keys: [.esc], help: "leave the value as it was", hint: "back") { $0.stopEditingFormField() },
    ], others: .typing)

    static let commandTable = KeyTable(name: "Command line", when: "typing a command (:)", bindings: [
        Binding(keys: [.enter], help: "run the command", hint: "run") { $0.runCommandLine() },
        Binding(keys: [.tab], help: "complete the command's name, or a file name after :w :e :export",
                hint: "complete") {
            $0.completeCommandLine()
        },
        Binding(keys: [.backspace], help: "delete the character before the cursor; on an empty line, close it") {
            $0.commandBackspace()
        },
        Binding(keys: [.esc], help: "close the command line", hint: "back") { $0.backToNormal() },
    ], others: .typing)

    static let helpTable = KeyTable(name: "Help", when: "this screen (?)", bindings: [
        Binding(keys: [.char("j"), .down], help: "scroll down a line", hint: "scroll") { $0.scrollHelp(by: 1) },
        Binding(keys: [.char("k"), .up], help: "scroll up a line") { $0.scrollHelp(by: -1) },
        Binding(keys: [.char(" "), .pageDown, .ctrl("d")], help: "scroll down a page", hint: "page") {
            $0.scrollHelp(pages: 1)
        },
        Binding(keys: [.char("b"), .pageUp, .ctrl("u")], help: "scroll up a page") { $0.scrollHelp(pages: -1) },
        Binding(keys: [.char("g"), .home], help: "go to the top") { $0.scrollHelp(by: -Int.max / 2) },
        Binding(keys: [.char("G"), .end], help: "go to the end") { $0.scrollHelp(by: Int.max / 2) },
        Binding(keys: [.esc, .char("q"), .char("?"), .enter], help: "close help", hint: "close") { $0.backToNormal() },
    ])

    static let confirmTable = KeyTable(
        name: "Confirm", when: "a question (the question says what each answer does)", bindings: [
        Binding(keys: [.char("y"), .char("Y")], help: "yes", hint: "yes") { $0.answer(.yes) },
        Binding(keys: [.char("n"), .char("N")], help: "no", hint: "no") { $0.answer(.no) },
        Binding(keys: [.esc, .char("c")], help: "cancel: neither (the question may come back later)", hint: "cancel") {
            $0.answer(.cancel)
        },
    ])

    static let searchTable = KeyTable(
        name: "Search", when: "finding components as you type (/)", bindings: [
        Binding(keys: [.tab, .down], help: "the next match", hint: "next") { $0.moveSearchMatch(1) },
        Binding(keys: [.backTab, .up], help: "the previous match") { $0.moveSearchMatch(-1) },
        Binding(keys: [.enter], help: "keep the current match selected and close (] and [ go on through the matches)",
                hint: "select") { $0.acceptSearch() },
        Binding(keys: [.backspace], help: "delete the character before the cursor; on an empty query, go back") {
            $0.searchBackspace()
        },
        Binding(keys: [.esc], help: "go back to the selection and view from before the search", hint: "back") {
            $0.cancelSearch()
        },
    ], others: OtherKeys(help: "type to search: any part of a name, kind, tag (svc), label (app=web) or image, "
                         + "in any case; several words must all match (Typing lists the editing keys)",
                         hint: "type to search") { e, k in
        e.typeIntoSearch(k)
    })

    /// Every table, in the order help and the README show them.
    static let keyTables: [KeyTable] = [
        normalTable, traceTable, connectionTable, connectionEditTable, addTable, connectTable, renameTable,
        propertiesTable, propertyValueTable, commandTable, searchTable, helpTable, confirmTable,
    ]

    /// The tables that take a key now, first one first. In Normal with a request shown the trace
    /// keys come first (Esc stops the request before it clears the selection).
    var activeTables: [KeyTable] {
        switch mode {
        case .normal: player == nil ? [Editor.normalTable, Editor.traceTable] : [Editor.traceTable, Editor.normalTable]
        case .add: [Editor.addTable]
        case .connect: [Editor.connectTable]
        case .rename: [Editor.renameTable]
        case .properties(_, _, let editing): [editing == nil ? Editor.propertiesTable : Editor.propertyValueTable]
        case .command: [Editor.commandTable]
        case .search: [Editor.searchTable]
        case .help: [Editor.helpTable]
        case .confirm: [Editor.confirmTable]
        case .connection(_, let edit): [edit == nil ? Editor.connectionTable : Editor.connectionEditTable]
        }
    }

    /// One key, to the first table that takes it.
    func dispatch(_ k: Key) -> [Effect] {
        for table in activeTables {
            if let fx = table.dispatch(k, to: self) { return fx }
        }
        // A key that does nothing says so (Esc aside: pressed to be sure nothing is going on).
        if k != .esc { message = "\(SafeText.escape(k.name)) does nothing here: ? lists the keys" }
        return []
    }

    func backToNormal() -> [Effect] {
        mode = .normal
        return []
    }

    /// Applies a key to the current mode's text field.
    func typeIntoField(_ k: Key) -> [Effect] {
        guard var f = mode.field else { return [] }
        if refusedCharacter(k) { return [] }
        f.handle(k)
        mode.field = f
        return []
    }

    /// A field refuses a control or invisible character (the loader's rule: such a name could
    /// hide or reorder what the screen shows, as U+202E does) and says so, not nothing.
    func refusedCharacter(_ k: Key) -> Bool {
        guard case .char(let c) = k, !c.unicodeScalars.allSatisfy(SafeText.isShown) else { return false }
        message = "not typed: \(SafeText.escape(String(c))) is a control or invisible character, never shown"
        return true
    }
}
