import ArgumentParser
import Foundation

@main
struct Hops: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hops",
        abstract: "A terminal design canvas for Kubernetes request flows.",
        discussion: """
        With no subcommand, opens FILE (or the bundled Kubernetes Request Flow design) full screen.
        Press ? inside for the keys. Designs are JSON files (.hops.json), see README.md.
        """,
        subcommands: [Open.self, TourCommand.self, Render.self, TraceCommand.self, CheckCommand.self,
                      ImportCommand.self, ExportCommand.self],
        defaultSubcommand: Open.self
    )

    /// Errors the user can act on are one line on stderr, `hops: FILE: PLACE: what is wrong`,
    /// and exit status 1; argument errors keep swift-argument-parser's usage text.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as CLIError {
            printError("hops: \(e.description)")
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
