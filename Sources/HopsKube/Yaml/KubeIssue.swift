import HopsDesign

/// Where in the input something sits: the file (`-` for standard input), the document
/// (1-based, in stream order, empty documents counted), and the line and column (1-based,
/// columns in Unicode scalars as libyaml counts them). Parts that are unknown are nil.
public struct SourcePlace: Hashable, Sendable {
    public var file: String
    public var document: Int?
    public var line: Int?
    public var column: Int?

    public init(file: String, document: Int? = nil, line: Int? = nil, column: Int? = nil) {
        self.file = file; self.document = document; self.line = line; self.column = column
    }

    /// `document 2, line 14, column 5`, leaving out what is unknown.
    var text: String {
        var parts: [String] = []
        if let document { parts.append("document \(document)") }
        if let line { parts.append("line \(line)") }
        if let column { parts.append("column \(column)") }
        return parts.joined(separator: ", ")
    }
}

/// One problem found while reading manifests, printed as one line:
/// `FILE: document 2, line 14, column 5: what is wrong (near "short excerpt")`.
/// Every part is escaped on the way out, so nothing from a file reaches a terminal raw.
public struct KubeIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public var place: SourcePlace
    public var message: String
    /// A few characters of the offending text (at most `Excerpt.maxLength`), nil when none helps.
    public var excerpt: String?

    public init(_ place: SourcePlace, _ message: String, excerpt: String? = nil) {
        self.place = place; self.message = message; self.excerpt = excerpt
    }

    public var description: String {
        var out = SafeText.escape(place.file)
        let where_ = place.text
        if !where_.isEmpty { out += ": " + where_ }
        out += ": " + SafeText.escape(message)
        if let excerpt, !excerpt.isEmpty { out += " (near \"\(SafeText.escape(excerpt))\")" }
        return out
    }
}

/// What the import could not do at all: every problem, the first ones first.
public struct KubeImportError: Error, CustomStringConvertible, Sendable {
    public var issues: [KubeIssue]
    public init(_ issues: [KubeIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
