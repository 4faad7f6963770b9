import Foundation
import HopsCanvas
import HopsEditor
import Testing

/// Whole screens compared with expected screens stored as text in Tests/HopsTests/Screens/:
/// the rows as drawn, then the same picture of styles (a letter per styled cell, a space for a
/// plain one), then what each letter means. Read an expected file as the screen it is.
///
/// After a deliberate change to what a screen shows, rewrite the files with
///     HOPS_UPDATE_SCREENS=1 swift test --filter HopsTests.ScreenTests
/// and review every changed file (`git diff Tests/HopsTests/Screens`) before committing it.
/// A failing comparison writes the screen it got to /tmp/hops-screens/NAME.txt for diffing.
enum ExpectedScreen {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Screens")
    static var updating: Bool { ProcessInfo.processInfo.environment["HOPS_UPDATE_SCREENS"] == "1" }

    /// The file text for a screen: size, rows, styles, legend.
    static func text(of grid: Grid) -> String {
        var legend: [CellStyle: Character] = [:]
        var order: [CellStyle] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var styleRows: [String] = []
        for y in 0..<grid.height {
            var row = ""
            for x in 0..<grid.width where !grid[x, y].isContinuation {
                let style = grid[x, y].style
                if style == .plain { row.append(" "); continue }
                if legend[style] == nil {
                    legend[style] = order.count < letters.count ? letters[order.count] : "?"
                    order.append(style)
                }
                row.append(legend[style]!)
            }
            styleRows.append(trimmed(row))
        }
        var out = ["screen \(grid.width)x\(grid.height)"] + grid.rows.map(trimmed) + ["styles"] + styleRows + ["legend"]
        out += order.map { "\(legend[$0]!) \(describe($0))" }
        return out.joined(separator: "\n") + "\n"
    }

    static func describe(_ s: CellStyle) -> String {
        var parts: [String] = []
        if s.fg != .none { parts.append("fg \(s.fg)") }
        if s.bg != .none { parts.append("bg \(s.bg)") }
        let names: [(Attributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"),
                                             (.underline, "underline")]
        parts += names.filter { s.attrs.contains($0.0) }.map(\.1)
        return parts.joined(separator: " ")
    }

    static func trimmed(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Compares the editor's screen with `Screens/NAME.txt` (or rewrites it when updating).
    static func check(_ editor: Editor, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = text(of: editor.draw())
        let file = folder.appendingPathComponent(name + ".txt")
        if updating {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            let how = "HOPS_UPDATE_SCREENS=1 swift test --filter HopsTests.ScreenTests"
            Issue.record("no expected screen \(name).txt: \(how) writes it",
                         sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let dump = URL(fileURLWithPath: "/tmp/hops-screens")
        try? FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true)
        try? actual.write(to: dump.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("""
            screen \(name) differs from Screens/\(name).txt at line \(line + 1) (got /tmp/hops-screens/\(name).txt):
            expected: \(line < e.count ? String(e[line]) : "(end)")
            got:      \(line < a.count ? String(a[line]) : "(end)")
            """, sourceLocation: sourceLocation)
    }
}
