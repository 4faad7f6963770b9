import Foundation
import HopsDesign

/// The Hops file format, `hops/v1`: pretty JSON with a stable key order. Top-level keys
/// `format`, `name`, `components`, `connections`; keys Hops does not know are kept.
public enum DesignFile {
    public static let format = "hops/v1"
    public static let fileExtension = ".hops.json"

    // MARK: Reading

    /// Reads and checks a design file. Every failure is a `FileError` naming the file and place.
    public static func read(path: String, catalog: Catalog) throws -> Design {
        try decode(readBytes(path: path), file: path, catalog: catalog)
    }

    /// A file's bytes, refused before reading when larger than a design may be.
    public static func readBytes(path: String) throws(FileError) -> Data {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw FileError(file: path, errno == EACCES ? "cannot be read (permission denied)" : "no such file")
        }
        if st.st_mode & S_IFMT == S_IFDIR { throw FileError(file: path, "is a folder, not a design file") }
        if st.st_size > Limits.maxFileBytes {
            throw FileError(file: path,
                            "is \(st.st_size >> 20) MB; a design file may be at most \(Limits.maxFileBytes >> 20) MB")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileError(file: path, "cannot be read (permission denied)")
        }
        defer { try? handle.close() }
        // One byte past the limit tells a file that grew since stat from one that fits.
        guard let data = try? handle.read(upToCount: Limits.maxFileBytes + 1) ?? Data() else {
            throw FileError(file: path, "cannot be read")
        }
        if data.count > Limits.maxFileBytes {
            throw FileError(file: path, "is larger than \(Limits.maxFileBytes >> 20) MB")
        }
        return data
    }

    /// Parses and checks a design from JSON bytes; `file` names it in errors.
    public static func decode(_ data: Data, file: String, catalog: Catalog) throws -> Design {
        let root = try JSONText.parse(data, file: file)
        let design = try DesignDecoder(file: file).design(from: root)
        if let p = Validation.problems(in: design, catalog: catalog).first {
            throw FileError(file: file, place: p.place, p.message)
        }
        return design
    }

    // MARK: Writing

    /// The file's bytes: stable key order, two-space indent, a final newline.
    public static func encode(_ design: Design) -> Data {
        var w = JSONWriter()
        w.write(value(design))
        return Data(w.bytes + [UInt8(ascii: "\n")])
    }

    /// Writes atomically: a temporary file beside the target, then a rename over it, so the
    /// old file is never half-written.
    public static func write(_ design: Design, to path: String) throws(FileError) {
        try AtomicFile.write(encode(design), to: path)
    }

    static func value(_ d: Design) -> JSONWriter.Value {
        func number(_ n: Int) -> JSONWriter.Value { .json(.integer(n)) }
        func string(_ s: String) -> JSONWriter.Value { .json(.string(s)) }
        let comps = d.components.map { c -> JSONWriter.Value in
            var first: [(String, JSONWriter.Value)] = [
                ("id", string(c.id)), ("kind", string(c.kind.rawValue)), ("name", string(c.name)),
            ]
            if let p = c.parent { first.append(("parent", string(p))) }
            if let p = c.position {
                first.append(("position", .ordered([("x", number(p.x)), ("y", number(p.y))], rest: [:])))
            }
            if let s = c.size {
                first.append(("size", .ordered([("width", number(s.width)), ("height", number(s.height))], rest: [:])))
            }
            if !c.properties.isEmpty { first.append(("properties", .json(.object(c.properties)))) }
            return .ordered(first, rest: c.extra)
        }
        let conns = d.connections.map { k -> JSONWriter.Value in
            var first: [(String, JSONWriter.Value)] = [
                ("id", string(k.id)), ("from", string(k.from)), ("to", string(k.to)), ("kind", string(k.kind.rawValue)),
            ]
            if let l = k.label { first.append(("label", string(l))) }
            return .ordered(first, rest: k.extra)
        }
        var rest = d.extra
        rest.removeValue(forKey: "format")
        return .ordered([("format", string(format)), ("name", string(d.name)), ("components", .array(comps)),
                         ("connections", .array(conns))], rest: rest)
    }
}
