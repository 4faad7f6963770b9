import Foundation
import HopsDesign

/// The one way Hops reads a JSON file (designs, the tour's lessons): exact numbers, bounded
/// size and nesting, duplicate keys refused, and a failure that names the line and column.
extension JSONText {
    public static func parse(_ data: Data, file: String) throws(FileError) -> JSONValue {
        guard data.count <= Limits.maxFileBytes else {
            throw FileError(file: file, "is \(data.count >> 20) MB; a file may be at most \(Limits.maxFileBytes >> 20) MB")
        }
        do {
            return try JSONReader.parse([UInt8](data))
        } catch {
            throw FileError(file: file, place: error.place, "is not valid JSON: \(error.message)")
        }
    }
}

extension DesignFile {
    /// A design from JSON that is already parsed, such as the components a lesson adds: the
    /// same shape as a design file (`format`, `components`, `connections`), checked the same way
    /// except for `Validation`, which the caller runs on the design the part goes into.
    public static func design(from value: JSONValue, file: String) throws -> Design {
        try DesignDecoder(file: file).design(from: value)
    }
}
