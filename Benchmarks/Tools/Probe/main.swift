import Foundation
import Generated
import HopsCanvas
import HopsDesign
import HopsEditor
import HopsFormats
import HopsInput
import HopsKube
import HopsResources

// A quick look at where render and move time goes, without the benchmark harness: phase
// timings, search effort, and the same generated designs as the benchmarks.
// Usage: swift run -c release Probe [components] [repeats] [--write FILE] [--render-only] [--moves N]
//        [--file DESIGN] [--manifest APPS] [--write-manifest FILE] [--search QUERY]
// (--write saves the generated design, to look at it with `hops render FILE`; --file measures a saved
// design instead of the generated one; --manifest imports ManifestGenerator.apps(APPS), 4 objects each;
// --search times `/` and each key of QUERY typed, with the frame after it, then Tab, Enter and `]`.)
let args = CommandLine.arguments
let generated = args.count > 1 ? Int(args[1]) ?? 1000 : 1000
let repeats = args.count > 2 ? Int(args[2]) ?? 3 : 3
let catalog = try JSONDecoder().decode(Catalog.self, from: BundledResources.catalogJSON)
func option(_ name: String) -> String? { args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } }
var design = DesignGenerator.mixed(count: generated)
if let file = option("--file") { design = try DesignFile.read(path: file, catalog: catalog) }
if let apps = option("--manifest").flatMap(Int.init) {
    let yaml = ManifestGenerator.apps(apps)
    if let out = option("--write-manifest") { try yaml.write(toFile: out, atomically: true, encoding: .utf8) }
    design = try KubeImport.design(named: "generated", from: [("generated.yaml", Data(yaml.utf8))]).0
}
let n = design.components.count
let clock = ContinuousClock()
if let i = args.firstIndex(of: "--write"), i + 1 < args.count {
    try DesignFile.write(design, to: args[i + 1])
}

func ms(_ d: Duration) -> String {
    let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    return String(format: "%.2f ms", s * 1000)
}

var wholeRenders: [Duration] = []
for _ in 0..<repeats {
    let phases = RenderPhases(design, catalog: catalog)
    let router = phases.router, scene = phases.scene
    var grid: Grid? = nil
    let tAll = clock.measure { grid = DesignRenderer.render(design, catalog: catalog, glyphs: .unicode) }
    wholeRenders.append(tAll)
    let routes = router.routes.compactMap { $0 }
    let cells = routes.reduce(0) { $0 + $1.cells.count }
    // Bends: where consecutive cells change axis (a measure of how clean the lines are).
    var bends = 0
    for r in routes {
        let t = r.travel
        for i in 1..<max(1, t.count - 1) where (t[i - 1].x == t[i].x) != (t[i].x == t[i + 1].x) { bends += 1 }
    }
    print("render \(n): \(phases.summary), whole render \(ms(tAll)); "
        + "canvas \(scene.bounds.width)x\(scene.bounds.height), grid \(grid!.width)x\(grid!.height), \(routes.count) routes, "
        + "\(cells) route cells, \(bends) bends, \(router.expansions) expansions, tiers \(router.searchesPerTier), coarse \(router.coarseExpansions), direct \(routes.filter(\.isDirect).count)")
}

print("whole render \(n): median \(ms(wholeRenders.sorted()[wholeRenders.count / 2])) of \(repeats), min \(ms(wholeRenders.min()!))")

if n >= 100 && !args.contains("--render-only") {
    var opened: Editor? = nil
    // The editor's first frame: what a person waits for after `hops FILE` has read the file.
    let firstFrame = clock.measure {
        opened = Editor(design: design, catalog: catalog, path: nil, glyphs: .unicode, screen: Size(width: 200, height: 60))
        _ = opened!.draw()
    }
    print("first frame of \(n): \(ms(firstFrame)) (editor opened and drawn once, 200x60)")
    let editor = opened!
    // A big design's far lines are routed a part at each tick (SceneCache.deferRoutingAbove).
    var ticks = 0
    let rest = clock.measure {
        while editor.isRouting { _ = editor.handle(.tick(milliseconds: 33)); _ = editor.draw(); ticks += 1 }
    }
    if ticks > 0 {
        print("the rest of the lines of \(n): \(ticks) ticks, \(ms(rest)) in all, a tick and its frame \(ms(rest / ticks)) on average")
    }
    let target = DesignGenerator.busiestTopLevel(in: editor.design)
    for _ in 0..<editor.design.components.count where editor.selection != target { editor.handle(.key(.tab)) }
    _ = editor.draw()
    var keys: [Duration] = [], frames: [Duration] = []
    let moves = args.firstIndex(of: "--moves").flatMap { Int(args[$0 + 1]) } ?? 20
    for i in 0..<moves {
        let key: Character = i % 2 == 0 ? "L" : "H"
        keys.append(clock.measure { editor.handle(.key(.char(key))) })
        frames.append(clock.measure { _ = editor.draw() })
    }
    let onlyFrame = (0..<moves).map { _ in clock.measure { _ = editor.draw() } }
    func median(_ a: [Duration]) -> Duration { a.sorted()[a.count / 2] }
    let moveTimes = zip(keys, frames).map { $0 + $1 }.sorted()
    print("move in \(n): key \(ms(median(keys))), frame after it \(ms(median(frames))), frame alone \(ms(median(onlyFrame))); "
        + "key + frame median \(ms(median(moveTimes))), p90 \(ms(moveTimes[moveTimes.count * 9 / 10])), slowest \(ms(moveTimes.last!))")
    // An edit that may grow a box (a rename, then its undo): the design is laid out and its
    // scene built again, and neighbours make room (RoomMaking).
    var edits: [Duration] = []
    for i in 0..<6 {
        if i % 2 == 0 {
            _ = editor.handle(.key(.char("r")))
            for ch in "-a-longer-name" { _ = editor.handle(.key(.char(ch))) }
            edits.append(clock.measure { editor.handle(.key(.enter)); _ = editor.draw() })
        } else {
            edits.append(clock.measure { editor.handle(.key(.char("u"))); _ = editor.draw() })
        }
    }
    print("rename in \(n) (Enter to drawn frame, renames and undos): median \(ms(median(edits))), slowest \(ms(edits.max()!))")
}

if let query = option("--search") {
    let editor = Editor(design: design, catalog: catalog, path: nil, glyphs: .unicode,
                        screen: Size(width: 200, height: 60))
    _ = editor.draw()
    func timed(_ k: Key) -> (key: Duration, frame: Duration) {
        let key = clock.measure { editor.handle(.key(k)) }
        return (key, clock.measure { _ = editor.draw() })
    }
    let normalFrames = (0..<20).map { _ in clock.measure { _ = editor.draw() } }
    let open = timed(.char("/"))
    var typed: [(key: Duration, frame: Duration)] = []
    for round in 0..<5 {
        for c in query { typed.append(timed(.char(c))) }
        if round < 4 { for _ in query { typed.append(timed(.backspace)) } }
    }
    let count = { if case .search(let s) = editor.mode { s.matches.count } else { -1 } }()
    let tabs = (0..<20).map { _ in timed(.tab) }
    // The same view with and without the matches marked: what marking them costs a frame.
    let marked = (0..<50).map { _ in clock.measure { _ = editor.draw() } }
    _ = editor.handle(.key(.enter))
    let unmarked = (0..<50).map { _ in clock.measure { _ = editor.draw() } }
    let steps = (0..<20).map { _ in timed(.char("]")) }
    func median(_ a: [Duration]) -> Duration { a.sorted()[a.count / 2] }
    let slowest = typed.map(\.key).max()!
    print("search in \(n) (\(count) matches for \"\(query)\"): a frame before it \(ms(median(normalFrames))); "
        + "open / \(ms(open.key)) (builds the index), "
        + "a typed key \(ms(median(typed.map(\.key)))) median, slowest \(ms(slowest)), frame after it "
        + "\(ms(median(typed.map(\.frame)))); "
        + "Tab \(ms(median(tabs.map(\.key)))), frame \(ms(median(tabs.map(\.frame)))); "
        + "] \(ms(median(steps.map(\.key)))); one view: \(ms(median(marked))) with the matches marked, "
        + "\(ms(median(unmarked))) without")
}
