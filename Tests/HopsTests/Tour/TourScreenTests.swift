import Foundation
import HopsCanvas
import HopsDesign
import HopsEditor
import HopsInput
import HopsTour
import Testing

/// The tour's screen: the canvas with the step's components picked out, the lesson panel
/// between the canvas and the status line, at 80x24 and 120x40.
@Suite struct TourScreenTests {
    @Test func firstStepAt80x24() throws {
        let d = try TourDriver()
        #expect(
            d.screenText == """
                                                                                                
                 ┏▸user◂━━┓           ┌ svc ──────────── ! ┐          ┌ pod ────────────────────
                 ┃ User   ┣─HTTP :80─▶│ web                ├─app=web─▶│ web                     
                 ┗━━━━━━━━┛           │ ClusterIP :80→8080 │          │ app=web                 
                                      └────────────────────┘          │ replicas 1 2 3          
                                                                      │                         
                                                                      │ ┌ ctr ──────────┐       
                                      ╔ deploy ════╗                  │ │ app           │       
                                      ║ web        ╠┄┄┄┄┄manages┄┄┄┄┄▶│ │ web-app:1.4.2 ├─:5432─
                                      ║ 3 replicas ║                  │ │ :8080         │       
                                      ╚════════════╝                  │ └───────────────┘       
                                                                      │                         
                                                                      └─────────────────────────
                ─ 1 · step 1 of 7: The pieces ──────────────────── Enter next · Backspace back ─
                 User                                                                           
                 Whoever sends the request: a browser, a phone app or another system outside    
                 the cluster. Requests start here and responses end here.                       
                 A request from a user to a container meets these pieces. Tab walks through     
                 them (S-Tab back); the panel says what the selected one does, in the catalog's 
                 words.                                                                         
                 Here: a ClusterIP Service web, a Deployment web that keeps 3 copies of Pod web 
                 running, and in each Pod two containers, the app and its database.             
                                                                                                
                 Kubernetes Request Flow    ⌖ 0,0 of 101x14  C arrows  t trace  ? keys  q quit  
                """)
    }

    /// The highlight shows without colour: marks around the tag, in reverse video.
    @Test func aHighlightIsMarksAroundTheTagInReverse() throws {
        var d = try TourDriver()
        d.keys("<Enter>")
        let grid = d.tour.draw()
        #expect(grid.rows[1].hasPrefix(" ┏▸user◂━━┓           ┌▸svc◂───"))
        // Service web's marks (the User's box is also the selection, drawn in reverse as a whole).
        let row = grid.rows[1]
        let tag = try #require(row.range(of: "▸svc◂"))
        let x = row.distance(from: row.startIndex, to: tag.lowerBound) + 4  // the closing mark
        #expect(grid[x, 1].style.attrs.contains(.reverse))
        #expect(!grid[x + 1, 1].style.attrs.contains(.reverse))  // the border after the mark is plain
        // In ASCII the marks are > and <.
        let ascii = TourSession(
            lessons: try TourDriver.lessons(), catalog: Fixtures.catalog, glyphs: .ascii,
            screen: Size(width: 80, height: 24))
        #expect(ascii.draw().rows[1].hasPrefix(" +>user<--+           + svc ---"))
    }

    /// At every step of both lessons, at 80x24 and 120x40, the step's first component is on
    /// screen whole, every other one it picks out at least in part, and the panel is there.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func everyStepShowsWhatItTalksAbout(screen: Size) throws {
        for lesson in 1...2 {
            var d = try TourDriver(lesson: lesson, screen: screen)
            while true {
                let ids = d.tour.highlightedIDs
                if let first = ids.first { #expect(d.editor.shows([first]), "lesson \(lesson) step \(d.step)") }
                // As reveal promises: the highlighted components, in order, as many as fit the
                // canvas together (on a 13-row canvas the whole bundled design does not).
                var together: Rect?
                for id in ids {
                    let r = try #require(d.editor.rect(of: id))
                    let both = together.map { $0.union(r) } ?? r
                    guard both.width + 2 <= d.editor.viewport.size.width, both.height + 2 <= d.editor.viewport.size.height
                    else { break }
                    together = both
                    #expect(d.editor.viewport.rect.intersects(r), "lesson \(lesson) step \(d.step): \(id) off screen")
                }
                let rows = d.screen
                #expect(rows.count == screen.height)
                #expect(
                    rows.contains {
                        $0.hasPrefix("─ ") && $0.contains("step \(d.step) of \(d.tour.lesson.steps.count)")
                    })
                let before = (d.tour.lessonIndex, d.step)
                d.keys("<Enter><Enter>")  // skips a step that is not done
                if d.tour.lessonIndex != lesson - 1 || (d.tour.lessonIndex, d.step) == before { break }
            }
        }
    }

    @Test func theEditorHasItsOwnPanelOnlyWhenWide() throws {
        var narrow = try TourDriver()
        narrow.keys("<Enter>tn")
        // 80 columns: the editor has no panel, so the lesson panel narrates the hop.
        #expect(narrow.tour.panelLines().body.first?.text == "Request from User · hop 2 of 6 · request")
        var wide = try TourDriver(screen: Size(width: 120, height: 40))
        wide.keys("<Enter>tn")
        #expect(wide.editor.showsPanel)
        #expect(wide.tour.panelLines().body.first?.text.hasPrefix("t sends a request") == true)
        #expect(wide.screen[0].hasSuffix("│ Request from User               "))
    }

    @Test func resizingMovesThePanelAndASmallScreenGivesTheEditorEverything() throws {
        var d = try TourDriver()
        d.tour.handle(.resize(Size(width: 100, height: 30)))
        #expect(d.editor.screen == Size(width: 100, height: 18))
        #expect(d.screen[17].hasPrefix("─ Lesson 1 · Kubernetes Request Flow · step 1 of 7: The pieces ─"))
        #expect(d.screen[29].hasPrefix(" Kubernetes Request Flow"))
        d.tour.handle(.resize(Size(width: 39, height: 13)))
        #expect(d.editor.screen == Size(width: 39, height: 13))
        #expect(!d.screenText.contains("step 1 of 7"))
    }

    @Test func theLongBodyScrollsAndTheFooterStays() throws {
        var d = try TourDriver()
        d.keys("<Enter><Enter><Enter>tn")  // step 3, the request stopped: narration above the text
        let panel = d.screen[13...22]
        #expect(panel.last?.hasPrefix(" form (e).") == true)  // the hint, pinned at the bottom
        #expect(d.screen[18].hasSuffix("▼"))
        d.keys("<C-d>")
        #expect(d.tour.scroll > 0)
        #expect(d.screen[14].hasSuffix("▲"))
        #expect(d.screen[22].hasPrefix(" form (e)."))
        d.keys("<C-u><C-u>")
        #expect(d.tour.scroll == 0)
    }

    @Test func theWheelOverThePanelScrollsItAndAClickOnTheCanvasSelects() throws {
        var d = try TourDriver()
        d.keys("<Enter><Enter><Enter>tn")
        d.tour.handle(.mouse(MouseEvent(.scrollDown, at: Point(x: 10, y: 18))))
        #expect(d.tour.scroll == 2)
        d.tour.handle(.mouse(MouseEvent(.press, at: Point(x: 30, y: 8))))  // Deployment web's box
        d.tour.handle(.mouse(MouseEvent(.release, at: Point(x: 30, y: 8))))
        #expect(d.selected == "Deployment/web")
    }

    /// At 80x24 the pinned footer, the task and its hint, is on screen whole, wrapped; the body
    /// gets the rows that are left and says it goes on (C-d).
    @Test func theTaskAndItsHintAreWholeAt80x24() throws {
        var d = try TourDriver(lesson: 2)
        d.keys("<Enter><Enter>Cxaing<Enter>")
        #expect(d.tour.hint?.hasPrefix("Now the arrows") == true)
        #expect(
            d.screen[13...22].joined(separator: "\n") == """
                ─ 2 · step 2 of 5: An Ingress in front ─────────── Enter next · Backspace back ─
                 From outside, the User cannot dial Service web's ClusterIP, so its arrow there 
                 goes: with the User selected, C selects the arrow (the status line names it)   
                 and x deletes it.                                                             ▼
                 To do: C, x deletes the User's arrow. a, ing, Enter adds an Ingress and        
                 selects it. c from it to Service web, then c from the User to it. e on the     
                 Ingress, rules: /=web. Then select the User, t, and n until the response is    
                 back.                                                                          
                 → Now the arrows: select the Ingress, c, choose Service web, Enter; select the 
                 User, c, choose the Ingress, Enter.                                            
                """)
    }

    /// On every step of both lessons at 80x24, Enter before the step is done leaves the notice
    /// and the whole task on screen, read across the panel's wrapped rows.
    @Test func everyTaskIsWholeOnScreenAt80x24() throws {
        for lesson in 1...2 {
            var d = try TourDriver(lesson: lesson)
            while d.tour.lessonIndex == lesson - 1 {
                let before = d.step
                if let task = d.tour.step.task {
                    d.keys("<Enter>")
                    let panel = d.screen[14...22].map { $0.trimmingCharacters(in: .whitespaces) }
                    let read = panel.joined(separator: " ")
                    #expect(read.contains("Not done yet. Enter again skips this step. To do: \(task)"),
                            "lesson \(lesson) step \(d.step)")
                }
                d.keys("<Enter>")
                if d.step == before { break }  // the last step
            }
        }
    }

    /// New words in the body (the next hop's narration) show from their first line: the body
    /// scrolled with C-d goes back to its top.
    @Test func newNarrationScrollsTheBodyBackToItsTop() throws {
        var d = try TourDriver()
        d.keys("<Enter>t")
        d.keys("<C-d>")
        #expect(d.tour.scroll > 0)
        #expect(!d.screen[14].hasPrefix(" Request from User"))
        d.keys("n")
        #expect(d.tour.scroll == 0)
        #expect(d.screen[14].hasPrefix(" Request from User · hop 2 of 6 · request "))
        d.keys("<C-d>")
        #expect(d.tour.scroll > 0)
        d.keys("<C-d>")  // the same words, scrolled on: nothing new arrived, so they stay scrolled
        #expect(d.tour.scroll > 0)
    }

    /// When the design changes, the step's components come back into view, the selection first:
    /// drawing the Ingress's arrow to Service web scrolls up to Service web, and the Ingress
    /// (below the other boxes at 80x24) is brought back.
    @Test func aChangedDesignBringsTheStepsComponentsIntoView() throws {
        var d = try TourDriver(lesson: 2)
        d.keys("<Enter><Enter>Cxaing<Enter>")
        #expect(d.editor.shows(["ing"]))
        d.connect("Ingress/ing", to: "Service/web")
        #expect(d.selected == "Ingress/ing")
        #expect(d.editor.shows(["ing"]))
        // Step 3: the lesson adds Service api below; the step starts with it and the Ingress in view.
        d.connect("User/User", to: "Ingress/ing")
        d.keys("<Enter><Enter>")
        #expect(d.step == 3)
        #expect(d.editor.shows(["ing", "svc-api"]))
        d.tab(to: "User/User")
        #expect(!d.editor.shows(["svc-api"]))  // Tab follows the User to the top
        d.tab(to: "Ingress/ing")
        d.keys("ej<Enter>/=web, /api=api<Enter><Esc>")
        #expect(d.editor.shows(["ing", "svc-api"]))
    }
}

/// At 80x24 the editor has no panel of its own: the lesson panel narrates, and the canvas keeps
/// its rows instead of the narration being drawn a second time above the lesson.
@Suite struct TourNarrationTests {
    @Test func theNarrationIsShownOnceAt80x24() throws {
        var d = try TourDriver()
        d.keys("<Enter>tn")
        let text = d.screen.dropLast().joined(separator: "\n") // the status line names the hop too
        #expect(text.components(separatedBy: "no process runs for Service web").count - 1 == 1)
        #expect(d.editor.viewport.size.height == 13) // the whole canvas of the tour at 80x24
    }
}
