import HopsCanvas
import HopsDesign
import HopsEditor
import HopsInput

/// Drives an editor like a user: a design, a key string in notation (`aService<Enter>`),
/// and what came out (the effects of every key).
struct Session {
    let editor: Editor
    private(set) var effects: [Effect] = []

    init(_ design: Design = Design(name: "test"), path: String? = "/tmp/test.hops.json", screen: Size = Size(width: 120, height: 40)) {
        editor = Editor(design: design, catalog: Fixtures.catalog, path: path, screen: screen)
    }

    static func bundled(screen: Size = Size(width: 120, height: 40)) throws -> Session {
        Session(try Fixtures.bundledDesign(), path: "/tmp/flow.hops.json", screen: screen)
    }

    @discardableResult
    mutating func keys(_ s: String) -> [Effect] {
        var out: [Effect] = []
        for k in Key.sequence(s) { out += editor.handle(.key(k)) }
        effects += out
        return out
    }

    @discardableResult
    mutating func send(_ e: InputEvent) -> [Effect] {
        let out = editor.handle(e)
        effects += out
        return out
    }

    var design: Design { editor.design }
    var screen: [String] { editor.draw().rows }
    var screenText: String { screen.joined(separator: "\n") }

    func component(named name: String) -> Component? { design.components.first { $0.name == name } }

    /// An expected screen written as a string literal (trailing spaces left out), each row padded
    /// to the screen's width, to compare with `screenText`.
    static func rows(_ text: String, width: Int = 80) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.padding(toLength: width, withPad: " ", startingAt: 0) }.joined(separator: "\n")
    }
}
