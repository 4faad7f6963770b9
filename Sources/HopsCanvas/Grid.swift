/// One terminal cell. A wide character (CJK, emoji) fills its cell and marks the next one as
/// its continuation, which holds no character of its own.
public struct Cell: Equatable, Sendable {
    public var ch: Character
    public var style: CellStyle
    /// Directions in which line segments leave this cell (Direction.bit); 0 for text.
    public var lines: UInt8
    public var lineStyle: LineStyle
    public var isContinuation: Bool
    /// The character takes two columns (the next cell is its continuation). Kept so that
    /// drawing over a cell need not measure the character already there.
    public internal(set) var isWide: Bool

    public init(_ ch: Character = " ", style: CellStyle = .plain) {
        self.ch = ch; self.style = style; lines = 0; lineStyle = .light; isContinuation = false; isWide = false
    }
    public static let blank = Cell()
}

/// A rectangle of cells that drawing code writes into. `origin` is the canvas position of the
/// grid's top-left cell, so callers draw in canvas coordinates and the grid clips to its window:
/// the same code draws a whole canvas or only the part a viewport shows.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var origin: Point
    public let glyphs: GlyphSet
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, origin: Point = .zero, glyphs: GlyphSet = .unicode) {
        self.width = max(0, width); self.height = max(0, height)
        self.origin = origin; self.glyphs = glyphs
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var size: Size { Size(width: width, height: height) }
    /// The canvas rectangle this grid shows.
    public var window: Rect { Rect(origin: origin, size: size) }

    /// The cell at grid-local column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    @inline(__always) private func index(_ p: Point) -> Int? {
        let lx = p.x - origin.x, ly = p.y - origin.y
        guard lx >= 0, ly >= 0, lx < width, ly < height else { return nil }
        return ly * width + lx
    }

    /// The cell at a canvas position, nil outside the window.
    public func cell(at p: Point) -> Cell? { index(p).map { cells[$0] } }

    /// Writes one character at a canvas position; a wide one also claims the next cell.
    /// A wide character that would be cut by the right edge is replaced by a space.
    public mutating func set(_ ch: Character, at p: Point, style: CellStyle) {
        let w = DisplayWidth.of(ch)
        guard w > 0, let i = index(p) else { return }
        clearWide(at: i)
        if w == 2 {
            guard let j = index(Point(x: p.x + 1, y: p.y)), j == i + 1 else {
                cells[i] = Cell(" ", style: style); return
            }
            clearWide(at: j)
            cells[j] = Cell(" ", style: style)
            cells[j].isContinuation = true
        }
        cells[i] = Cell(ch, style: style)
        cells[i].isWide = w == 2
    }

    /// Overwriting half of a wide character blanks the other half, so no half glyph stays.
    @inline(__always) private mutating func clearWide(at i: Int) {
        if cells[i].isContinuation, i % width > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        } else if cells[i].isWide, (i + 1) % width != 0 {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
    }

    /// Writes text from a canvas position, at most `maxColumns` columns (nil: to the edge).
    /// Control characters are shown escaped. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, at p: Point, style: CellStyle = .plain, maxColumns: Int? = nil) -> Int {
        let safe = SafeText.hasControl(text) ? SafeText.escape(text) : text
        let limit = maxColumns ?? Int.max
        var x = p.x
        var used = 0
        for ch in safe {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if used + w > limit { break }
            set(ch, at: Point(x: x, y: p.y), style: style)
            x += w; used += w
        }
        return used
    }

    /// Adds line directions to a cell and redraws its glyph, so crossing or meeting lines
    /// become junctions (`│` + `─` → `┼`). Text in the cell is replaced.
    public mutating func addLine(_ mask: UInt8, at p: Point, style: LineStyle, color: CellStyle) {
        guard let i = index(p) else { return }
        // In place: drawing a big design adds a line to hundreds of thousands of cells.
        if cells[i].lines == 0 {
            clearWide(at: i)
            cells[i].style = color
            cells[i].lineStyle = style
            cells[i].isWide = false
            cells[i].isContinuation = false
        } else if cells[i].lineStyle == .dashed && style != .dashed {
            cells[i].lineStyle = style
            cells[i].style = color
        }
        let lines = cells[i].lines | mask
        cells[i].lines = lines
        cells[i].ch = glyphs.line(lines, cells[i].lineStyle)
    }

    /// The part of a canvas rectangle inside the window (empty when none is).
    public func clip(_ r: Rect) -> Rect {
        let x0 = max(r.x, origin.x), y0 = max(r.y, origin.y)
        let x1 = min(r.maxX, origin.x + width - 1), y1 = min(r.maxY, origin.y + height - 1)
        return Rect(x: x0, y: y0, width: max(0, x1 - x0 + 1), height: max(0, y1 - y0 + 1))
    }

    /// Fills a canvas rectangle with one character.
    public mutating func fill(_ r: Rect, with ch: Character = " ", style: CellStyle = .plain) {
        let clipped = clip(r)
        guard !clipped.isEmpty else { return }
        guard DisplayWidth.of(ch) == 1 else {
            for y in clipped.y...clipped.maxY {
                for x in clipped.x...clipped.maxX { set(ch, at: Point(x: x, y: y), style: style) }
            }
            return
        }
        // One column wide: the same cell everywhere, measured once (box insides are most of a frame).
        let cell = Cell(ch, style: style)
        for y in clipped.y...clipped.maxY {
            let row = (y - origin.y) * width - origin.x
            for x in clipped.x...clipped.maxX {
                clearWide(at: row + x)
                cells[row + x] = cell
            }
        }
    }

    /// Changes the style of the cells in a canvas rectangle, keeping their characters.
    public mutating func restyle(_ r: Rect, _ change: (inout CellStyle) -> Void) {
        let clipped = clip(r)
        guard !clipped.isEmpty else { return }
        for y in clipped.y...clipped.maxY {
            for x in clipped.x...clipped.maxX { if let i = index(Point(x: x, y: y)) { change(&cells[i].style) } }
        }
    }

    /// The grid as rows of text: continuation cells are skipped, trailing spaces kept.
    public var rows: [String] {
        (0..<height).map { y in
            var s = ""
            s.reserveCapacity(width)
            for x in 0..<width where !cells[y * width + x].isContinuation { s.append(cells[y * width + x].ch) }
            return s
        }
    }

    /// The rows joined with newlines, trailing spaces trimmed: what `hops render` prints.
    /// Built as UTF-8 bytes, cell by cell: trimming a `String` from its end re-measures grapheme
    /// breaks over the row for every space dropped, which took half of rendering 2,000 components.
    public var text: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * height + height)
        for y in 0..<height {
            if y > 0 { bytes.append(0x0A) }
            let row = y * width
            var end = width
            while end > 0 && (cells[row + end - 1].isContinuation || cells[row + end - 1].ch == " ") { end -= 1 }
            for x in 0..<end where !cells[row + x].isContinuation {
                // A Character's bytes through its (small, inline) String: asking the Character
                // itself (asciiValue, utf8) measured its grapheme boundaries for every cell.
                var s = String(cells[row + x].ch)
                s.withUTF8 { bytes.append(contentsOf: $0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
