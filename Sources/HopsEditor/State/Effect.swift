import HopsDesign

/// What the editor asks the run loop to do. The editor itself does no I/O.
public enum Effect: Equatable, Sendable {
    case quit
    /// Write the design to the file (atomically); report back with `Editor.handle(saved:error:)`.
    case save(Design, path: String)
    /// The design changed: the run loop schedules the recovery copy.
    case changed
    /// A clean quit: remove the recovery copy beside this file.
    case removeRecovery(String)
    /// Start (true) or stop sending ticks: only while something moves.
    case animate(Bool)
    /// Read a design file; report back with `Editor.handle(opened:result:)`.
    case open(String)
}
