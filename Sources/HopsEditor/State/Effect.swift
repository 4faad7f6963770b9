import HopsDesign

/// What the editor asks the run loop to do. The editor itself does no I/O. Each effect that
/// touches a file is answered with an `Answer`, and what follows (quitting after a save) is
/// decided only when that answer arrives.
public enum Effect: Equatable, Sendable {
    case quit
    /// Write the design to the file; answered by `.saved`, `.notSaved` or `.conflict`.
    /// `overwrite` saves even when the file changed on disk since it was read.
    case save(Design, path: String, overwrite: Bool)
    /// The design changed: the run loop schedules this editor's recovery copy.
    case changed
    /// The work is saved or deliberately thrown away: remove this editor's own recovery copy.
    case removeRecovery
    /// The user declined a recovery copy found beside the file: delete that copy.
    case discardRecovery(String)
    /// Start (true) or stop sending ticks: only while something moves.
    case animate(Bool)
    /// Read a design file, or import Kubernetes manifests (a `.yaml` / `.yml` file or a folder);
    /// answered by `.opened`, `.imported` or `.notOpened`.
    case open(String)
    /// Write the design in another format; answered by `.exported`, `.notExported`, or
    /// `.exportConflict` when a file this editor did not write is there (`overwrite` replaces it).
    case export(ExportFormat, path: String, overwrite: Bool = false)
}

/// Formats a design can be written in besides its own file.
public enum ExportFormat: String, Equatable, Sendable, CaseIterable {
    /// Multi-document Kubernetes YAML that `kubectl apply -f` takes.
    case k8s
    /// A Meshery v1beta1 design that Meshery Kanvas imports (as `hops export --to meshery`).
    case meshery
}

/// The run loop's answers to effects, as one enum, so a test states a whole exchange.
public enum Answer: Equatable, Sendable {
    case saved(path: String)
    /// One short line that fits 80 columns: "no such folder /x/y".
    case notSaved(path: String, reason: String)
    /// The save was not done: the file changed on disk since this editor read or saved it.
    case conflict(path: String)
    /// A design was read; `recoveries` are unsaved copies of it found beside it.
    case opened(path: String, design: Design, recoveries: [RecoveryCopy])
    case notOpened(path: String, reason: String)
    /// Manifests were read into a design: it has no file of its own until `:w PATH`.
    case imported(source: String, design: Design, warnings: [String])
    /// `recorded` is the design with what the export keeps in it (a new Meshery id, so that a
    /// re-export updates the same Meshery design); nil when it changed nothing.
    case exported(path: String, format: ExportFormat, warnings: [String], recorded: Design? = nil)
    /// One short line, as for `.notSaved`.
    case notExported(path: String, reason: String)
    /// A file is at the path that this editor did not export there (or that changed since).
    case exportConflict(path: String, format: ExportFormat)
    /// Someone else wrote the file this editor shows.
    case changedOnDisk(path: String)
}

/// Unsaved work found beside a file, left by an editor that ended without saving.
public struct RecoveryCopy: Equatable, Sendable {
    public var path: String
    public var design: Design
    public init(path: String, design: Design) { self.path = path; self.design = design }
}
