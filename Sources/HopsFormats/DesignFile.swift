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
        let data: Data
        do {
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Limits.maxFileBytes {
                throw FileError(file: path, "is \(size >> 20) MB; a design file may be at most \(Limits.maxFileBytes >> 20) MB")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let e as FileError {
            throw e
        } catch {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                throw FileError(file: path, isDir.boolValue ? "is a folder, not a design file" : "cannot be read (permission denied?)")
            }
            throw FileError(file: path, "no such file")
        }
        return try decode(data, file: path, catalog: catalog)
    }

    /// Parses and checks a design from JSON bytes; `file` names it in errors.
    public static func decode(_ data: Data, file: String, catalog: Catalog) throws -> Design {
        guard data.count <= Limits.maxFileBytes else {
            throw FileError(file: file, "is \(data.count >> 20) MB; a design file may be at most \(Limits.maxFileBytes >> 20) MB")
        }
        let root: JSONValue
        do {
            root = try JSONReader.parse([UInt8](data))
        } catch {
            throw FileError(file: file, place: error.place, "is not valid JSON: \(error.message)")
        }
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
        return Data((w.out + "\n").utf8)
    }

    /// Writes atomically: a temporary file beside the target, then a rename over it, so the
    /// old file is never half-written.
    public static func write(_ design: Design, to path: String) throws {
        try AtomicFile.write(encode(design), to: path)
    }

    static func value(_ d: Design) -> JSONWriter.Value {
        func number(_ n: Int) -> JSONWriter.Value { .json(.integer(n)) }
        func string(_ s: String) -> JSONWriter.Value { .json(.string(s)) }
        let comps = d.components.map { c -> JSONWriter.Value in
            var first: [(String, JSONWriter.Value)] = [("id", string(c.id)), ("kind", string(c.kind.rawValue)), ("name", string(c.name))]
            if let p = c.parent { first.append(("parent", string(p))) }
            if let p = c.position { first.append(("position", .ordered([("x", number(p.x)), ("y", number(p.y))], rest: [:]))) }
            if let s = c.size { first.append(("size", .ordered([("width", number(s.width)), ("height", number(s.height))], rest: [:]))) }
            if !c.properties.isEmpty { first.append(("properties", .json(.object(c.properties)))) }
            return .ordered(first, rest: c.extra)
        }
        let conns = d.connections.map { k -> JSONWriter.Value in
            var first: [(String, JSONWriter.Value)] = [("id", string(k.id)), ("from", string(k.from)), ("to", string(k.to)), ("kind", string(k.kind.rawValue))]
            if let l = k.label { first.append(("label", string(l))) }
            return .ordered(first, rest: k.extra)
        }
        var rest = d.extra
        rest.removeValue(forKey: "format")
        return .ordered([("format", string(format)), ("name", string(d.name)), ("components", .array(comps)), ("connections", .array(conns))], rest: rest)
    }
}
