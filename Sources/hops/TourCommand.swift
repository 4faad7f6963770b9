import ArgumentParser
import Foundation
import HopsApp
import HopsCurses
import HopsDesign
import HopsFormats
import HopsResources
import HopsTour

struct TourCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour",
        abstract: "A guided lesson on the bundled design, inside the terminal, with no cluster.",
        discussion: """
            Enter / Backspace move between steps; a step that asks you to do something notices when the \
            design or the request gets there. The design is a copy: :w PATH saves it. A lesson file of your \
            own (FILE.json, see README.md "Writing a lesson") runs the same way.
            Exit status: 0 after a quit, 1 for a lesson that cannot be read or found, 128 + the signal after one.
            """)

    @Argument(help: "The lesson: its number or id (see --list), or a lesson file. Default: the first.")
    var lesson: String?

    @Flag(help: "List the lessons and exit.")
    var list = false

    func run() throws {
        let catalog = try Loading.catalog()
        var lessons = try TourCommand.bundledLessons(catalog: catalog)
        if list {
            for l in lessons {
                let id = l.id.padding(toLength: 16, withPad: " ", startingAt: 0)
                printOut("\(l.number)  \(id)\(l.title) (\(l.steps.count) steps): \(l.summary)")
            }
            printOut("hops tour N (or ID) starts one; Enter / Backspace move between steps, q quits.")
            return
        }
        var start = 0
        if let key = lesson {
            if key.hasSuffix(".json") {
                lessons = [try TourCommand.lessonFile(key, catalog: catalog)]
            } else {
                guard let i = Lessons.find(key, in: lessons) else {
                    let known = lessons.map { "\($0.number) \($0.id)" }.joined(separator: ", ")
                    throw CLIError("no lesson \(key) (the lessons: \(known); hops tour --list)")
                }
                start = i
            }
        }
        let utf8 = CursesTerminal.prepareLocale()
        let fs = DiskFileSystem()
        try FullScreen.run(fs: fs) { size in
            let tour = TourSession(
                lessons: lessons, start: start, catalog: catalog, glyphs: utf8 ? .unicode : .ascii, screen: size)
            tour.completePath = { PathCompletion.candidates($0, fs: fs) }
            return tour
        }
    }

    /// The lessons in `Resources/lessons`; a broken one is an error naming its file and step.
    static func bundledLessons(catalog: Catalog) throws -> [Lesson] {
        do {
            return try Lessons.read(BundledResources.lessons, catalog: catalog) { name in
                name == BundledResources.requestFlowName ? try Loading.design(nil, catalog: catalog) : nil
            }
        } catch {
            throw CLIError(error.description)
        }
    }

    /// A lesson of one's own; its `design` is the bundled design's name or a file beside it.
    static func lessonFile(_ path: String, catalog: Catalog) throws -> Lesson {
        let data: Data
        do { data = try DesignFile.readBytes(path: path) } catch { throw CLIError(error.description) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            return try LessonReader(file: path, catalog: catalog) { name in
                if name == BundledResources.requestFlowName { return try Loading.design(nil, catalog: catalog) }
                return try DesignFile.read(path: folder.appendingPathComponent(name).path, catalog: catalog)
            }.read(data, number: 1)
        } catch {
            throw CLIError(error.description)
        }
    }
}
