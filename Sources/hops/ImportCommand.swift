import ArgumentParser
import Foundation
import HopsDesign
import HopsEditor
import HopsFormats
import HopsKube

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read Kubernetes manifests or a Meshery design into a Hops design, request paths inferred.",
        discussion: """
        PATH is a YAML file (multi-document, or a List as `kubectl get -o yaml` prints), a folder (every
        .yaml and .yml file inside, sorted) or - for standard input. A Meshery design (Kanvas' file, YAML or
        JSON, current or older format) is recognised by its content and imported on its own.
        Warnings go to stderr, one line each.
        Exit status: 0 when something was read (also with warnings), 1 when nothing usable was read.
        Example: kubectl get deploy,sts,svc,ing,cm -o yaml | hops import - -o live.hops.json
        """)

    @Argument(help: "Manifest files or folders, or - for standard input.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write the design here instead of standard output.")
    var output: String?

    func run() throws {
        // The design written over the manifests it is read from would lose them.
        if let output, let source = paths.first(where: { AtomicFile.isSameFile($0, output) }) {
            throw CLIError("\(SafeText.escape(output)): not written: it is \(SafeText.escape(source)), which is being "
                           + "imported; write the design to another file")
        }
        let catalog = try Loading.catalog()
        var design: Design
        let warnings: [KubeIssue]
        do {
            (design, warnings) = try KubeImport.read(paths: paths)
            // Positions scaled from Kanvas' pixels: boxes that would overlap are moved apart.
            if design.extra["meshery"] != nil { design = OverlapSpreading.spread(design, catalog: catalog) }
        } catch let e as KubeImportError {
            for issue in e.issues { printError(issue.description) }
            throw CLIError("nothing usable was read from \(paths.map(SafeText.escape).joined(separator: ", "))")
        }
        for w in warnings { printError("warning: " + w.description) }
        if let p = Validation.problems(in: design, catalog: catalog).first {
            throw CLIError("the imported design is not valid (a bug in Hops): \(p.description)")
        }
        if let output {
            do { try DesignFile.write(design, to: output) } catch {
                throw CLIError("\(SafeText.escape(output)): not written: \(error.message)")
            }
        } else {
            writeOut(DesignFile.encode(design))
        }
    }
}

