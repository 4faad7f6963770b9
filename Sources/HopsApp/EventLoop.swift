import Foundation
import HopsDesign
import HopsEditor
import HopsFormats
import HopsInput

/// Events in, effects out: reads the terminal, feeds the editor, performs what it asks (saving,
/// opening, timers, recovery copies) and hands every answer back as an `Answer`, so that what
/// follows an effect is decided by the editor when the answer arrives. The only place that
/// does I/O for the editor; the file system and the clock come in, so tests run whole sessions.
public struct EventLoop {
    public let terminal: Terminal
    /// What gets the events and draws the screen: the editor, or the tour around one.
    public let host: EditorHost
    /// The editor whose file this loop saves and watches.
    public var editor: Editor { host.editor }
    let fs: FileSystem
    let clock: TimeSource
    let recovery: Recovery
    let pid: Int32

    /// How a session ended, so the program can exit with the status scripts expect.
    public enum Ending: Equatable, Sendable {
        case quit
        /// SIGTERM, SIGHUP, SIGINT or SIGQUIT: exit with 128 + the signal.
        case signal(Int32)
        /// The terminal went away (the window closed, the link dropped): a hangup.
        case terminalLost
    }

    /// Ticks go in every `tickInterval` ms while something moves; idle, the loop waits for input.
    static let tickInterval: Int64 = 33
    /// A recovery copy is written this long after the first unsaved change.
    public static let recoveryDelay: Int64 = 3000
    /// How often the file on disk is compared with the one this editor read.
    public static let watchInterval: Int64 = 2000

    var animating = false
    var lastTick: Int64 = 0
    var recoveryDue: Int64?
    var nextWatch: Int64
    /// The file the editor shows, as it was when read or last saved; nil before it exists.
    var known: (path: String, stamp: FileStamp?)?
    /// Files this loop exported, as it left them: exporting there again does not ask.
    var exportedTo: [String: FileStamp] = [:]
    /// A change on disk already reported, so the user is asked once per change.
    var reported: FileStamp?
    /// The recovery copy this editor wrote, to remove it and nothing else.
    var ownCopy: String?
    /// The editor `known` belongs to: a host may start a new editor (the next lesson).
    var knownEditor: ObjectIdentifier

    public init(terminal: Terminal, editor: Editor, fs: FileSystem, clock: TimeSource, pid: Int32 = getpid(),
                isAlive: @escaping (Int32) -> Bool = processIsAlive) {
        self.init(terminal: terminal, host: editor, fs: fs, clock: clock, pid: pid, isAlive: isAlive)
    }

    public init(terminal: Terminal, host: EditorHost, fs: FileSystem, clock: TimeSource, pid: Int32 = getpid(),
                isAlive: @escaping (Int32) -> Bool = processIsAlive) {
        self.terminal = terminal
        self.host = host
        let editor = host.editor
        knownEditor = ObjectIdentifier(editor)
        self.fs = fs
        self.clock = clock
        self.pid = pid
        recovery = Recovery(fs: fs, isAlive: isAlive)
        nextWatch = clock.milliseconds + EventLoop.watchInterval
        if let p = editor.path { known = (p, fs.stamp(p)) }
    }

    public mutating func run() -> Ending {
        terminal.show(host.draw())
        while true {
            let event = terminal.nextEvent(timeout: nextTimeout())
            if let s = terminal.signal {
                writeRecovery()
                return .signal(s)
            }
            if terminal.isGone {
                writeRecovery() // unsaved work survives a closed window
                return .terminalLost
            }
            var effects: [Effect] = []
            if let event { effects = host.handle(event) }
            let now = clock.milliseconds
            // While a big design's lines are still being routed the loop does not wait for the
            // next tick: each pass routes a part (about 20 ms of work) and draws, between keys.
            if host.editor.isRouting || (animating && now - lastTick >= EventLoop.tickInterval) {
                effects += host.handle(.tick(milliseconds: Int(now - lastTick)))
                lastTick = now
            }
            if let due = recoveryDue, now >= due {
                recoveryDue = nil
                writeRecovery()
            }
            if now >= nextWatch {
                nextWatch = now + EventLoop.watchInterval
                effects += watch()
            }
            if perform(effects) { return .quit }
            followEditor()
            terminal.show(host.draw())
        }
    }

    private func nextTimeout() -> Int? {
        let now = clock.milliseconds
        var t = nextWatch - now
        if host.editor.isRouting { return 0 } // only look for a key: routing goes on at once
        if animating { t = min(t, EventLoop.tickInterval) }
        if let due = recoveryDue { t = min(t, due - now) }
        return Int(max(0, t))
    }

    /// Performs effects and the effects that their answers bring; returns true to end.
    /// An answer's follow-ups are few (a save, then a quit): a bound keeps a bug from spinning.
    private mutating func perform(_ first: [Effect]) -> Bool {
        var queue = first[...]
        var budget = 64
        while let effect = queue.popFirst(), budget > 0 {
            budget -= 1
            switch effect {
            case .quit:
                return true
            case .save(let design, let path, let overwrite):
                queue += host.handle(save(design, to: path, overwrite: overwrite))
            case .changed:
                if editor.path != nil && recoveryDue == nil { recoveryDue = clock.milliseconds + EventLoop.recoveryDelay }
            case .removeRecovery:
                removeOwnCopy()
            case .discardRecovery(let p):
                fs.remove(p)
            case .animate(let on):
                if on && !animating { lastTick = clock.milliseconds }
                animating = on
            case .open(let path):
                queue += host.handle(Manifests.isManifest(path, fs: fs) ? importManifests(path) : open(path))
            case .export(let format, let path, let overwrite):
                queue += host.handle(export(format, to: path, overwrite: overwrite))
            }
        }
        return false
    }

    private mutating func save(_ design: Design, to path: String, overwrite: Bool) -> Answer {
        // What this editor last saw at that path: nothing for a file it did not read.
        let expected = known?.path == path ? known?.stamp : nil
        // A folder is refused before any question about replacing it.
        if fs.isFolder(path) { return .notSaved(path: path, reason: "\(path) is a folder") }
        if !overwrite, fs.stamp(path) != expected { return .conflict(path: path) }
        do {
            try fs.write(DesignFile.encode(design), to: path, privately: false)
        } catch {
            return .notSaved(path: path, reason: error.message)
        }
        known = (path, fs.stamp(path))
        reported = nil
        recoveryDue = nil
        removeOwnCopy()
        return .saved(path: path)
    }

    private mutating func open(_ path: String) -> Answer {
        let design: Design
        do {
            design = try DesignFile.decode(fs.read(path), file: path, catalog: editor.catalog)
        } catch let e as FileError {
            return .notOpened(path: path, reason: e.place.map { "\($0): \(e.message)" } ?? e.message)
        } catch {
            return .notOpened(path: path, reason: "\(error)")
        }
        removeOwnCopy()
        known = (path, fs.stamp(path))
        reported = nil
        return .opened(path: path, design: design, recoveries: recovery.copies(for: path, catalog: editor.catalog, except: pid))
    }

    private func importManifests(_ path: String) -> Answer {
        do {
            let (design, warnings) = try Manifests.read(path, fs: fs)
            return .imported(source: path, design: design, warnings: warnings)
        } catch {
            return .notOpened(path: path, reason: "\(error)")
        }
    }

    private mutating func export(_ format: ExportFormat, to path: String, overwrite: Bool) -> Answer {
        // Manifests written over the design's own file would lose the design.
        if let own = editor.path, own == path || (fs.stamp(own) != nil && fs.stamp(own) == fs.stamp(path)) {
            return .notExported(path: path, reason: "\(path) is this design's own file; export to another name")
        }
        if fs.isFolder(path) { return .notExported(path: path, reason: "\(path) is a folder") }
        // A file there that this loop did not write (or that changed since) is asked about, as a
        // save asks; exporting again to the same file does not ask.
        if !overwrite, let now = fs.stamp(path), exportedTo[path] != now {
            return .exportConflict(path: path, format: format)
        }
        let (data, warnings, recorded) = Manifests.export(editor.design, as: format, catalog: editor.catalog)
        do { try fs.write(data, to: path, privately: false) } catch {
            return .notExported(path: path, reason: error.message)
        }
        exportedTo[path] = fs.stamp(path)
        return .exported(path: path, format: format, warnings: warnings, recorded: recorded)
    }

    /// Asks the editor once per change when someone else wrote its file.
    private mutating func watch() -> [Effect] {
        guard let k = known, let now = fs.stamp(k.path), now != k.stamp, now != reported else { return [] }
        reported = now
        return host.handle(.changedOnDisk(path: k.path))
    }

    /// A new editor (the host started the next lesson) has its own file, or none: what this loop
    /// knew of the old one's file no longer applies.
    private mutating func followEditor() {
        guard ObjectIdentifier(editor) != knownEditor else { return }
        knownEditor = ObjectIdentifier(editor)
        known = editor.path.map { ($0, fs.stamp($0)) }
        reported = nil
        recoveryDue = nil
        removeOwnCopy() // the host asked before leaving unsaved work behind
    }

    private mutating func writeRecovery() {
        guard let path = editor.path, editor.isDirty else { return }
        let copy = Recovery.path(for: path, pid: pid)
        if let old = ownCopy, old != copy { fs.remove(old) }
        if (try? fs.write(DesignFile.encode(editor.design), to: copy, privately: true)) != nil { ownCopy = copy }
    }

    private mutating func removeOwnCopy() {
        if let c = ownCopy { fs.remove(c) }
        ownCopy = nil
    }
}
