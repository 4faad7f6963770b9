import HopsCanvas
import HopsDesign
import HopsEditor
import HopsInput
import Testing

/// The bundled design, drawn, compared as rows of text.
@Suite struct BundledScreenTests {
    @Test func renderedAsText() throws {
        let grid = DesignRenderer.render(try Fixtures.bundledDesign(), catalog: Fixtures.catalog)
        #expect(grid.text == """

        ╭ user ──╮            ┌ svc ───────────────┐            ┌ pod ───────────────────────────────────────────┐
        │ User   ├─HTTP :80──▶│ web                ├──app=web──▶│ web                                            │┐
        ╰────────╯            │ ClusterIP :80→8080 │            │ app=web                                        ││┐
                              └────────────────────┘            │ replicas 1 2 3                                 │││
                                                                │                                                │││
                                                                │ ┌ ctr ──────────┐            ┌ ctr ──────────┐ │││
                              ╔ deploy ════╗                    │ │ app           │            │ db            │ │││
                              ║ web        ╠┄┄┄┄┄┄manages┄┄┄┄┄┄▶│ │ web-app:1.4.2 ├───:5432───▶│ postgres:16.4 │ │││
                              ║ 3 replicas ║                    │ │ :8080         │            │ :5432         │ │││
                              ╚════════════╝                    │ └───────────────┘            └───────────────┘ │││
                                                                │                                                │││
                                                                └────────────────────────────────────────────────┘││
                                                                 └────────────────────────────────────────────────┘│
                                                                  └────────────────────────────────────────────────┘
        """)
    }

    @Test func renderedInASCII() throws {
        let grid = DesignRenderer.render(try Fixtures.bundledDesign(), catalog: Fixtures.catalog, glyphs: .ascii)
        let rows = grid.rows
        #expect(rows[2].hasPrefix("| User   +-HTTP :80-->| web "))
        #expect(!grid.text.unicodeScalars.contains { $0.value > 0x7E })
    }

    @Test func editorScreenInMemoryTerminal() throws {
        let editor = Editor(design: try Fixtures.bundledDesign(), catalog: Fixtures.catalog, path: nil, screen: Size(width: 120, height: 30))
        let screen = editor.draw().rows
        #expect(screen.count == 30)
        // Laid out for the 86 columns beside the panel: top to bottom. The selection is drawn heavy.
        #expect(screen[0].hasPrefix(" ┏ user ━━┓ "))
        #expect(screen[7].hasPrefix(" ┌ svc ──────────── ! ┐      ╔ deploy ════╗ ")) // `!`: a warning from the checks
        #expect(screen[0].hasSuffix("│ User · User                     "))
        #expect(screen[29].hasPrefix(" Kubernetes Request Flow"))
        #expect(screen[29].contains("? keys  q quit"))
    }

    @Test func tooSmallTerminalSaysSo() throws {
        let editor = Editor(design: try Fixtures.bundledDesign(), catalog: Fixtures.catalog, path: nil, screen: Size(width: 15, height: 5))
        let small = editor.draw().rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(small.contains("Terminal too small"))
        #expect(small.contains("(15x5)"))
        editor.handle(.resize(Size(width: 80, height: 24)))
        #expect(editor.draw().rows[23].hasPrefix(" Kubernetes Request Flow"))
    }
}
