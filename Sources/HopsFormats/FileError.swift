import HopsDesign

/// A problem with a file, said in one line: the file, the place in it (a line or a JSON path)
/// and what is wrong. Control characters in any part are shown escaped.
public struct FileError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var place: String?
    public var message: String
    public init(file: String, place: String? = nil, _ message: String) {
        self.file = file; self.place = place; self.message = message
    }
    public var description: String {
        let f = Validation.escaped(file)
        if let place { return "\(f): \(place): \(message)" }
        return "\(f): \(message)"
    }
}
