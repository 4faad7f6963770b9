import Foundation
import HopsApp
import HopsDesign
import HopsFormats
import HopsResources

/// A one-line error for the user; `hops` prints it to stderr and exits non-zero.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

enum Loading {
    static func catalog() throws -> Catalog {
        do { return try JSONDecoder().decode(Catalog.self, from: BundledResources.catalogJSON) } catch {
            throw CLIError("the bundled catalog is damaged: \(error)")
        }
    }

    /// The design in `file`, or the bundled one.
    static func design(_ file: String?, catalog: Catalog) throws -> Design {
        do {
            guard let file else {
                return try DesignFile.decode(BundledResources.requestFlowJSON, file: BundledResources.requestFlowName, catalog: catalog)
            }
            return try DesignFile.read(path: file, catalog: catalog)
        } catch let e as FileError {
            throw CLIError(e.description)
        }
    }

    /// For the editor: a missing file is a new, empty design that will be saved there.
    static func designForEditing(_ file: String?, catalog: Catalog) throws -> (Design, String?) {
        guard let file else { return (try design(nil, catalog: catalog), nil) }
        if Manifests.isManifest(file, fs: DiskFileSystem()) {
            // Manifests open as a new design with no file: `:w` asks where to save it.
            do {
                let (d, warnings) = try Manifests.read(file, fs: DiskFileSystem())
                for w in warnings { printError("warning: " + w) }
                return (d, nil)
            } catch {
                throw CLIError("\(error)")
            }
        }
        if !FileManager.default.fileExists(atPath: file) {
            let stem = URL(fileURLWithPath: file).lastPathComponent.replacingOccurrences(of: DesignFile.fileExtension, with: "")
            return (Design(name: stem.isEmpty ? "Untitled" : stem), file)
        }
        return (try design(file, catalog: catalog), file)
    }
}
