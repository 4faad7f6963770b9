import HopsDesign

/// The layer on top of the canvas that gets keys first. `Esc` always backs out of one.
public enum Mode: Equatable, Sendable {
    case normal
    /// The catalog palette: typed text filters kinds, `Enter` places one.
    case add(filter: TextField, choice: Int)
    /// Choosing the target of a new connection from `source`.
    case connect(source: String, target: String?, kind: ConnectionKind?)
    case rename(id: String, field: TextField)
    /// The properties form of a component: `field` chosen, `editing` when a value is being typed.
    case properties(id: String, field: Int, editing: TextField?)
    case command(TextField)
    case help(scroll: Int)
    case confirm(Confirmation)
    /// A connection is selected (its arrow drawn heavy); `edit` while its label or port is typed.
    case connection(id: String, edit: ConnectionEdit?)
    /// Finding components as the query is typed (`/`); see Search/.
    case search(Search)

    public var name: String {
        switch self {
        case .normal: "NORMAL"
        case .add: "ADD"
        case .connect: "CONNECT"
        case .rename: "RENAME"
        case .properties: "PROPERTIES"
        case .command: "COMMAND"
        case .help: "HELP"
        case .confirm: "CONFIRM"
        case .connection: "CONNECTION"
        case .search: "SEARCH"
        }
    }

    /// The text field that typed keys go into, nil in modes without one.
    var field: TextField? {
        get {
            switch self {
            case .add(let f, _), .rename(_, let f), .command(let f): f
            case .properties(_, _, let e): e
            case .connection(_, let e): e?.text
            case .search(let s): s.field
            default: nil
            }
        }
        set {
            guard let f = newValue else { return }
            switch self {
            case .add(_, let choice): self = .add(filter: f, choice: choice)
            case .rename(let id, _): self = .rename(id: id, field: f)
            case .command: self = .command(f)
            case .properties(let id, let field, .some): self = .properties(id: id, field: field, editing: f)
            case .connection(let id, .some(let e)): self = .connection(id: id, edit: ConnectionEdit(e.field, f))
            case .search(var s): s.field = f; self = .search(s)
            default: break
            }
        }
    }
}

/// The label or the port of a selected connection, being typed.
public struct ConnectionEdit: Equatable, Sendable {
    public enum Field: Equatable, Sendable { case label, port }
    public var field: Field
    public var text: TextField
    public init(_ field: Field, _ text: TextField) { self.field = field; self.text = text }
}

/// A question with a yes / no answer (and cancel).
public enum Confirmation: Equatable, Sendable {
    /// Quit with unsaved changes: y saves first (and quits once the save succeeded), n quits
    /// without saving.
    case quitUnsaved
    /// Unsaved work found beside the file: y restores it, n deletes that copy, Esc keeps it
    /// for later. The rest are asked about next.
    case restore(RecoveryCopy, more: [RecoveryCopy])
    /// Open another file although this one has unsaved changes.
    case openUnsaved(String)
    /// A save found the file changed on disk since it was read: y overwrites it.
    case overwriteChanged(String)
    /// A save to another name found a file there that this editor never read: y replaces it.
    case overwriteExisting(String)
    /// An export found a file there that this editor did not write: y replaces it.
    case exportOverExisting(ExportFormat, String)
    /// Someone else wrote the file: y reloads it (losing this editor's unsaved changes).
    case reloadChanged(String)
}
