import Foundation
import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsFormats
import HopsInput
import Testing

/// Random events of every kind (keys of every mode, command lines, mouse, resizes down to
/// nothing, ticks) over several designs, new and empty ones included. After every event the
/// design is valid; at the end undoing everything gives the start, and the result survives a
/// save and load. The run loop's answers to saves come back too, some of them failures.
/// `HOPS_FUZZ_EVENTS` sets the total (20,000 by default; the note reports a run of a million).
@Suite struct EditorFuzzTests {
    typealias Rng = SeededRandom

    static let plainKeys: [Key] = Key.sequence(
        "aaccrrexXuuHJKLhjkltnpR+-<Space><Tab><S-Tab><Enter><Enter><Esc><Down><Up><Left><Right><BS><Del>m?q:<C-r><C-u>"
            + "<S-Left><S-Right><S-Up><S-Down><Home><End><PageUp><PageDown>yYnNc")
        + [.char("服"), .char("🚀"), .char("\u{202E}"), .char("\u{85}"), .char("1"), .char("9"), .char("="), .char(","),
           .ctrl("a"), .ctrl("e"), .ctrl("k"), .ctrl("d"), .function(1)]

    static let commandLines = [
        "w", "wq", "q", "q!", "layout", "help", "scale 3", "scale 0", "scale 99999", "kill", "image app=x:2",
        "image nosuch=y", "trace", "e", "export k8s", "export k8s /tmp/hops-fuzz.yaml", "nonsense", "w /tmp/other.hops.json",
    ]

    static func event(_ rng: inout Rng) -> [InputEvent] {
        switch rng.next(24) {
        case 0: return [.resize(Size(width: rng.next(220), height: rng.next(80)))]
        case 1, 2:
            let actions: [MouseEvent.Action] = [.press, .drag, .release, .scrollUp, .scrollDown]
            return [.mouse(MouseEvent(actions[rng.next(5)], at: Point(x: rng.next(130) - 5, y: rng.next(50) - 5)))]
        case 3: return [.tick(milliseconds: rng.next(4000))]
        case 4: return Key.sequence(":" + commandLines[rng.next(commandLines.count)] + "<Enter>").map { .key($0) }
        default: return [.key(plainKeys[rng.next(plainKeys.count)])]
        }
    }

    static func designs() throws -> [Design] {
        var deep = Design(name: "deep")
        for i in 0..<8 { deep.components.append(Component(id: "b\(i)", kind: .box, name: "b\(i)", parent: i == 0 ? nil : "b\(i - 1)")) }
        return [Design(name: "new"), try Fixtures.bundledDesign(), Fixtures.generated(12, seed: 7), deep]
    }

    static var total: Int { Int(ProcessInfo.processInfo.environment["HOPS_FUZZ_EVENTS"] ?? "") ?? 20_000 }
    static let seeds = 5

    @Test(arguments: 0..<20)
    func randomEventsNeverBreakTheDesign(run: Int) throws {
        let design = try Self.designs()[run % 4]
        var rng = Rng(state: UInt64(run / 4) &* 7919 &+ UInt64(run % 4) &+ 17)
        let editor = Editor(design: design, catalog: Fixtures.catalog, path: run % 2 == 0 ? "/tmp/fuzz.hops.json" : nil,
                            screen: Size(width: 120, height: 40))
        let start = editor.design
        var sent = 0
        while sent < Self.total / 20 {
            for e in Self.event(&rng) {
                sent += 1
                var effects = editor.handle(e)
                // Answer the effects as the run loop would; some saves fail.
                var rounds = 0
                while let fx = effects.first, rounds < 8 {
                    effects.removeFirst(); rounds += 1
                    if case .save(_, let path, _) = fx {
                        let answer: Answer = rng.next(3) == 0 ? .notSaved(path: path, reason: "the disk is full") : .saved(path: path)
                        effects += editor.handle(answer)
                    }
                }
                let problems = Validation.problems(in: editor.design, catalog: Fixtures.catalog)
                #expect(problems.isEmpty, "after \(sent) events: \(problems.first?.description ?? "")")
                if !problems.isEmpty { return }
            }
            if sent % 16 == 0 { _ = editor.draw() }
        }
        _ = editor.draw()
        let saved = try DesignFile.decode(DesignFile.encode(editor.design), file: "fuzz", catalog: Fixtures.catalog)
        #expect(saved == editor.design)
        // Keys are ignored while the screen is too small: undo on a screen Hops can draw on.
        editor.handle(.resize(Size(width: 120, height: 40)))
        for _ in 0..<4 { editor.handle(.key(.esc)) }
        var undos = 0
        while editor.history.canUndo && undos <= History.limit {
            editor.handle(.key(.char("u"))); undos += 1
            if case .confirm = editor.mode { editor.handle(.key(.esc)) }
            if editor.mode != .normal { editor.handle(.key(.esc)) }
        }
        #expect(editor.design == start)
    }
}
