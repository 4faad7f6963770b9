import Foundation
import HopsApp
import HopsCanvas
import HopsDesign
import HopsFormats
import HopsEditor
import HopsInput
import Testing

/// A big design's first screen comes before all its lines are routed: the ones that may show
/// first, the rest a part at each tick, with the status line saying how many are left.
@Suite struct DeferredRoutingTests {
    @Test func aBigDesignOpensWithTheNearLinesAndRoutesTheRestTickByTick() {
        let design = Fixtures.generated(1_500)
        #expect(design.connections.count > 2_000)
        var s = Session(design, screen: Size(width: 160, height: 40))
        #expect(s.editor.isRouting)
        let left = { (text: String) -> Int? in
            guard let r = text.range(of: #"routing (\d+) lines"#, options: .regularExpression) else { return nil }
            return Int(text[r].split(separator: " ")[1])
        }
        var lastLeft = left(s.screenText)
        #expect(lastLeft != nil, "the status line says lines are still being routed")
        var ticks = 0
        while s.editor.isRouting && ticks < 1_000 {
            let fx = s.send(.tick(milliseconds: 33))
            ticks += 1
            if let now = left(s.screenText) {
                #expect(now < lastLeft!) // each tick routes some
                lastLeft = now
                #expect(fx.isEmpty) // ticks keep coming while lines are left
            } else {
                #expect(fx == [.animate(false)]) // done, and nothing else moves: ticks stop
            }
        }
        #expect(!s.editor.isRouting && ticks > 1)
        #expect(left(s.screenText) == nil)
        // Every line got its route, and moving a box afterwards works as before.
        s.keys("L")
        #expect(!s.editor.isRouting)
    }

    @Test func theRunLoopSendsTicksUntilTheLinesAreRoutedThenWaitsForKeys() throws {
        let file = "/w/big.hops.json"
        let fs = MemoryFileSystem([file: DesignFile.encode(Fixtures.generated(1_500))])
        // Time passes with no key: the loop itself must ask for the ticks that route the rest.
        let s = try ScriptedSession(file: file, fs: fs, [.wait(3_000)])
        #expect(s.terminal.shown.first.map { $0.rows.joined().contains("routing ") } == true)
        #expect(!s.editor.isRouting)
        #expect(!s.terminal.screenText.contains("routing "))
    }

    @Test func aSmallDesignIsRoutedWholeAtOnce() throws {
        let s = try Session.bundled()
        #expect(!s.editor.isRouting)
        #expect(!s.screenText.contains("routing"))
    }
}
