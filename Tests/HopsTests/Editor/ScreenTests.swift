import HopsCanvas
import HopsDesign
import HopsEditor
import HopsInput
import Testing

/// Every mode and overlay as the whole screen, text and styles, at 80x24 and 120x40, compared
/// with the expected screens in Tests/HopsTests/Screens/ (see ExpectedScreen for how to refresh
/// them after a deliberate change).
@Suite struct ScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// The bundled design opened on a screen of `size`, after `keys`.
    func bundled(_ size: Size, _ keys: String = "") throws -> Session {
        var s = try Session.bundled(screen: size)
        s.keys(keys)
        return s
    }

    func name(_ what: String, _ size: Size) -> String { "\(what)-\(size.width)x\(size.height)" }

    /// A screen reached from the bundled design by keys alone.
    struct Keyed: Sendable, CustomTestStringConvertible {
        let name: String
        let keys: String
        var testDescription: String { "\(name) (keys \(keys.isEmpty ? "none" : keys))" }
    }

    static let keyed = [
        Keyed(name: "normal", keys: ""),
        Keyed(name: "add", keys: "ase"),
        Keyed(name: "connect", keys: "c"),
        Keyed(name: "rename", keys: "lr"),
        Keyed(name: "properties", keys: "le<Down><Enter>"),
        Keyed(name: "command", keys: ":lay"),
        Keyed(name: "help", keys: "?"),
        Keyed(name: "confirm", keys: "Lq"),
        Keyed(name: "trace-hop1", keys: "t"),
        Keyed(name: "trace-hop4", keys: "tnnn"),
        Keyed(name: "panel-hidden", keys: "i"),
        Keyed(name: "panel-hidden-trace", keys: "itn"),
    ]

    @Test(arguments: keyed, sizes) func screen(_ screen: Keyed, _ size: Size) throws {
        ExpectedScreen.check(try bundled(size, screen.keys).editor, name(screen.name, size))
    }

    /// Playing, 300 ms in (16 cells a second): the packet is between the Service and the Pod.
    @Test(arguments: sizes) func tracePlayingIntoThePod(_ size: Size) throws {
        var s = try bundled(size, "tn ")
        s.send(.tick(milliseconds: 300))
        ExpectedScreen.check(s.editor, name("trace-hop2-playing", size))
    }

    /// The response on its own way back to the User, half way, past the Service's box.
    @Test(arguments: sizes) func traceResponseGoingBack(_ size: Size) throws {
        var s = try bundled(size, "tnnnnn ")
        s.send(.tick(milliseconds: 1000))
        ExpectedScreen.check(s.editor, name("trace-hop6-playing", size))
    }

    @Test(arguments: sizes) func traceFailing(_ size: Size) throws {
        var design = try Fixtures.bundledDesign()
        let svc = design.components.firstIndex { $0.kind == .service }!
        design.components[svc].properties["selector"] = .object(["app": .string("wbe")])
        var s = Session(design, screen: size)
        s.keys("tn")
        ExpectedScreen.check(s.editor, name("trace-failing", size))
    }

    /// A design too big for the screen, zoomed out to its map, with a component selected.
    @Test(arguments: sizes) func fitOverview(_ size: Size) throws {
        var s = Session(Fixtures.generated(120), screen: size)
        s.keys("<Tab><Tab><Tab>f")
        ExpectedScreen.check(s.editor, name("overview", size))
    }

    /// At 70x20 there is no panel: the narration gets rows of its own.
    @Test func narrationOnASmallScreen() throws {
        ExpectedScreen.check(try bundled(Size(width: 70, height: 20), "tn").editor, "trace-hop2-70x20")
    }
}
