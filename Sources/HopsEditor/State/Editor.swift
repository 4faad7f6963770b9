import HopsCanvas
import HopsDesign
import HopsFlow
import HopsInput
import HopsText

/// The editor: a state machine. `handle(event)` changes the state and returns effects for the
/// run loop; `draw()` is a function of the state. No I/O, no clock: time comes in as ticks.
public final class Editor {
    public internal(set) var design: Design
    public let catalog: Catalog
    /// Where `:w` saves; nil for the bundled design until `:w PATH`.
    public private(set) var path: String?
    public let glyphs: GlyphSet
    public internal(set) var screen: Size
    public internal(set) var viewport: Viewport
    public internal(set) var selection: String?
    public internal(set) var mode: Mode = .normal
    /// A line for the status bar: the result of the last action.
    public internal(set) var message: String?
    /// What undo and redo call the change this event made, when the message says more than that
    /// (a hint for what to press next); nil: the message.
    var changeSummary: String?
    public internal(set) var isDirty = false
    /// Lists file names for `:e` / `:w` completion; injected so the editor does no I/O itself.
    public var completePath: (String) -> [String] = { _ in [] }

    /// Kinds the canvas leaves out (`:hide`, `:show`); a view setting, not part of the design.
    public internal(set) var layers = Layers()
    var history = History()
    let findingsCache = FindingsCache()
    /// Components by id for what is drawn each frame (see ComponentLookup).
    let componentLookup = ComponentLookup()
    let connectionLookup = ConnectionLookup()
    var cache: SceneCache
    /// A drag in progress: the component and the last mouse cell.
    var drag: (id: String, last: Point)?
    /// True while the panel is hidden (one key shows it again): the canvas takes its room.
    public internal(set) var panelHidden = false
    /// True while the canvas shows the overview of the whole design (see View/OverviewView).
    public internal(set) var overview = false
    /// The request player (see Flow/); nil when no request is being stepped.
    public internal(set) var player: Player?
    /// Round robin positions and Pod replicas that are down: what the cluster remembers.
    public internal(set) var flowState = FlowState()
    /// How fast requests play: an index into `Player.speeds`, kept from one request to the next.
    public internal(set) var speedLevel = Player.normalSpeed
    /// The packets' speed in cells per second.
    public var cellsPerSecond: Int { Player.speeds[speedLevel] }
    /// Killed replicas waiting for their controller to start a replacement.
    public internal(set) var replacements: [Replacement] = []
    /// Components the canvas picks out for someone else (a lesson step): drawn with marks around
    /// their tag (`┌▸svc◂──`), so they show without colour too. See State/Highlight.swift.
    public var highlighted: Set<String> = []
    /// Set by a host that shows the narration itself (the tour's lesson panel): without a panel
    /// the editor then keeps its narration rows for the canvas instead of saying it twice.
    public var narrationByHost = false
    /// The last search's query and index, for `]` and `[` (see Search/).
    var lastSearch: LastSearch?
    /// Rows of the panel scrolled away (C-d / C-u), for the panel it was scrolled in
    /// (`panelIdentity`): another selection or hop starts at the top again.
    var panelScroll = (rows: 0, of: "")
    /// The narration as last wrapped, with the text and width it was wrapped for: a frame asks
    /// for it three times (the rows it needs, the canvas left, the rows drawn).
    var wrappedNarration: (text: String, width: Int, lines: [String])?

    public init(design: Design, catalog: Catalog, path: String?, glyphs: GlyphSet = .unicode, screen: Size,
                recoveries: [RecoveryCopy] = []) {
        self.catalog = catalog
        self.path = path
        self.glyphs = glyphs
        self.screen = screen
        // What has no saved position (all of the bundled design) is laid out for this screen.
        cache = SceneCache(design: design, catalog: catalog, glyphs: glyphs,
                           fit: Editor.layoutArea(screen: screen, hidden: false).size)
        self.design = Editor.pinned(design, rects: cache.rects)
        viewport = Viewport(size: screen)
        layoutScreen()
        viewport.show(cache.drawnBounds)
        // The User, where requests start, when the first screen shows it; else the box the first
        // screen shows first (top left): in a big design the first component can be far off.
        let view = viewport.rect
        let shown = { (id: String) in self.cache.rects[id]?.intersects(view) == true }
        // (A User that sends first: `t` from one that does not only says so.)
        let senders = Set(self.design.connections.lazy.filter { $0.kind == .traffic }.map(\.from))
        let users = self.design.components.filter { $0.kind == .user && shown($0.id) }
        selection = (users.first { senders.contains($0.id) } ?? users.first)?.id
            ?? cache.rects.filter { $0.value.intersects(view) }
                .min { ($0.value.y, $0.value.x, $0.key) < ($1.value.y, $1.value.x, $1.key) }?.key
            ?? self.design.components.first?.id
        offer(recoveries)
    }

    /// True while lines of a big design are still being routed, a part at each tick: the run
    /// loop then sends ticks (see SceneCache.deferRoutingAbove).
    public var isRouting: Bool { cache.pendingLines > 0 }

    /// Every component gets its drawn position written down, so the design stays as it is shown.
    static func pinned(_ d: Design, rects: [String: Rect]) -> Design {
        var d = d
        for i in d.components.indices {
            if let r = rects[d.components[i].id] { d.components[i].position = Position(x: r.x, y: r.y) }
        }
        return d
    }

    // MARK: Events

    @discardableResult
    public func handle(_ event: InputEvent) -> [Effect] {
        switch event {
        case .resize(let s):
            screen = s
            layoutScreen()
            if let sel = selection, let r = cache.rects[sel] { bringIntoView(r) }
            followPacket()
            return []
        case .tick(let ms):
            return tick(ms)
        case .mouse(let m):
            guard fitsScreen else { return [] }
            return describingSteps { overview ? overviewMouse(m) : mouse(m) }
        case .key(let k):
            guard fitsScreen else { return tooSmallKey(k) }
            message = nil
            return describingSteps { dispatch(k) }
        }
    }

    /// Runs one event's work; a change it recorded for undo is described by the message the
    /// work left ("deleted Service web"), so undo and redo can say what they undid and redid.
    func describingSteps(_ work: () -> [Effect]) -> [Effect] {
        let before = history.changeCount
        changeSummary = nil
        let fx = work()
        if history.changeCount != before { history.describeLatest(changeSummary ?? message ?? "a change") }
        return fx
    }

    /// What to do once a save has succeeded; nil after a failed one.
    var afterSave: AfterSave?
    enum AfterSave: Equatable { case quit }
    /// Recovery copies whose work the user restored into this editor: deleted after the next
    /// successful save or deliberate quit.
    var adoptedRecoveries: [String] = []

    /// Effects that delete the restored copies, once their work is safe.
    func releaseAdopted() -> [Effect] {
        defer { adoptedRecoveries.removeAll() }
        return adoptedRecoveries.map(Effect.discardRecovery)
    }

    /// The run loop's answer to an effect; returns the effects that follow from it.
    @discardableResult
    public func handle(_ answer: Answer) -> [Effect] {
        switch answer {
        case .saved(let p):
            path = p
            isDirty = false
            message = "saved \(SafeText.escape(p))"
            if afterSave == .quit { afterSave = nil; return releaseAdopted() + [.removeRecovery, .quit] }
            return releaseAdopted()
        case .notSaved(_, let reason):
            let quitting = afterSave == .quit
            afterSave = nil
            message = "not saved: \(SafeText.escape(reason))" + (quitting ? " (still open)" : "")
            return []
        case .conflict(let p):
            // The file this editor has open, changed by someone; or another file already there.
            mode = .confirm(p == path ? .overwriteChanged(p) : .overwriteExisting(p))
            return []
        case .opened(let p, let d, let recoveries):
            path = p
            replaceDesign(d, undoable: false)
            isDirty = false
            message = "opened \(SafeText.escape(p))"
            offer(recoveries)
            return []
        case .imported(let source, let d, let warnings):
            path = nil // a design imported from YAML is saved as a design only where the user says
            replaceDesign(d, undoable: false)
            isDirty = true
            message = "imported \(SafeText.escape(source))"
                + (warnings.isEmpty ? "" : " (\(counted(warnings.count, "warning")): \(warnings[0]))")
                + "; :w PATH.hops.json saves it"
            return []
        case .exported(let p, let format, let warnings, let recorded):
            message = "exported \(format.rawValue) to \(SafeText.escape(p))"
                + (warnings.count == 1 ? " (\(warnings[0]))" : "")
                + (warnings.count > 1 ? " (\(counted(warnings.count, "warning")); the first: \(warnings[0]))" : "")
            guard let recorded, recorded != design else { return [] }
            // Only data beside the components changed (the drawing stays): no new scene, no undo step.
            design.extra = recorded.extra
            isDirty = true
            message! += "; the design now keeps its Meshery id (:w saves it)"
            return [.changed]
        case .notExported(_, let reason):
            message = "not exported: \(SafeText.escape(reason))"
            return []
        case .exportConflict(let p, let format):
            mode = .confirm(.exportOverExisting(format, p))
            return []
        case .notOpened(_, let reason):
            message = "cannot open: \(reason)"
            return []
        case .changedOnDisk(let p):
            if case .confirm = mode { return [] } // one question at a time; a save will ask again
            mode = .confirm(.reloadChanged(p))
            return []
        }
    }

    /// Asks about the first recovery copy; the others follow one by one.
    func offer(_ copies: [RecoveryCopy]) {
        guard let first = copies.first else { return }
        mode = .confirm(.restore(first, more: Array(copies.dropFirst())))
    }

    // MARK: Changing the design

    /// Replaces the design as one undoable step, rebuilding the geometry.
    func commit(_ new: Design, selecting: String?? = nil) -> [Effect] {
        guard new != design else { return [] }
        pushUndo(moveOf: nil)
        // With layers hidden the boxes are laid out anew anyway (see SceneCache). Making room
        // lays the design out; when nothing moved, the scene takes that layout as it is.
        let room = layers.isEmpty
            ? RoomMaking.make(new, before: cache.rects, catalog: catalog, glyphs: glyphs, fit: layoutArea.size)
            : (design: new, moved: [], stopped: false, rects: nil)
        replaceDesign(room.design, undoable: true, rects: room.rects)
        if let first = room.moved.first {
            let others = room.moved.count > 1 ? " and \(counted(room.moved.count - 1, "more box", "more boxes"))" : ""
            message = (message.map { $0 + "; " } ?? "")
                + "\(SafeText.escape(design.displayName(first)))\(others) moved to make room"
                + (room.stopped ? ", but some boxes still overlap (too many to move, or the canvas ends)" : "")
        }
        if let s = selecting { selection = s }
        isDirty = true
        keepingMessage { retrace() }
        return [.changed]
    }

    /// `rects`: the shown boxes as laid out for `new` already (see RoomMaking), nil to lay it out.
    func replaceDesign(_ new: Design, undoable: Bool, rects: [String: Rect]? = nil) {
        // An edit keeps the view, whose lines come first; another design is shown from its start.
        cache = SceneCache(design: new, catalog: catalog, glyphs: glyphs, fit: layoutArea.size, layers: layers,
                           view: undoable ? viewport.rect : nil, rects: rects)
        // A layout made with layers hidden is a view: it is not written into the design.
        design = layers.isEmpty ? Editor.pinned(new, rects: cache.rects) : new
        if let s = selection {
            if design.component(s) == nil {
                selection = nil
            } else if cache.rects[s] == nil {
                selection = cache.shown.standIn[s]
            }
        }
        if !undoable {
            history.clear()
            viewport.show(cache.drawnBounds) // another design: shown from its start
        }
    }

    func pushUndo(moveOf: String?) {
        history.record(design, selection: selection, moveOf: moveOf)
        if let m = moveOf { history.describeLatest("moved \(SafeText.escape(design.displayName(m)))") }
    }

    func undo() -> [Effect] {
        guard let (d, sel, what) = history.stepBack(from: design, selection: selection) else {
            message = "nothing to undo"; return []
        }
        return stepped(to: d, selection: sel, said: "undone: \(what)" + Editor.more(history.undoCount, "undo"))
    }

    func redo() -> [Effect] {
        guard let (d, sel, what) = history.stepForward(from: design, selection: selection) else {
            message = "nothing to redo"; return []
        }
        return stepped(to: d, selection: sel, said: "redone: \(what)" + Editor.more(history.redo.count, "redo"))
    }

    /// " (3 more to undo)": steps left to undo or redo; nothing when none are.
    static func more(_ n: Int, _ verb: String) -> String { n == 0 ? "" : " (\(n) more to \(verb))" }

    /// The design an undo or redo went to; a selected connection it took away is let go.
    private func stepped(to d: Design, selection sel: String?, said: String) -> [Effect] {
        replaceDesign(d, undoable: true)
        selection = sel.flatMap { design.component($0) == nil ? nil : $0 }
        if let k = selectedConnection, design.connection(k) == nil { mode = .normal }
        isDirty = true
        retrace()
        message = said
        return [.changed]
    }

    /// Runs `f` and puts back the message it replaced: an edit's own message ("selector set")
    /// says more than the re-traced hop's narration, which the panel shows anyway.
    func keepingMessage(_ f: () -> Void) {
        let m = message
        f()
        if m != nil { message = m }
    }

    /// The rectangle of a component on the canvas.
    public func rect(of id: String) -> Rect? { cache.rects[id] }
}
