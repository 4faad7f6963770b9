import ArgumentParser
import Foundation
import HopsDesign
import HopsFormats
import HopsKube

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a design as Kubernetes manifests (multi-document YAML).",
        discussion: """
        Every Kubernetes component becomes one document; Users, Notes and missing components are left out.
        Fields kept from an import come back unchanged. Warnings go to stderr, one line each.
        Example: hops export --to k8s design.hops.json | kubectl apply -f -
        """)

    @Argument(help: "A design file (.hops.json). Default: the bundled Kubernetes Request Flow design.")
    var file: String?

    @Option(help: "The output format: k8s (Kubernetes manifests).")
    var to: Format

    @Option(name: .shortAndLong, help: "Write the manifests here instead of standard output.")
    var output: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case k8s }

    func run() throws {
        let catalog = try Loading.catalog()
        let design = try Loading.design(file, catalog: catalog)
        let (yaml, warnings) = KubeExport.manifests(of: design)
        for w in warnings { printError("warning: " + w) }
        if let output {
            do { try AtomicFile.write(Data(yaml.utf8), to: output) } catch {
                throw CLIError("\(SafeText.escape(output)): not written: \(error.message)")
            }
        } else {
            FileHandle.standardOutput.write(Data(yaml.utf8))
        }
    }
}
