import ArgumentParser
import Foundation
import HopsApp
import HopsDesign
import HopsEditor
import HopsFormats
import HopsKube

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a design as Kubernetes manifests (multi-document YAML) or as a Meshery design (JSON).",
        discussion: """
        k8s: every Kubernetes component becomes one document; Users, Notes and missing components are left out.
        Fields kept from an import come back unchanged.
        meshery: a Meshery v1beta1 design that Meshery Kanvas opens (Designs > Import). The design's Meshery id
        is kept in the Hops file (added on the first export), so a re-export updates the same design.
        Warnings go to stderr, one line each.
        Example: hops export --to k8s design.hops.json | kubectl apply -f -
        """)

    @Argument(help: "A design file (.hops.json). Default: the bundled Kubernetes Request Flow design.")
    var file: String?

    @Option(help: "The output format: k8s (Kubernetes manifests) or meshery (a Meshery design).")
    var to: Format

    @Option(name: .shortAndLong, help: "Write the manifests here instead of standard output.")
    var output: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case k8s, meshery }

    func run() throws {
        // Manifests written over the design they are made from would lose it.
        if let output, let file, AtomicFile.isSameFile(file, output) {
            throw CLIError("\(SafeText.escape(output)): not written: it is the design being exported; "
                           + "export to another file")
        }
        let catalog = try Loading.catalog()
        let design = try Loading.design(file, catalog: catalog)
        let text: Data
        let warnings: [String]
        switch to {
        case .k8s:
            let (yaml, w) = KubeExport.manifests(of: design)
            (text, warnings) = (Data(yaml.utf8), w)
        case .meshery:
            (text, warnings) = Manifests.mesheryDocument(design, id: try mesheryID(design), catalog: catalog)
        }
        for w in warnings { printError("warning: " + w) }
        if let output {
            do { try AtomicFile.write(text, to: output) } catch {
                throw CLIError("\(SafeText.escape(output)): not written: \(error.message)")
            }
        } else {
            writeOut(text)
        }
    }

    /// The design's Meshery UUID: the one its file keeps, else a new one written into the file
    /// (so that the next export keeps it); the bundled design's is derived from its name.
    private func mesheryID(_ design: Design) throws -> String {
        if let id = MesheryExport.keptID(design) { return id }
        guard let file else { return MesheryExport.derivedID(design) }
        let id = UUID().uuidString.lowercased()
        do { try DesignFile.write(MesheryExport.recording(id, in: design), to: file) } catch {
            throw CLIError("\(SafeText.escape(file)): cannot keep the new Meshery id in it: \(error)")
        }
        printError("note: \(file) now keeps its Meshery id \(id), so re-exports update the same Meshery design")
        return id
    }
}
