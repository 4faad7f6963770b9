import HopsDesign
import HopsInput
import HopsText

/// The `:` command line. Commands are listed once here: dispatch, help and Tab completion
/// all read this table.
struct EditorCommand: Sendable {
    let name: String
    let usage: String
    let help: String
    let takesPath: Bool
    let run: @Sendable (Editor, String?, Bool) -> [Effect] // argument, bang (`!`)
}

extension Editor {
    static let commands: [EditorCommand] = [
        EditorCommand(name: "w", usage: ":w [path]", help: "save (to path, which becomes the file)", takesPath: true) { e, arg, _ in e.save(to: arg) },
        EditorCommand(name: "wq", usage: ":wq [path]", help: "save, and quit once the save succeeded", takesPath: true) { e, arg, _ in
            e.save(to: arg, then: .quit)
        },
        EditorCommand(name: "q", usage: ":q[!]", help: "quit; :q! quits without saving", takesPath: false) { e, _, bang in e.quit(force: bang) },
        EditorCommand(name: "e", usage: ":e path", help: "open another design file", takesPath: true) { e, arg, bang in
            guard let arg else { e.message = "usage: :e path"; return [] }
            if e.isDirty && !bang { e.mode = .confirm(.openUnsaved(arg)); return [] }
            return [.open(arg)]
        },
        EditorCommand(name: "export", usage: ":export k8s|meshery PATH",
                      help: "write the design as Kubernetes manifests or as a Meshery design",
                      takesPath: true) { e, arg, _ in
            e.export(arg)
        },
        EditorCommand(name: "layout", usage: ":layout", help: "lay out the whole design anew to fit the screen",
                      takesPath: false) { e, _, _ in
            e.autoLayout()
        },
        EditorCommand(name: "fit", usage: ":fit", help: "overview of the whole design (as f)",
                      takesPath: false) { e, _, _ in
            e.overview ? [] : e.toggleOverview()
        },
        EditorCommand(name: "help", usage: ":help", help: "show every key and command", takesPath: false) { e, _, _ in
            e.openHelp()
        },
    ] + flowCommands + viewCommands + nestingCommands

    func startCommand() -> [Effect] {
        mode = .command(TextField())
        return []
    }

    func runCommandLine() -> [Effect] {
        guard case .command(let field) = mode else { return [] }
        mode = .normal
        return execute(field.text)
    }

    func completeCommandLine() -> [Effect] {
        guard case .command(let field) = mode else { return [] }
        mode = .command(complete(field))
        return []
    }

    /// Backspace on an empty line closes it, as in vi.
    func commandBackspace() -> [Effect] {
        guard case .command(let field) = mode else { return [] }
        if field.text.isEmpty { mode = .normal; return [] }
        return typeIntoField(.backspace)
    }

    /// Runs one command line such as `w designs/shop.hops.json` or `q!`.
    public func execute(_ line: String) -> [Effect] {
        let trimmed = line.trimmed
        guard !trimmed.isEmpty else { return [] }
        var word = String(trimmed.prefix { $0 != " " })
        let arg = String(trimmed.dropFirst(word.count)).trimmed
        let bang = word.hasSuffix("!")
        if bang { word.removeLast() }
        guard let cmd = Editor.commands.first(where: { $0.name == word }) else {
            message = "unknown command :\(word) (try :help)"
            return []
        }
        let given = cmd.takesPath && cmd.name != "export" ? Editor.unquoted(arg) : arg
        return describingSteps { cmd.run(self, given.isEmpty ? nil : given, bang) }
    }

    /// A path typed in quotes, as a shell wants one with spaces, means the path inside them
    /// (unquoted, a path with spaces works as it is).
    static func unquoted(_ path: String) -> String {
        guard path.count >= 2, let q = path.first, q == "\"" || q == "'", path.last == q else { return path }
        return String(path.dropFirst().dropLast())
    }

    /// Completes the command name, or a path after a command that takes one.
    func complete(_ field: TextField) -> TextField {
        let text = field.text
        if !text.contains(" ") {
            let matches = Editor.commands.map(\.name).filter { $0.hasPrefix(text) }
            if matches.count == 1 { return TextField(matches[0] + " ") }
            if !matches.isEmpty { message = matches.map { ":" + $0 }.joined(separator: " ") }
            return field
        }
        let word = String(text.prefix { $0 != " " })
        guard Editor.commands.first(where: { $0.name == word.replacingBang() })?.takesPath == true else { return field }
        let partial = String(text.dropFirst(word.count + 1))
        let options = completePath(partial)
        if options.count == 1 { return TextField(word + " " + options[0]) }
        if options.count > 1 {
            let common = options.dropFirst().reduce(options[0]) { String(zip($0, $1).prefix { $0 == $1 }.map(\.0)) }
            message = options.prefix(8).joined(separator: "  ")
            return TextField(word + " " + (common.count > partial.count ? common : partial))
        }
        return field
    }

    /// Asks for a save; `then` happens only when the run loop answers that it succeeded.
    func save(to arg: String?, then: AfterSave? = nil, overwrite: Bool = false) -> [Effect] {
        guard let target = arg ?? path else {
            // Ask for the path: the command line opens with `:w ` typed (`:wq ` when a quit waits
            // for the save, so the quit still follows it).
            mode = .command(TextField(then == .quit ? "wq " : "w "))
            message = "name the design file: :\(then == .quit ? "wq" : "w") path.hops.json"
            return []
        }
        afterSave = then
        // Another name is another file: whatever is there was not read by this editor.
        return [.save(design, path: target, overwrite: overwrite)]
    }

    func export(_ arg: String?) -> [Effect] {
        let words = (arg ?? "").split(separator: " ", maxSplits: 1).map(String.init)
        let formats = ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard words.count == 2, let format = ExportFormat(rawValue: words[0]) else {
            message = "usage: :export FORMAT PATH (formats: \(formats))"; return []
        }
        return [.export(format, path: Editor.unquoted(words[1].trimmed))]
    }

    /// Lays out every component anew for the canvas as the screen has it now (as
    /// `hops render --width` does for a width), then shows the whole drawing.
    func autoLayout() -> [Effect] {
        let room = layoutArea.size
        let rects = DesignLayout.rects(design, catalog: catalog, glyphs: glyphs, maxWidth: room.width,
                                       maxHeight: room.height, ignoreSaved: true)
        var d = design
        for i in d.components.indices {
            if let r = rects[d.components[i].id] { d.components[i].position = Position(x: r.x, y: r.y) }
            d.components[i].size = nil
        }
        message = "laid out \(counted(d.components.count, "component")) for \(room.width)x\(room.height) cells"
        let fx = commit(d)
        viewport.show(cache.drawnBounds)
        if let s = selection, let r = cache.rects[s] { bringIntoView(r) }
        return fx
    }
}

private extension String {
    func replacingBang() -> String { hasSuffix("!") ? String(dropLast()) : self }
}
