import Foundation
import HopsDesign
import HopsFormats

/// The tour's lessons, in order, and finding one by number or id.
public enum Lessons {
    /// Reads every file (the bundled `lessons/*.json`, sorted by name); lesson numbers follow
    /// the order. Two lessons with one id are an error, as `hops tour ID` could not choose.
    public static func read(
        _ files: [(name: String, data: Data)], catalog: Catalog,
        designNamed: @escaping (String) throws -> Design?
    ) throws(FileError) -> [Lesson] {
        var out: [Lesson] = []
        for (i, f) in files.enumerated() {
            let lesson = try LessonReader(file: f.name, catalog: catalog, designNamed: designNamed).read(
                f.data, number: i + 1)
            if let other = out.first(where: { $0.id == lesson.id }) {
                throw FileError(file: f.name, "id: \"\(lesson.id)\" is already the id of \(other.file)")
            }
            out.append(lesson)
        }
        return out
    }

    /// The index of the lesson `key` names: its number (`2`) or its id (`ingress`); nil for none.
    public static func find(_ key: String, in lessons: [Lesson]) -> Int? {
        if let n = Int(key) { return lessons.firstIndex { $0.number == n } }
        return lessons.firstIndex { $0.id.lowercased() == key.lowercased() }
    }
}
