import ArgumentParser
import Foundation
import HopsCheck
import HopsDesign
import HopsFormats
import HopsText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List what is wrong in a design: objects a cluster would reject and every broken request path.",
        discussion: """
        An error: a request fails, or a cluster would reject the object. A warning: it works in the
        design but would not in a real cluster. Exit status: 0 with no errors, 2 with errors (or with
        warnings under --strict), 1 for a bad file.
        """)

    @Argument(help: "A design file (.hops.json). Default: the bundled Kubernetes Request Flow design.")
    var file: String?

    @Flag(help: "Print JSON: a list of findings (severity, rule, component, name, message).")
    var json = false

    @Flag(help: "Exit 2 on warnings too.")
    var strict = false

    func run() throws {
        let catalog = try Loading.catalog()
        let design = try Loading.design(file, catalog: catalog)
        let findings = CheckEngine.findings(in: design, catalog: catalog)
        // (Named through an index: a big design has thousands of findings.)
        let named = DesignIndex(design)
        if json {
            printOut(JSONText.encode(.array(findings.map { f in
                .object(["severity": .string(f.severity.rawValue), "rule": .string(f.rule),
                         "component": f.component.map(JSONValue.string) ?? .null,
                         "name": f.component.flatMap { named.component($0)?.name }.map(JSONValue.string) ?? .null,
                         "message": .string(f.message)])
            })))
        } else {
            for f in findings {
                // Said once: a message that starts with its component names it already.
                let who = f.component.flatMap { named.component($0) }.map { Self.subject($0, in: named) }
                    .map { f.message.hasPrefix($0 + " ") ? "" : $0 + ": " } ?? ""
                printOut("\(f.severity.rawValue): \(who)\(f.message)")
            }
            let errors = findings.filter { $0.severity == .error }.count, warnings = findings.count - errors
            let tally = "\(counted(errors, "error")), \(counted(warnings, "warning"))"
            printOut(findings.isEmpty ? "no problems found" : tally)
        }
        let errors = findings.contains { $0.severity == .error }
        if errors || (strict && !findings.isEmpty) { throw ExitCode(2) }
    }

    /// "Service web", and for a container the box it is in ("Container server in Pod cart"):
    /// imported containers share a few names, and 1,666 lines saying "Container server" named none.
    static func subject(_ c: Component, in design: DesignIndex) -> String {
        let name = c.name == c.kind.rawValue ? c.name : "\(c.kind.rawValue) \(c.name)"
        guard c.kind == .container, let p = c.parent.flatMap({ design.component($0) }) else { return name }
        return "\(name) in \(p.kind.rawValue) \(p.name)"
    }
}
