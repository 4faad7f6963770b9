import HopsDesign
import HopsText

/// Where a search query was found in a component, best first: a name says more than a kind,
/// a kind more than a label, and so on. Matches are listed in this order.
public enum SearchField: Int, Sendable, CaseIterable {
    case name, kind, tag, label, image, note

    /// How the status line says what matched when it was not the name ("label app=web").
    func describe(_ text: String) -> String {
        switch self {
        case .name: "name \(SafeText.escape(text))"
        case .kind: "kind \(SafeText.escape(text))"
        case .tag: "tag \(SafeText.escape(text))"
        case .label: "label \(SafeText.escape(text))"
        case .image: "image \(SafeText.escape(text))"
        case .note: "the note's text"
        }
    }
}

/// One component a query matched, and the first (best) of its fields that holds the query.
public struct SearchMatch: Equatable, Sendable {
    /// The component's place in the design's `components`.
    public let component: Int
    public let field: SearchField
    /// The field's text as the design has it (not lowercased): `app=web`, `nginx:1.25`.
    public let text: String
}

/// Every searchable text of a design, lowercased once, so that a keystroke costs one pass over
/// bytes: linear in the design, with no allocation per component. Built when a search opens
/// and kept while the design it was built from is unchanged.
final class SearchIndex: Sendable {
    /// One field of one component: bytes `start..<end` of `bytes`. A component's spans are
    /// together and in `SearchField` order, so its first span that matches is its best.
    private struct Span: Sendable {
        let component: Int32
        let field: SearchField
        let start: Int32
        let end: Int32
    }

    /// The design the index was built from; `isCurrent(for:)` compares against it (arrays that
    /// share storage compare at once, so an unchanged design costs nothing).
    let design: Design
    /// The component ids in design order.
    let ids: [String]
    /// The design index of each component's parent, -1 at top level (or a parent that is missing).
    let parents: [Int32]
    /// Component id to design index.
    let position: [String: Int32]
    private let bytes: [UInt8]
    private let spans: [Span]
    private let texts: [String]

    init(design: Design, catalog: Catalog) {
        var tags: [Kind: String] = [:]
        for k in catalog.kinds { tags[k.kind] = k.tag }
        var position: [String: Int32] = [:]
        for (i, c) in design.components.enumerated() { position[c.id] = Int32(i) }
        var bytes: [UInt8] = [], spans: [Span] = [], texts: [String] = []
        for (i, c) in design.components.enumerated() {
            func add(_ field: SearchField, _ text: String) {
                guard !text.isEmpty else { return }
                let start = Int32(bytes.count)
                SearchIndex.appendLowercased(text, to: &bytes)
                spans.append(Span(component: Int32(i), field: field, start: start, end: Int32(bytes.count)))
                texts.append(text)
            }
            add(.name, c.name)
            add(.kind, c.kind.rawValue)
            add(.tag, tags[c.kind] ?? "")
            if c.properties["labels"] != nil {
                for (k, v) in c.labels.sorted(by: { $0.key < $1.key }) { add(.label, "\(k)=\(v)") }
            }
            add(.image, c.image ?? "")
            if c.kind == .note { add(.note, c.text ?? "") }
        }
        self.design = design
        ids = design.components.map(\.id)
        parents = design.components.map { c in c.parent.flatMap { position[$0] } ?? -1 }
        self.position = position
        self.bytes = bytes
        self.spans = spans
        self.texts = texts
    }

    func isCurrent(for d: Design) -> Bool { d == design }

    /// The text lowercased, as UTF-8: ASCII byte by byte (most names; no new string), the rest
    /// by the Unicode rules, as the query is.
    private static func appendLowercased(_ text: String, to bytes: inout [UInt8]) {
        var utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            for b in utf8 { bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
        } else {
            utf8 = text.lowercased().utf8
            bytes.append(contentsOf: utf8)
        }
    }

    /// The components whose fields hold every word of `query` (split at spaces, each word in
    /// any of name, kind, catalog tag, a label `key=value`, image or note text), ignoring case.
    /// Best first: a name that is the word, then one that starts with it, then one holding it,
    /// then kinds, tags and so on; each in design order. A component is ranked by its best word
    /// ("deploy app13": the Deployment named app13, by its name). Empty for an empty query.
    /// One pass over the index's bytes per word.
    func matches(_ query: String) -> [SearchMatch] {
        let words = query.lowercased().split(separator: " ").map { Array($0.utf8) }
        guard !words.isEmpty else { return [] }
        var byTier = [[SearchMatch]](repeating: [], count: SearchIndex.tiers)
        bytes.withUnsafeBufferPointer { hay in
            var first = 0
            while first < spans.count {
                // One component's spans are together, in field order.
                var last = first
                while last + 1 < spans.count && spans[last + 1].component == spans[first].component { last += 1 }
                var best: (tier: Int, span: Int)?
                for word in words {
                    var found: (tier: Int, span: Int)?
                    word.withUnsafeBufferPointer { w in
                        for k in first...last {
                            let span = spans[k]
                            guard SearchIndex.holds(hay, Int(span.start), Int(span.end), w) else { continue }
                            found = (SearchIndex.tier(span, hay, w), k)
                            break
                        }
                    }
                    guard let f = found else { best = nil; break }
                    if best.map({ f.tier < $0.tier }) ?? true { best = f }
                }
                if let b = best {
                    let span = spans[b.span]
                    byTier[b.tier].append(SearchMatch(component: Int(span.component), field: span.field,
                                                      text: texts[b.span]))
                }
                first = last + 1
            }
        }
        return byTier.flatMap { $0 }
    }

    /// Ranks: a name equal to the word, starting with it, holding it; then the other fields.
    private static let tiers = 2 + SearchField.allCases.count

    private static func tier(_ span: Span, _ hay: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>)
        -> Int {
        guard span.field == .name else { return 2 + span.field.rawValue }
        let start = Int(span.start), n = word.count
        guard (0..<n).allSatisfy({ hay[start + $0] == word[$0] }) else { return 2 }
        return Int(span.end) - start == n ? 0 : 1
    }

    /// True when `hay[start..<end]` holds `needle`. Both are UTF-8, so a byte match is a match of
    /// whole characters (no UTF-8 sequence starts inside another).
    private static func holds(_ hay: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                              _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard end - start >= n else { return false }
        let first = needle[0]
        var i = start
        while i + n <= end {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
