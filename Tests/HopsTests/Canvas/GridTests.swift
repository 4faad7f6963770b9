import HopsCanvas
import HopsText
import Testing

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() { #expect(DisplayWidth.of("Service") == 7) }
    @Test func cjkAndEmojiAreTwoColumns() {
        #expect(DisplayWidth.of("服务") == 4)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
    }
    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("\u{301}") == 0)
    }
    @Test func wrappingBreaksAWordLongerThanALineAndLosesNothing() {
        let lines = TextWrap.wrap("see /very/long/path/to/a/file.yaml now", width: 10)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
        #expect(lines.joined().replacingOccurrences(of: " ", with: "") == "see/very/long/path/to/a/file.yamlnow")
        #expect(TextWrap.wrap("服服服", width: 3) == ["服", "服", "服"])
        #expect(TextWrap.wrap("", width: 5) == [""])
        // An image breaks after a separator, not in the middle of a word.
        #expect(TextWrap.wrap("image: nginxinc/nginx-unprivileged:1.27", width: 20)
            == ["image:", "nginxinc/nginx-", "unprivileged:1.27"])
    }
    @Test func boxDrawingIsOneColumn() { #expect(DisplayWidth.of("┌─┼┐") == 4) }
    @Test func truncateCountsColumnsNotCharacters() {
        #expect(DisplayWidth.truncate("服务器名字", to: 5) == "服务…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
    }
    @Test func controlCharactersAreShownEscaped() {
        #expect(SafeText.escape("a\u{1B}[31mb\n") == "a\\e[31mb\\n")
        // A combining mark after an escape would sit on its brace: escaped too; after a letter it stays.
        #expect(SafeText.escape("x\u{200B}\u{301}") == "x\\u{200b}\\u{301}")
        #expect(SafeText.escape("e\u{301}\u{1B}") == "e\u{301}\\e")
    }
}

@Suite struct GridTests {
    @Test func textIsClippedAtTheRightEdge() {
        var g = Grid(width: 5, height: 1)
        let used = g.put("abcdefgh", at: Point(x: 2, y: 0))
        #expect(g.rows == ["  abc"])
        #expect(used == 8) // columns the text takes; the grid itself clips what falls outside
    }

    @Test func wideCharacterTakesTwoCellsAndIsNotCutInHalf() {
        var g = Grid(width: 5, height: 1)
        g.put("a服", at: Point(x: 0, y: 0))
        #expect(g.rows == ["a服  "])
        #expect(g[2, 0].isContinuation)
        var edge = Grid(width: 3, height: 1)
        edge.put("ab服", at: Point(x: 0, y: 0))
        #expect(edge.rows == ["ab "]) // half a wide glyph never shows
    }

    @Test func charactersOfSeveralScalarsComeBackWhole() {
        // A cell keeps one scalar inline and numbers the rest: an accent written as a combining
        // mark, a ZWJ emoji sequence, a flag.
        let accent: Character = "e\u{301}", coder: Character = "👩\u{200D}💻", flag: Character = "🇳🇴"
        var g = Grid(width: 8, height: 1)
        g.put("\(accent)\(coder)\(flag)x", at: Point(x: 0, y: 0))
        #expect(g[0, 0].ch == accent && g[1, 0].ch == coder && g[3, 0].ch == flag && g[5, 0].ch == "x")
        #expect(g.text == "\(accent)\(coder)\(flag)x")
        // The same character numbered twice is the same cell.
        var h = Grid(width: 8, height: 1)
        h.put("\(accent)\(coder)\(flag)x", at: Point(x: 0, y: 0))
        #expect(g == h)
    }

    @Test func aCellKeepsEveryStyleLineAndFlagInEightBytes() {
        // A render of 10,000 components holds millions of cells: their size is its memory.
        #expect(MemoryLayout<Cell>.stride == 8)
        for fg in Color.allCases {
            for bg in Color.allCases {
                for a in 0..<16 {
                    var c = Cell("x")
                    let style = CellStyle(fg: fg, bg: bg, attrs: Attributes(rawValue: UInt8(a)))
                    c.style = style
                    c.lines = UInt8(a)
                    c.lineStyle = [LineStyle.light, .heavy, .double, .rounded, .dashed][a % 5]
                    c.isContinuation = a % 2 == 0
                    #expect(c.style == style && c.lines == UInt8(a) && c.ch == "x")
                    #expect(c.lineStyle == [LineStyle.light, .heavy, .double, .rounded, .dashed][a % 5])
                    #expect(c.isContinuation == (a % 2 == 0) && !c.isWide)
                }
            }
        }
    }

    @Test func croppingKeepsTheCellsInsideAndNoHalfOfAWideCharacter() {
        var g = Grid(width: 8, height: 4, origin: Point(x: -2, y: -1))
        g.put("ab服cd", at: Point(x: -2, y: 0))
        g.put("xyz", at: Point(x: 0, y: 1))
        var whole = g
        whole.crop(to: Rect(x: -5, y: -5, width: 40, height: 40)) // beyond the window: nothing changes
        #expect(whole == g)
        // Columns 0 to 2 of the first row hold the right half of 服, then c and d.
        g.crop(to: Rect(x: 1, y: 0, width: 3, height: 2))
        #expect(g.window == Rect(x: 1, y: 0, width: 3, height: 2))
        #expect(g.rows == [" cd", "yz "])
        var left = Grid(width: 4, height: 1)
        left.put("a服", at: Point(x: 0, y: 0))
        left.crop(to: Rect(x: 0, y: 0, width: 2, height: 1)) // cuts 服 after its first column
        #expect(left.rows == ["a "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = Grid(width: 4, height: 1)
        g.put("服", at: Point(x: 0, y: 0))
        g.put("x", at: Point(x: 1, y: 0))
        #expect(g.rows == [" x  "])
    }

    @Test func gridWithOriginDrawsInCanvasCoordinates() {
        var g = Grid(width: 3, height: 2, origin: Point(x: 10, y: 5))
        g.put("hi", at: Point(x: 11, y: 6))
        g.put("out", at: Point(x: 0, y: 0))
        #expect(g.rows == ["   ", " hi"])
    }

    @Test func crossingLinesMergeIntoJunctions() {
        var g = Grid(width: 3, height: 3)
        let h = Direction.left.bit | Direction.right.bit, v = Direction.up.bit | Direction.down.bit
        for x in 0..<3 { g.addLine(h, at: Point(x: x, y: 1), style: .light, color: .plain) }
        for y in 0..<3 { g.addLine(v, at: Point(x: 1, y: y), style: .light, color: .plain) }
        #expect(g.rows == [" │ ", "─┼─", " │ "])
    }

    @Test func aLineMeetingABoxEdgeMakesATee() {
        var g = Grid(width: 6, height: 3)
        Painter.drawBox(SceneBox(rect: Rect(x: 0, y: 0, width: 4, height: 3)), into: &g)
        g.addLine(Direction.right.bit, at: Point(x: 3, y: 1), style: .light, color: .plain)
        g.addLine(Direction.left.bit | Direction.right.bit, at: Point(x: 4, y: 1), style: .light, color: .plain)
        #expect(g.rows == ["┌──┐  ", "│  ├─ ", "└──┘  "])
    }

    @Test func asciiGlyphsUsePlusMinusBar() {
        var g = Grid(width: 4, height: 3, glyphs: .ascii)
        Painter.drawBox(SceneBox(rect: Rect(x: 0, y: 0, width: 4, height: 3)), into: &g)
        #expect(g.rows == ["+--+", "|  |", "+--+"])
        #expect(GlyphSet.ascii.arrowhead(.right) == ">")
        #expect(GlyphSet.ascii.arrowhead(.down) == "v")
    }

    @Test func ansiTextColoursOnlyWhereStyled() {
        var g = Grid(width: 3, height: 1)
        g.put("a", at: Point(x: 0, y: 0), style: CellStyle(fg: .red))
        g.put("b", at: Point(x: 1, y: 0))
        #expect(AnsiText.render(g) == "\u{1B}[0;31ma\u{1B}[0mb")
    }
}
