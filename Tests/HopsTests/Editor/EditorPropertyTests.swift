import HopsCanvas
import HopsDesign
import HopsEditor
import HopsInput
import Testing

/// Random sessions never crash and always leave a valid design; undoing everything gives back
/// the starting design exactly.
@Suite struct EditorPropertyTests {
    typealias Rng = SeededRandom

    static let keys: [Key] = Key.sequence("aaaccrrexuuHJKLhjkl<Tab><S-Tab><Enter><Enter><Esc><Down><Up><BS>m?q:<C-r><Del><S-Left><S-Down>") +
        [.char("S"), .char("P"), .char("o"), .char("服"), .char("🚀"), .char("1"), .char("n"), .char("y")]

    static func event(_ rng: inout Rng) -> InputEvent {
        switch rng.next(20) {
        case 0: return .resize(Size(width: 10 + rng.next(200), height: 4 + rng.next(70)))
        case 1: return .mouse(MouseEvent([.press, .drag, .release, .scrollUp, .scrollDown][rng.next(5)], at: Point(x: rng.next(120), y: rng.next(40))))
        case 2: return .tick(milliseconds: rng.next(100))
        default: return .key(keys[rng.next(keys.count)])
        }
    }

    static func check(_ d: Design) -> [String] {
        var bad = Validation.problems(in: d, catalog: Fixtures.catalog).map(\.description)
        let ids = Set(d.components.map(\.id))
        for k in d.connections where !ids.contains(k.from) || !ids.contains(k.to) { bad.append("dangling \(k.id)") }
        return bad
    }

    @Test(arguments: 0..<24)
    func randomSessionsKeepTheDesignValid(seed: Int) throws {
        var rng = Rng(state: UInt64(seed) &* 7919 &+ 17)
        let editor = Editor(design: try Fixtures.bundledDesign(), catalog: Fixtures.catalog, path: "/tmp/prop.hops.json",
                            screen: Size(width: 120, height: 40))
        let start = editor.design
        for _ in 0..<250 {
            _ = editor.handle(Self.event(&rng))
            _ = editor.draw()
        }
        #expect(Self.check(editor.design).isEmpty)
        // No child outside its parent.
        for c in editor.design.components {
            if let p = c.parent, let pr = editor.rect(of: p), let r = editor.rect(of: c.id) { #expect(pr.insetBy(1).contains(r)) }
        }
        // Back out of any mode, then undo everything (on a screen Hops draws on: keys are
        // ignored while it is too small).
        editor.handle(.resize(Size(width: 120, height: 40)))
        for _ in 0..<3 { editor.handle(.key(.esc)) }
        for _ in 0..<600 { editor.handle(.key(.char("u"))) }
        if case .confirm = editor.mode { editor.handle(.key(.esc)) }
        for _ in 0..<600 { editor.handle(.key(.char("u"))) }
        #expect(editor.design == start)
    }
}
