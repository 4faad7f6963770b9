import HopsDesign

/// The sentences a condition is written in, listed once: parsing, the error for an unknown
/// condition and the README's list all come from this table. Placeholders: `REF` a component
/// (`Kind/name` or `Kind`), `N` a whole number, `PATH` a request path (`/api`), `PROPERTY` a
/// property name (`replicas`, `image`, `selector`), `LINK` a connection kind (`traffic`,
/// `manages`, `selects`, `mounts`, `annotation`), `VALUE` the rest of the sentence.
public enum ConditionForms {
    public struct Form: Sendable {
        public let sentence: String
        let build: @Sendable ([Argument]) -> Condition
    }

    enum Argument {
        case ref(ComponentRef), number(Int), path(String), word(String), link(ConnectionKind)
        var ref: ComponentRef {
            if case .ref(let r) = self { return r }
            fatalError("not a REF")
        }
        var number: Int {
            if case .number(let n) = self { return n }
            fatalError("not an N")
        }
        var text: String {
            switch self {
            case .path(let s), .word(let s): return s
            default: fatalError("not a text")
            }
        }
        var link: ConnectionKind {
            if case .link(let k) = self { return k }
            fatalError("not a LINK")
        }
    }

    public static let all: [Form] = [
        Form(sentence: "request reached REF") { .requestReached($0[0].ref) },
        Form(sentence: "response reached REF") { .responseReached($0[0].ref) },
        Form(sentence: "request failed at REF") { .requestFailed(at: $0[0].ref) },
        Form(sentence: "requests reached N Pods of REF") { .podsReached($0[0].number, of: $0[1].ref) },
        Form(sentence: "a copy of REF is down") { .copyDown($0[0].ref) },
        Form(sentence: "REF was replaced") { .replaced($0[0].ref) },
        Form(sentence: "a rollout of REF is under way") { .rollingOut($0[0].ref) },
        Form(sentence: "REF exists") { .exists($0[0].ref) },
        Form(sentence: "connection from REF to REF") { .connection(nil, from: $0[0].ref, to: $0[1].ref) },
        Form(sentence: "LINK connection from REF to REF") { .connection($0[0].link, from: $0[1].ref, to: $0[2].ref) },
        Form(sentence: "selector of REF matches REF") { .selectorMatches($0[0].ref, $0[1].ref) },
        Form(sentence: "PROPERTY of REF changed") { .propertyChanged($0[0].text, of: $0[1].ref) },
        Form(sentence: "PROPERTY of REF is VALUE") { .property($0[0].text, of: $0[1].ref, is: $0[2].text) },
        Form(sentence: "a request for PATH reaches REF") { .pathReaches($0[0].text, $0[1].ref) },
        Form(sentence: "REF routes PATH to REF") { .routes($0[0].ref, path: $0[1].text, to: $0[2].ref) },
    ]

    /// Reads one sentence. Throws a message saying what is wrong: an unknown kind in a
    /// reference, or a sentence of no known form (with the forms that start the same way).
    public static func parse(_ text: String, catalog: Catalog) throws(ConditionError) -> Condition {
        let words = text.split(separator: " ").map(String.init)
        var badRef: String?
        for form in all {
            switch match(form.sentence.split(separator: " ").map(String.init), words, catalog: catalog) {
            case .success(let args): return form.build(args)
            case .failure(.badRef(let r)): badRef = badRef ?? r
            case .failure(.noMatch): continue
            }
        }
        let quoted = "\"\(SafeText.escape(text))\""
        if let r = badRef {
            let kinds = catalog.kinds.map(\.kind.rawValue).joined(separator: ", ")
            throw ConditionError(
                "condition \(quoted): \"\(SafeText.escape(r))\" is not Kind/name or Kind (kinds: \(kinds))")
        }
        let first = words.first?.lowercased() ?? ""
        let near = all.map(\.sentence).filter { $0.split(separator: " ").first?.lowercased() == first }
        let forms = (near.isEmpty ? all.map(\.sentence) : near).joined(separator: "; ")
        throw ConditionError("unknown condition \(quoted); conditions read: \(forms)")
    }

    private enum Mismatch: Error { case noMatch, badRef(String) }

    private static func match(_ form: [String], _ words: [String], catalog: Catalog) -> Result<[Argument], Mismatch> {
        var args: [Argument] = []
        var badRef: String?
        var i = 0
        for (k, token) in form.enumerated() {
            if token == "VALUE" {
                // The rest of the sentence; it is always last.
                guard k == form.count - 1, i < words.count else { return .failure(.noMatch) }
                args.append(.word(words[i...].joined(separator: " ")))
                i = words.count
                continue
            }
            guard i < words.count else { return .failure(.noMatch) }
            let w = words[i]
            i += 1
            switch token {
            case "REF":
                if let r = ComponentRef(w, catalog: catalog) {
                    args.append(.ref(r))
                } else {
                    badRef = badRef ?? w
                    args.append(.word(w))
                }
            case "N":
                guard let n = Int(w), n >= 0 else { return .failure(.noMatch) }
                args.append(.number(n))
            case "PATH":
                guard w.hasPrefix("/") else { return .failure(.noMatch) }
                args.append(.path(w))
            case "PROPERTY":
                guard w.allSatisfy({ $0.isLetter || $0.isNumber }) else { return .failure(.noMatch) }
                args.append(.word(w))
            case "LINK":
                guard let k = ConnectionKind(rawValue: w) else { return .failure(.noMatch) }
                args.append(.link(k))
            default:
                guard token.lowercased() == w.lowercased() else { return .failure(.noMatch) }
            }
        }
        guard i == words.count else { return .failure(.noMatch) }
        if let badRef { return .failure(.badRef(badRef)) }
        return .success(args)
    }
}

/// What is wrong with a condition, in words; the lesson reader adds the file and the step.
public struct ConditionError: Error, Equatable {
    public let message: String
    init(_ m: String) { message = m }
}
