import HopsDesign
import Yams

/// One document of a YAML stream, as JSON, with what is needed to point back into the text.
public struct YamlDocument: @unchecked Sendable {
    /// The file it came from (`-` for standard input).
    public var file: String
    /// 1-based position in the stream; empty documents count.
    public var number: Int
    public var value: JSONValue
    /// Kept to find the line and column of a value when it turns out to be wrong.
    let root: Node

    /// One step of a path into a document: a mapping key or a sequence index.
    public enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// Where the node at `path` starts (the nearest ancestor that exists when the path goes on
    /// past the tree): line and column, 1-based.
    public func mark(at path: [Step]) -> (line: Int, column: Int)? {
        var node = root
        var best = root.mark
        for step in path {
            var next: Node?
            switch (step, node) {
            case (.key(let k), .mapping(let m)):
                next = m.first { $0.key.scalar?.string == k }?.value
            case (.index(let i), .sequence(let s)) where i >= 0 && i < s.count:
                next = s[i]
            default:
                next = nil
            }
            guard let n = next else { break }
            node = n
            best = n.mark ?? best
        }
        return best.map { ($0.line, $0.column) }
    }

    /// The place of the node at `path` in this document.
    public func place(at path: [Step]) -> SourcePlace {
        let m = mark(at: path)
        return SourcePlace(file: file, document: number, line: m?.line, column: m?.column)
    }
}
