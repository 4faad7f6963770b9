import Foundation
import HopsCanvas
import HopsDesign
@testable import HopsEditor
import HopsInput
import Testing

/// One table per state dispatches its keys, draws help and the hints, and is the README's key
/// table. When the README is out of date, the failure prints the section as the tables say it
/// (paste it under "### Keys").
@Suite struct KeyTablesTests {
    /// A README row: the keys (or "other keys") and what they do.
    struct Row: Equatable, CustomStringConvertible {
        var keys: String
        var action: String
        var description: String { "| \(keys) | \(action) |" }
    }

    static func cell(_ keys: [Key]) -> String { keys.map { "`\($0.name)`" }.joined(separator: ", ") }
    static func escaped(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

    /// The README's sections as the program's tables say them, heading by heading.
    static var expected: [(heading: String, rows: [Row])] {
        var out = Editor.keyTables.map { t in
            (t.name, t.bindings.map { Row(keys: cell($0.keys), action: escaped($0.help)) }
                + (t.others.map { [Row(keys: "other keys", action: escaped($0.help))] } ?? []))
        }
        out.append(("Typing", TextField.editKeys.map { Row(keys: cell($0.keys), action: escaped($0.help)) }
            + [Row(keys: "other keys", action: TextField.othersHelp)]))
        out.append(("Commands", Editor.commands.map { Row(keys: "`\(escaped($0.usage))`", action: escaped($0.help)) }))
        return out
    }

    /// The `#### Name: ...` sections under "### Keys" and the rows of their tables.
    static func readmeSections() throws -> [(heading: String, rows: [Row])] {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "### Keys"))
        var out: [(heading: String, rows: [Row])] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("## ") || line.hasPrefix("### ") { break }
            if line.hasPrefix("#### ") {
                let title = line.dropFirst(5)
                out.append((String(title.prefix { $0 != ":" }), []))
            } else if line.hasPrefix("| "), !line.hasPrefix("| key |"), !line.hasPrefix("| command |"), !out.isEmpty {
                // Split on the first " | " that is not escaped: keys never hold one, actions may (\|).
                let body = line.dropFirst(2).dropLast(2)
                guard let sep = body.range(of: " | ") else { continue }
                let row = Row(keys: String(body[..<sep.lowerBound]), action: String(body[sep.upperBound...]))
                out[out.count - 1].rows.append(row)
            }
        }
        return out
    }

    static func markdown(_ sections: [(heading: String, rows: [Row])]) -> String {
        sections.map { s in
            "#### \(s.heading)\n\n| \(s.heading == "Commands" ? "command" : "key") | action |\n|---|---|\n"
                + s.rows.map(\.description).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    @Test func theReadmeKeyTablesAreTheProgramsTables() throws {
        let readme = try KeyTablesTests.readmeSections()
        let expected = KeyTablesTests.expected
        #expect(readme.map(\.heading) == expected.map(\.heading))
        for section in expected {
            let rows = readme.first { $0.heading == section.heading }?.rows ?? []
            let should = KeyTablesTests.markdown([section])
            #expect(rows == section.rows, "README section \(section.heading) differs; it should read:\n\(should)")
        }
    }

    @Test func everyReadmeKeyParsesAndIsBoundWithThatMeaning() throws {
        for section in try KeyTablesTests.readmeSections() where section.heading != "Commands" {
            for row in section.rows where row.keys != "other keys" {
                let names = row.keys.split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"]) }
                let keys = names.compactMap { Key(name: $0) }
                #expect(keys.count == names.count, "\(row.keys) names a key that does not exist")
                let rows: [(keys: [Key], help: String)] = section.heading == "Typing"
                    ? TextField.editKeys.map { ($0.keys, $0.help) }
                    : (Editor.keyTables.first { $0.name == section.heading }?.bindings.map { ($0.keys, $0.help) } ?? [])
                let bound = rows.first { Set($0.keys) == Set(keys) }
                #expect(bound.map { KeyTablesTests.escaped($0.help) } == row.action, "\(section.heading): \(row.keys)")
            }
        }
    }

    @Test func noKeyIsBoundTwiceInOneTable() {
        for t in Editor.keyTables {
            let keys = t.bindings.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(t.name) binds a key twice")
        }
        let edit = TextField.editKeys.flatMap(\.keys)
        #expect(Set(edit).count == edit.count)
    }

    @Test func keyNamesRoundTrip() {
        for k in Editor.keyTables.flatMap({ $0.bindings.flatMap(\.keys) }) + TextField.editKeys.flatMap(\.keys) {
            #expect(Key(name: k.name) == k, "\(k.name)")
        }
    }

    /// Each state's status line ends with its table's hints, and a hinted key does what it says.
    @Test func theHintsComeFromTheTableInForce() throws {
        var s = try Session.bundled(screen: Size(width: 120, height: 40))
        let cases: [(String, KeyTable)] = [
            ("", Editor.normalTable), ("a", Editor.addTable), ("<Esc>c", Editor.connectTable),
            ("<Esc>r", Editor.renameTable), ("<Esc>e", Editor.propertiesTable), ("<Enter>", Editor.propertyValueTable),
            ("<Esc><Esc>?", Editor.helpTable), ("<Esc>lC", Editor.connectionTable), ("r", Editor.connectionEditTable),
            ("<Esc><Esc><Esc>n", Editor.traceTable), ("<Esc><Esc>:", Editor.commandTable),
        ]
        for (keys, table) in cases {
            s.keys(keys)
            s.editor.message = nil // a long message may crowd out the hints
            let status = s.screen[39]
            let hints = table.hints.joined(separator: "  ")
            #expect(status.hasSuffix(hints + "  "), "\(table.name): \(status)")
        }
        s.keys("<Esc>") // the command line closes
        s.editor.selection = "user"
        s.keys("lL:q<Enter>") // unsaved: Confirm
        s.editor.message = nil
        #expect(s.screen[39].hasSuffix("y yes  n no  Esc cancel  "))
    }
}
