import HopsCanvas
import HopsDesign
import HopsEditor

/// The lesson panel: a title rule (lesson, step, keys), the body (the request's narration when
/// the editor has no panel of its own to show it, the selected piece, the step's text), and,
/// pinned at the bottom so it is always in view, what to do or that it is done.
extension TourSession {
    public func draw() -> Grid {
        let layout = TourLayout(screen)
        let shown = editor.draw()
        guard layout.panelRows > 0 else { return shown }
        var grid = Grid(width: screen.width, height: screen.height, glyphs: glyphs)
        grid.blit(shown, at: .zero)
        for x in 0..<min(grid.width, shown.width) { grid[x, screen.height - 1] = shown[x, shown.height - 1] }
        drawPanel(into: &grid, area: layout.panel)
        return grid
    }

    /// A line of the panel and how it is drawn.
    public typealias Line = (text: String, style: CellStyle)

    /// The panel's lines before wrapping: the body, then the pinned footer.
    public func panelLines() -> (body: [Line], footer: [Line]) {
        var body: [Line] = narration()
        if !step.pieces.isEmpty, let id = editor.selection, highlightedIDs == [id], let c = editor.design.component(id)
        {
            let info = catalog.info(c.kind)
            let title = info?.title ?? c.kind.rawValue
            body.append((c.name == c.kind.rawValue ? title : "\(title) · \(c.name)", CellStyle(attrs: .bold)))
            if let d = info?.description { body.append((d, .plain)) }
        }
        body += step.text.map { ($0, CellStyle.plain) }
        var footer: [Line] = []
        if let notice { footer.append((notice, CellStyle(fg: .yellow, attrs: .bold))) }
        if isStepDone {
            footer.append(("✔ \(step.done ?? "Done.") \(onwards)", CellStyle(fg: .green, attrs: .bold)))
        } else if let task = step.task {
            footer.append(("To do: \(task)", CellStyle(attrs: .bold)))
            if let hint { footer.append(("→ \(hint)", CellStyle(fg: .yellow))) }
        } else if stepIndex == lesson.steps.count - 1 {
            footer.append((onwards, CellStyle(attrs: .bold)))
        }
        guard glyphs.isASCII else { return (body, footer) }
        return (body.map { (PlainText.ascii($0.text), $0.style) }, footer.map { (PlainText.ascii($0.text), $0.style) })
    }

    /// What Enter does from here.
    var onwards: String {
        if stepIndex + 1 < lesson.steps.count { return "Enter: next step." }
        if lessonIndex + 1 < lessons.count {
            return "Enter: lesson \(lessons[lessonIndex + 1].number), \(lessons[lessonIndex + 1].title)."
        }
        return "That was the last lesson."
    }

    /// The request the editor shows, hop by hop, when the editor has no panel of its own.
    private func narration() -> [Line] {
        guard !editor.showsPanel, let player = editor.player, let p = player.focus, let hop = p.current else {
            return []
        }
        let design = editor.design
        let name = { (id: String) in design.component(id)?.name ?? id }
        let many = player.packets.count > 1 ? " (\(player.packets.count) in flight)" : ""
        let path = player.path == "/" ? "" : " for \(player.path)"
        var out: [Line] = [
            (
                "Request\(path) from \(name(player.source))\(many) · hop \(p.hop + 1) of \(p.trace.hops.count) · "
                    + "\(hop.direction.rawValue)", CellStyle(attrs: .dim)
            ),
            (hop.narration, hop.status == .failed ? CellStyle(fg: .red, attrs: .bold) : .plain),
        ]
        if p.finished && hop.status == .ok && p.hop == p.trace.hops.count - 1 {
            out.append(("The response reached \(name(p.trace.source)).", CellStyle(fg: .green)))
        }
        return out
    }

    func drawPanel(into grid: inout Grid, area: Rect) {
        grid.fill(area, with: " ")
        let width = max(1, area.width - 2)
        let fit = panelFit()
        let first = min(scroll, fit.maxScroll)
        let (more, back) = (first + fit.bodyRows < fit.body.count, first > 0)
        drawRule(into: &grid, area: area, more: more)
        for (i, line) in fit.body.dropFirst(first).prefix(fit.bodyRows).enumerated() {
            grid.put(line.text, at: Point(x: area.x + 1, y: area.y + 1 + i), style: line.style, maxColumns: width)
        }
        // In the right margin: the body goes on below (C-d) or above (C-u).
        let dim = CellStyle(attrs: .dim)
        if back { grid.put(glyphs.isASCII ? "^" : "▲", at: Point(x: area.maxX, y: area.y + 1), style: dim) }
        if more {
            grid.put(glyphs.isASCII ? "v" : "▼", at: Point(x: area.maxX, y: area.y + fit.bodyRows), style: dim)
        }
        for (i, line) in fit.footer.enumerated() {
            grid.put(
                line.text, at: Point(x: area.x + 1, y: area.maxY - fit.footer.count + 1 + i), style: line.style,
                maxColumns: width)
        }
    }

    /// ` Lesson 1 · Kubernetes Request Flow · step 3 of 7: Debugging ──── Enter next · Backspace back `:
    /// the longest title and key hint that fit together.
    private func drawRule(into grid: inout Grid, area: Rect, more: Bool) {
        let dim = CellStyle(attrs: .dim)
        for x in area.x...area.maxX {
            grid.addLine(
                Direction.left.bit | Direction.right.bit, at: Point(x: x, y: area.y), style: .light, color: dim)
        }
        let plain = { (s: String) in self.glyphs.isASCII ? PlainText.ascii(s) : s }
        let here = "step \(stepIndex + 1) of \(lesson.steps.count): \(step.title)\(isStepDone ? " ✔" : "")"
        let titles = [" Lesson \(lesson.number) · \(lesson.title) · \(here) ", " \(lesson.number) · \(here) "].map(
            plain)
        let keys = [
            more ? " Enter next · Backspace back · C-d more " : nil, " Enter next · Backspace back ",
            " Enter · Backspace ",
        ]
        .compactMap { $0 }.map(plain)
        let room = area.width - 2
        let pairs = titles.flatMap { t in keys.map { (t, $0) } } + [(titles[1], "")]
        let (title, hint) = pairs.first { DisplayWidth.of($0.0) + DisplayWidth.of($0.1) + 1 <= room } ?? (titles[1], "")
        grid.put(title, at: Point(x: area.x + 1, y: area.y), style: CellStyle(attrs: .bold), maxColumns: max(0, room))
        if !hint.isEmpty { grid.put(hint, at: Point(x: area.maxX - DisplayWidth.of(hint), y: area.y), style: dim) }
    }

    /// How far the body can be scrolled at this screen size.
    var maxScroll: Int { panelFit().maxScroll }

    /// The panel's lines, wrapped to the panel at this screen size and shared out between its rows.
    func panelFit() -> PanelFit {
        let area = TourLayout(screen).panel
        let width = max(1, area.width - 2)
        let (body, footer) = panelLines()
        return PanelFit(
            body: TourText.lines(body, width: width), footer: TourText.lines(footer, width: width),
            rows: area.height - 1)
    }
}

/// How the panel's rows (below its title rule) are shared: the footer, what to do, is pinned
/// at the bottom and shown whole, so a hint is never cut; the body scrolls in the rows left.
/// The body keeps at least one row; a footer too tall for that (only on the smallest screens)
/// scrolls with the body instead of being cut, so C-d reaches all of it.
struct PanelFit {
    /// What scrolls, top down.
    let body: [TourSession.Line]
    /// What stays at the bottom, whole.
    let footer: [TourSession.Line]
    /// Rows the body is drawn in.
    let bodyRows: Int

    init(body: [TourSession.Line], footer: [TourSession.Line], rows: Int) {
        let rows = max(0, rows)
        if footer.count <= rows - (body.isEmpty ? 0 : 1) {
            (self.body, self.footer, bodyRows) = (body, footer, rows - footer.count)
        } else {
            (self.body, self.footer, bodyRows) = (body + footer, [], rows)
        }
    }

    /// Lines of the body that can be scrolled away.
    var maxScroll: Int { max(0, body.count - bodyRows) }
}

/// A lesson's lines wrapped to the panel (TextWrap, which cuts no word short).
enum TourText {
    static func lines(_ lines: [TourSession.Line], width: Int) -> [TourSession.Line] {
        lines.flatMap { line in TextWrap.wrap(line.text, width: width).map { ($0, line.style) } }
    }
}
