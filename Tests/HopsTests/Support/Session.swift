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

    /// The bundled design as it opens on `screen`. The default is wide enough (a canvas of 126
    /// columns beside the panel) for its left-to-right drawing, User, Service and Pod in a row,
    /// which the behaviour tests describe; ScreenTests shows it at 80x24 and 120x40.
    static func bundled(screen: Size = Size(width: 160, height: 40)) throws -> Session {
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
