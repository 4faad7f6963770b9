import Synchronization

/// One terminal cell. A wide character (CJK, emoji) fills its cell and marks the next one as
/// its continuation, which holds no character of its own.
///
/// Eight bytes: the character is kept as its Unicode scalar, or, for the rare character of
/// several scalars (an emoji sequence, a letter with a combining accent), as a number that
/// `Clusters` gives it; colours, attributes, line directions, line style and the two flags are
/// packed in the other three. A `Character` field made a cell 24 bytes, and a render of
/// 10,000 nested components draws a grid of 6.8 million cells.
public struct Cell: Equatable, Sendable {
    /// A scalar value, or above `Clusters.first` a character `Clusters` numbered.
    private var code: UInt32
    /// Foreground colour in the low 4 bits, background in the high 4 (see `colorIndex`).
    private var colors: UInt8
    /// Attributes in the low 4 bits, line directions in the high 4.
    private var marks: UInt8
    /// Line style in the low 3 bits, then the continuation and wide flags.
    private var shape: UInt8

    public init(_ ch: Character = " ", style: CellStyle = .plain) {
        code = Clusters.code(of: ch); colors = 0; marks = 0; shape = 0
        self.style = style
    }
    init(scalar: Unicode.Scalar, style: CellStyle) {
        code = scalar.value; colors = 0; marks = 0; shape = 0
        self.style = style
    }

    /// A colour in 4 bits: the eight ANSI colours as themselves, the terminal's default as 8.
    @inline(__always) private static func colorIndex(_ c: Color) -> UInt8 { c == .none ? 8 : c.rawValue }
    @inline(__always) private static func color(_ i: UInt8) -> Color { i >= 8 ? .none : Color(rawValue: i) ?? .none }

    public var style: CellStyle {
        get {
            CellStyle(fg: Cell.color(colors & 0x0F), bg: Cell.color(colors >> 4),
                      attrs: Attributes(rawValue: marks & 0x0F))
        }
        set {
            colors = Cell.colorIndex(newValue.fg) | Cell.colorIndex(newValue.bg) << 4
            marks = (marks & 0xF0) | (newValue.attrs.rawValue & 0x0F)
        }
    }
    /// Directions in which line segments leave this cell (Direction.bit); 0 for text.
    public var lines: UInt8 {
        get { marks >> 4 }
        set { marks = (marks & 0x0F) | (newValue & 0x0F) << 4 }
    }
    public var lineStyle: LineStyle {
        get { LineStyle(rawValue: shape & 0x07) ?? .light }
        set { shape = (shape & ~0x07) | newValue.rawValue }
    }
    public static let blank = Cell()

    public var ch: Character {
        get { Clusters.character(code) }
        set { code = Clusters.code(of: newValue) }
    }
    /// The character when it is one scalar (every line glyph, every ASCII character).
    var scalar: Unicode.Scalar? { code < Clusters.first ? Unicode.Scalar(code) : nil }
    @inline(__always) mutating func setScalar(_ s: Unicode.Scalar) { code = s.value }
    /// A space (what empty canvas and box insides hold).
    public var isSpace: Bool { code == 0x20 }

    public var isContinuation: Bool {
        get { shape & 0x08 != 0 }
        set { shape = newValue ? shape | 0x08 : shape & ~0x08 }
    }
    /// The character takes two columns (the next cell is its continuation). Kept so that
    /// drawing over a cell need not measure the character already there.
    public internal(set) var isWide: Bool {
        get { shape & 0x10 != 0 }
        set { shape = newValue ? shape | 0x10 : shape & ~0x10 }
    }

    /// Appends the character's UTF-8 bytes.
    @inline(__always) func appendUTF8(to bytes: inout [UInt8]) {
        if code < 0x80 { bytes.append(UInt8(code)); return }
        if let s = scalar {
            UTF8.encode(s) { bytes.append($0) }
        } else {
            for s in ch.unicodeScalars { UTF8.encode(s) { bytes.append($0) } }
        }
    }
}

/// Numbers for the characters of several scalars that cells hold, shared by every grid: each
/// distinct one gets a number once, so a cell stays a plain value and two cells holding the
/// same character compare equal. What is numbered comes from what is drawn (names, labels),
/// which a design's size limits bound.
enum Clusters {
    /// The first number above every Unicode scalar value.
    static let first: UInt32 = 0x11_0000

    /// The numbered characters, behind a lock (grids are drawn on more than one thread in tests).
    private struct Numbered: Sendable {
        var numbers: [Character: UInt32] = [:]
        var characters: [Character] = []
    }
    private static let numbered = Mutex(Numbered())

    @inline(__always) static func code(of ch: Character) -> UInt32 {
        let scalars = ch.unicodeScalars
        let s = scalars.first ?? " "
        if scalars.index(after: scalars.startIndex) == scalars.endIndex { return s.value }
        return numbered.withLock { t in
            if let n = t.numbers[ch] { return n }
            let n = first + UInt32(t.characters.count)
            t.characters.append(ch)
            t.numbers[ch] = n
            return n
        }
    }

    @inline(__always) static func character(_ code: UInt32) -> Character {
        if code < first, let s = Unicode.Scalar(code) { return Character(s) }
        let i = Int(code - first)
        return numbered.withLock { t in i < t.characters.count ? t.characters[i] : " " }
    }
}

/// A rectangle of cells that drawing code writes into. `origin` is the canvas position of the
/// grid's top-left cell, so callers draw in canvas coordinates and the grid clips to its window:
/// the same code draws a whole canvas or only the part a viewport shows.
public struct Grid: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public var origin: Point
    public let glyphs: GlyphSet
    // (Set from this module: GridRows draws bands of it on several threads.)
    public internal(set) var cells: [Cell]

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
        let width = width
        cells.withUnsafeMutableBufferPointer { Grid.clearWide(at: i, in: $0, width: width) }
    }

    /// The same on the cells themselves (the other half is in the same row: see `GridRows`).
    @inline(__always) static func clearWide(at i: Int, in cells: UnsafeMutableBufferPointer<Cell>, width: Int) {
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
        let (width, glyphs) = (width, glyphs)
        cells.withUnsafeMutableBufferPointer {
            Grid.addLine(mask, at: i, in: $0, width: width, glyphs: glyphs, style: style, color: color)
        }
    }

    /// What `addLine` writes, on the cells themselves: a band of rows drawn on a thread of its
    /// own (`GridRows`) writes the same way.
    @inline(__always) static func addLine(_ mask: UInt8, at i: Int, in cells: UnsafeMutableBufferPointer<Cell>,
                                          width: Int, glyphs: GlyphSet, style: LineStyle, color: CellStyle) {
        // In place: drawing a big design adds a line to millions of cells.
        if cells[i].lines == 0 {
            clearWide(at: i, in: cells, width: width)
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
        cells[i].setScalar(glyphs.lineScalar(lines, cells[i].lineStyle))
    }

    /// Keeps only the part of the grid inside a canvas rectangle (within the window), moving
    /// rows in place: a grid of millions of cells is not copied.
    public mutating func crop(to r: Rect) {
        let keep = clip(r)
        let x0 = keep.x - origin.x, y0 = keep.y - origin.y, w = keep.width, h = keep.height
        cells.withUnsafeMutableBufferPointer { c in
            for y in 0..<h {
                // Each row moves down to an index at most its own: nothing is overwritten unread.
                let from = (y0 + y) * width + x0, to = y * w
                if from != to { for x in 0..<w { c[to + x] = c[from + x] } }
            }
        }
        cells.removeLast(cells.count - w * h)
        width = w; height = h; origin = keep.origin
        // A wide character cut at the new right edge would show half.
        guard w > 0 else { return }
        for y in 0..<h {
            let last = y * w + w - 1, first = y * w
            if cells[last].isWide { cells[last] = Cell(" ", style: cells[last].style) }
            if cells[first].isContinuation { cells[first] = Cell(" ", style: cells[first].style) }
        }
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
        // Through one buffer: each cell through `clearWide(at:)` would ask for it again.
        let cell = Cell(ch, style: style), (width, origin) = (width, origin)
        cells.withUnsafeMutableBufferPointer { cells in
            for y in clipped.y...clipped.maxY {
                let row = (y - origin.y) * width - origin.x
                for x in clipped.x...clipped.maxX {
                    Grid.clearWide(at: row + x, in: cells, width: width)
                    cells[row + x] = cell
                }
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
    public var text: String { String(decoding: utf8Text, as: UTF8.self) }

    /// The same text as UTF-8 bytes, built cell by cell: trimming a `String` from its end
    /// re-measures grapheme breaks over the row for every space dropped, which took half of
    /// rendering 2,000 components.
    public var utf8Text: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * height + height)
        for y in 0..<height {
            if y > 0 { bytes.append(0x0A) }
            let row = y * width
            var end = width
            while end > 0 && (cells[row + end - 1].isContinuation || cells[row + end - 1].isSpace) { end -= 1 }
            for x in 0..<end where !cells[row + x].isContinuation { cells[row + x].appendUTF8(to: &bytes) }
        }
        return bytes
    }
}
