import Foundation
import HopsApp
import HopsCanvas
import HopsDesign
import HopsEditor
import HopsFormats
import HopsInput

/// A terminal that plays a script: keys, waits (which turn the manual clock), signals, and
/// things other programs do meanwhile. When the script ends the terminal is gone, as when a
/// window closes, so every session ends.
final class ScriptedTerminal: Terminal {
    enum Step {
        case keys(String)
        case event(InputEvent)
        /// Time passes with no input.
        case wait(Int64)
        case signal(Int32)
        /// Something outside Hops happens (another editor saves the file).
        case meanwhile(() -> Void)
    }

    private var queue: [InputEvent] = []
    private var steps: [Step]
    let clock: ManualClock
    private(set) var shown: [Grid] = []
    let size: Size
    var hasColor: Bool { false }
    private(set) var isGone = false
    private(set) var signal: Int32?

    init(_ steps: [Step], clock: ManualClock, size: Size = Size(width: 120, height: 40)) {
        self.steps = steps; self.clock = clock; self.size = size
    }

    func show(_ grid: Grid) { shown.append(grid) }
    var screenText: String { shown.last?.rows.joined(separator: "\n") ?? "" }

    func nextEvent(timeout: Int?) -> InputEvent? {
        while queue.isEmpty {
            guard !steps.isEmpty else { isGone = true; return nil }
            switch steps.removeFirst() {
            case .keys(let k): queue = Key.sequence(k).map { .key($0) }
            case .event(let e): queue = [e]
            case .wait(let ms):
                // Wake as the loop asked (its timeout), as often as the wait lasts.
                var left = ms
                while left > 0 {
                    let step = min(left, Int64(max(1, timeout ?? Int(left))))
                    clock.advance(step); left -= step
                    if left > 0 { steps.insert(.wait(left), at: 0) }
                    return nil
                }
            case .signal(let s): signal = s; return nil
            case .meanwhile(let f): f()
            }
        }
        return queue.removeFirst()
    }
}

/// One editor session through the real run loop against an in-memory file system.
struct ScriptedSession {
    let fs: MemoryFileSystem
    let terminal: ScriptedTerminal
    let editor: Editor
    let ending: EventLoop.Ending

    @discardableResult
    init(file: String?, fs: MemoryFileSystem, pid: Int32 = 100, alive: Set<Int32> = [], _ steps: [ScriptedTerminal.Step]) throws {
        self.fs = fs
        let clock = ManualClock()
        terminal = ScriptedTerminal(steps, clock: clock)
        let catalog = Fixtures.catalog
        var design = Design(name: "new")
        if let file, let bytes = fs.files[file] { design = try DesignFile.decode(bytes, file: file, catalog: catalog) }
        let recoveries = file.map {
            Recovery(fs: fs, isAlive: { alive.contains($0) }).copies(for: $0, catalog: catalog, except: pid)
        } ?? []
        editor = Editor(design: design, catalog: catalog, path: file, screen: terminal.size, recoveries: recoveries)
        var loop = EventLoop(terminal: terminal, editor: editor, fs: fs, clock: clock, pid: pid, isAlive: { alive.contains($0) })
        ending = loop.run()
    }
}

extension MemoryFileSystem {
    /// The design a file holds, nil when there is none or it does not load.
    func design(_ path: String) -> Design? {
        files[path].flatMap { try? DesignFile.decode($0, file: path, catalog: Fixtures.catalog) }
    }
    func recoveryCopies(of file: String) -> [String] {
        files.keys.filter { $0.hasPrefix(file + ".") && $0.hasSuffix(".recover") }.sorted()
    }
}
