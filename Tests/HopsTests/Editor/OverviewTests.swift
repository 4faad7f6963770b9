import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsInput
import Testing

/// `f` / `:fit`: the whole design at once, and back to the drawing at the selection.
@Suite struct OverviewTests {
    @Test func aDesignThatFitsIsOnlyScrolledIntoView() throws {
        var s = try Session.bundled(screen: Size(width: 120, height: 40))
        s.keys("<PageDown><PageDown>f")
        #expect(!s.editor.overview)
        #expect(s.editor.message == "the whole design fits on the screen")
        #expect(s.editor.viewport.rect.contains(s.editor.cache.drawnBounds))
    }

    @Test func aBigDesignShowsAsAMapAndEnterGoesBackToTheSelection() throws {
        var s = Session(Fixtures.generated(120), screen: Size(width: 80, height: 24))
        s.keys("f")
        #expect(s.editor.overview)
        #expect(s.screen[0].hasPrefix(" overview · Enter shows the selection · f goes back"))
        s.keys("<Tab><Tab>")
        let chosen = try #require(s.editor.selection)
        #expect(s.editor.overview) // the selection keys work on the map
        // The selection is picked out on the map, where its box is scaled to.
        let map = s.editor.overviewMap, area = s.editor.overviewArea
        let at = map.map(s.editor.rect(of: chosen)!).origin
        #expect(s.editor.draw()[area.x + at.x, area.y + at.y].style.attrs.contains(.reverse))
        s.keys("<Enter>")
        #expect(!s.editor.overview)
        #expect(s.editor.viewport.rect.contains(s.editor.rect(of: chosen)!))
        s.keys(":fit<Enter>")
        #expect(s.editor.overview)
        s.keys("<Esc>")
        #expect(!s.editor.overview && s.editor.selection == chosen) // Esc leaves the map first
        s.keys("ff")
        #expect(!s.editor.overview)
    }

    @Test func aClickOnTheMapSelectsAndASecondClickZoomsIn() throws {
        var s = Session(Fixtures.generated(120), screen: Size(width: 120, height: 40))
        s.keys("f")
        let target = try #require(s.design.components.last { $0.parent == nil })
        let map = s.editor.overviewMap, area = s.editor.overviewArea
        let cell = map.map(s.editor.rect(of: target.id)!).origin
        let click = MouseEvent(.press, at: Point(x: area.x + cell.x, y: area.y + cell.y))
        s.send(.mouse(click))
        #expect(s.editor.selection == target.id && s.editor.overview)
        s.send(.mouse(click))
        #expect(!s.editor.overview)
        #expect(s.editor.viewport.rect.contains(s.editor.rect(of: target.id)!))
    }

    @Test func aRequestPlaysOnTheMap() throws {
        var design = Fixtures.generated(120)
        let bundled = try Fixtures.bundledDesign()
        design.components += bundled.components
        design.connections += bundled.connections
        var s = Session(design, screen: Size(width: 80, height: 24))
        s.keys("f")
        s.editor.handle(.key(.char("t")))
        #expect(s.editor.player != nil && s.editor.overview)
        #expect(s.screen.contains { $0.contains("●") })
    }
}
