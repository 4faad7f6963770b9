import Foundation
import HopsDesign
import HopsEditor
import HopsFormats
import HopsTerminal

/// Events in, effects out: reads the terminal, feeds the editor, performs what it asks (saving,
/// timers), and shows what it draws. The only place that does I/O for the editor.
struct RunLoop {
    let terminal: Terminal
    var editor: Editor
    /// When animation runs, ticks go in every `tickInterval` ms; idle, the loop waits for input.
    var tickInterval: Int? = nil
    var recoveryDue: Date? = nil
    var lastTick = Date()

    init(terminal: Terminal, editor: Editor) {
        self.terminal = terminal
        self.editor = editor
    }

    mutating func run() throws {
        terminal.show(editor.draw())
        while true {
            let timeout = nextTimeout()
            let event = terminal.nextEvent(timeout: timeout)
            if terminal.isGone {
                writeRecovery() // unsaved work survives a closed window
                return
            }
            var effects: [Effect] = []
            if let event {
                effects = editor.handle(event)
            }
            if let interval = tickInterval, Date().timeIntervalSince(lastTick) * 1000 >= Double(interval) {
                let ms = Int(Date().timeIntervalSince(lastTick) * 1000)
                lastTick = Date()
                effects += editor.handle(.tick(milliseconds: ms))
            }
            if let due = recoveryDue, Date() >= due {
                recoveryDue = nil
                writeRecovery()
            }
            if try perform(effects) { return }
            terminal.show(editor.draw())
        }
    }

    private func nextTimeout() -> Int? {
        var t: Int? = tickInterval
        if let due = recoveryDue {
            let ms = max(0, Int(due.timeIntervalSinceNow * 1000))
            t = min(t ?? ms, ms)
        }
        return t
    }

    /// Performs effects; returns true when the program should end.
    private mutating func perform(_ effects: [Effect]) throws -> Bool {
        for effect in effects {
            switch effect {
            case .quit:
                return true
            case .save(let design, let path):
                do {
                    try DesignFile.write(design, to: path)
                    try? FileManager.default.removeItem(atPath: Recovery.path(for: path))
                    editor.handle(saved: path, error: nil)
                } catch {
                    editor.handle(saved: path, error: String(describing: error))
                }
            case .changed:
                if editor.path != nil && recoveryDue == nil { recoveryDue = Date().addingTimeInterval(3) }
            case .removeRecovery(let path):
                try? FileManager.default.removeItem(atPath: Recovery.path(for: path))
            case .animate(let on):
                if on && tickInterval == nil { lastTick = Date() }
                tickInterval = on ? 33 : nil
            case .open(let path):
                editor.handle(opened: path, result: Result { try DesignFile.read(path: path, catalog: editor.catalog) })
            }
        }
        return false
    }

    private func writeRecovery() {
        guard let path = editor.path, editor.isDirty else { return }
        try? AtomicFile.write(DesignFile.encode(editor.design), to: Recovery.path(for: path))
    }
}

/// The recovery copy that the editor autosaves beside a file with unsaved changes.
enum Recovery {
    static func path(for file: String) -> String { file + ".recover" }

    /// The recovery copy's design when it is newer than the file and readable.
    static func newer(than file: String, catalog: Catalog) -> Design? {
        let rec = path(for: file)
        let fm = FileManager.default
        guard let recDate = (try? fm.attributesOfItem(atPath: rec))?[.modificationDate] as? Date else { return nil }
        if let fileDate = (try? fm.attributesOfItem(atPath: file))?[.modificationDate] as? Date, fileDate >= recDate { return nil }
        return try? DesignFile.read(path: rec, catalog: catalog)
    }
}
