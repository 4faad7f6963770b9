import Foundation
import HopsDesign
import HopsFormats

/// Reads a lesson file and checks it against its design, step by step: every component it
/// names must be in the design as it stands at that step (after the changes of the steps
/// before), every condition must be one of `ConditionForms`. Any problem is one line naming the
/// file, the step and what is wrong.
public struct LessonReader {
    public static let format = "hops-lesson/v1"

    let file: String
    let catalog: Catalog
    /// The design a lesson's `design` names: nil when there is none of that name.
    let designNamed: (String) throws -> Design?

    public init(file: String, catalog: Catalog, designNamed: @escaping (String) throws -> Design?) {
        self.file = file
        self.catalog = catalog
        self.designNamed = designNamed
    }

    public func read(_ data: Data, number: Int) throws(FileError) -> Lesson {
        let root = try JSONText.parse(data, file: file)
        guard let top = root.object else { throw fail(nil, "the top level must be an object, found \(root.kindName)") }
        try known(top, ["format", "id", "title", "summary", "design", "steps"], nil)
        guard top["format"]?.string == LessonReader.format else {
            throw fail(
                nil, "format: expected \"\(LessonReader.format)\", found \(top["format"].map(describe) ?? "nothing")")
        }
        let id = try self.id(top["id"], nil, example: "request-flow")
        let designName = try text(top["design"], "design", nil)
        let found: Design?
        do {
            found = try designNamed(designName)
        } catch {
            throw fail(nil, "design \"\(SafeText.escape(designName))\": \(error)")
        }
        guard let design = found else { throw fail(nil, "design: no design \"\(SafeText.escape(designName))\"") }
        guard let rawSteps = top["steps"]?.array, !rawSteps.isEmpty else {
            throw fail(nil, "steps: a list of at least one step")
        }
        var steps: [Step] = []
        var shaped = design  // the design as it stands at each step, with the changes of the steps before
        for (i, raw) in rawSteps.enumerated() {
            let (step, after) = try self.step(raw, index: i, design: shaped)
            if steps.contains(where: { $0.id == step.id }) {
                throw fail(place(i, step.id), "id: another step is called that")
            }
            steps.append(step)
            shaped = after
        }
        return Lesson(
            number: number, id: id, title: try text(top["title"], "title", nil),
            summary: try text(top["summary"], "summary", nil), design: design, steps: steps, file: file)
    }

    private func step(_ raw: JSONValue, index i: Int, design: Design) throws(FileError) -> (Step, Design) {
        guard let o = raw.object else { throw fail(place(i, nil), "a step must be an object, found \(raw.kindName)") }
        let id = try self.id(o["id"], place(i, nil), example: "debugging")
        let at = place(i, id)
        try known(o, ["id", "title", "text", "highlight", "pieces", "enter", "task", "when", "hints", "done"], at)
        var shaped = design
        var actions: [LessonAction] = []
        for (k, a) in (try list(o["enter"], "enter", at)).enumerated() {
            let action = try self.action(a, "enter[\(k)]", at)
            switch action.apply(to: shaped, catalog: catalog) {
            case .success(let (d, _)): shaped = d
            case .failure(let e): throw fail(at, "enter[\(k)]: \(e.message)")
            }
            actions.append(action)
        }
        var paragraphs: [String] = []
        if let s = o["text"]?.string {
            paragraphs = [s]
        } else {
            for (k, v) in (try list(o["text"], "text", at)).enumerated() {
                paragraphs.append(try text(v, "text[\(k)]", at))
            }
        }
        guard !paragraphs.isEmpty else { throw fail(at, "text: missing (a string, or a list of paragraphs)") }
        let highlight = try refs(o["highlight"], "highlight", at, shaped)
        let pieces = try refs(o["pieces"], "pieces", at, shaped)
        var condition: Condition?
        if let w = o["when"] { condition = try self.condition(w, "when", at, shaped) }
        var hints: [Hint] = []
        for (k, h) in (try list(o["hints"], "hints", at)).enumerated() {
            guard let ho = h.object, let w = ho["when"] else {
                throw fail(at, "hints[\(k)]: an object with \"when\" and \"text\"")
            }
            try known(ho, ["when", "text"], at)
            hints.append(
                Hint(
                    condition: try self.condition(w, "hints[\(k)].when", at, shaped),
                    text: try text(ho["text"], "hints[\(k)].text", at)))
        }
        let task = try optionalText(o["task"], "task", at)
        if condition != nil && task == nil { throw fail(at, "task: a step with a condition (when) says what to do") }
        let step = Step(
            id: id, title: try text(o["title"], "title", at), text: paragraphs, highlight: highlight, pieces: pieces,
            actions: actions, task: task, condition: condition, hints: hints,
            done: try optionalText(o["done"], "done", at))
        return (step, shaped)
    }

    // MARK: Parts

    private func action(_ v: JSONValue, _ key: String, _ at: String) throws(FileError) -> LessonAction {
        guard let o = v.object else { throw fail(at, "\(key): an object such as {\"set\": \"Service/web\", ...}") }
        if let target = o["set"] {
            try known(o, ["set", "property", "value"], at)
            guard let ref = ComponentRef(try text(target, "\(key).set", at), catalog: catalog) else {
                throw fail(at, "\(key).set: \(describe(target)) is not Kind/name")
            }
            let property = try text(o["property"], "\(key).property", at)
            guard o.keys.contains("value") else { throw fail(at, "\(key).value: missing (null removes the property)") }
            return .set(ref, property: property, value: o["value"] == .null ? nil : o["value"])
        }
        if let ends = o["disconnect"] {
            try known(o, ["disconnect"], at)
            guard let e = ends.object else { throw fail(at, "\(key).disconnect: {\"from\": REF, \"to\": REF}") }
            return .disconnect(
                from: try ref(e["from"], "\(key).disconnect.from", at), to: try ref(e["to"], "\(key).disconnect.to", at)
            )
        }
        if let part = o["add"] {
            try known(o, ["add"], at)
            guard var p = part.object else {
                throw fail(at, "\(key).add: {\"components\": [...], \"connections\": [...]}")
            }
            p["format"] = .string(DesignFile.format)
            do { return .add(try DesignFile.design(from: .object(p), file: file)) } catch let e as FileError {
                throw fail(at, "\(key).add.\(e.place ?? ""): \(e.message)")
            } catch {
                throw fail(at, "\(key).add: \(error)")
            }
        }
        throw fail(at, "\(key): an action is {\"set\": ...}, {\"disconnect\": ...} or {\"add\": ...}")
    }

    private func condition(
        _ v: JSONValue, _ key: String, _ at: String, _ design: Design
    ) throws(FileError) -> Condition {
        let c: Condition
        if let s = v.string {
            do { c = try ConditionForms.parse(s, catalog: catalog) } catch {
                throw fail(at, "\(key): \(error.message)")
            }
        } else if let o = v.object, o.count == 1, let (op, inner) = o.first {
            switch op {
            case "all", "any":
                guard let items = inner.array, !items.isEmpty else {
                    throw fail(at, "\(key).\(op): a list of conditions")
                }
                var parts: [Condition] = []
                for (k, x) in items.enumerated() { parts.append(try condition(x, "\(key).\(op)[\(k)]", at, design)) }
                c = op == "all" ? .all(parts) : .any(parts)
            case "not": c = .not(try condition(inner, "\(key).not", at, design))
            default: throw fail(at, "\(key): {\"\(SafeText.escape(op))\": ...} is none of all, any, not")
            }
        } else {
            throw fail(at, "\(key): a condition is a sentence, or {\"all\": [...]}, {\"any\": [...]}, {\"not\": ...}")
        }
        for r in c.refs { try exists(r, key, at, design) }
        return c
    }

    private func refs(
        _ v: JSONValue?, _ key: String, _ at: String, _ design: Design
    ) throws(FileError) -> [ComponentRef] {
        var out: [ComponentRef] = []
        for (k, x) in (try list(v, key, at)).enumerated() {
            let r = try ref(x, "\(key)[\(k)]", at)
            try exists(r, key, at, design)
            out.append(r)
        }
        return out
    }

    private func ref(_ v: JSONValue?, _ key: String, _ at: String) throws(FileError) -> ComponentRef {
        let s = try text(v, key, at)
        guard let r = ComponentRef(s, catalog: catalog) else {
            throw fail(at, "\(key): \"\(SafeText.escape(s))\" is not Kind/name or Kind (a kind of the catalog)")
        }
        return r
    }

    /// A `Kind/name` must be in the design at this step; a kind alone may have none yet.
    private func exists(_ r: ComponentRef, _ key: String, _ at: String, _ design: Design) throws(FileError) {
        guard let name = r.name, r.resolve(in: design).isEmpty else { return }
        let same = design.components.filter { $0.kind == r.kind }.map { SafeText.escape($0.name) }
        let have =
            same.isEmpty
            ? "the design has no \(r.kind.rawValue)" : "\(r.kind.rawValue)s here: \(same.joined(separator: ", "))"
        throw fail(at, "\(key): unknown component \(r.kind.rawValue)/\(SafeText.escape(name)) (\(have))")
    }

    // MARK: JSON shapes

    private func text(_ v: JSONValue?, _ key: String, _ at: String?) throws(FileError) -> String {
        guard let v else { throw fail(at, "\(key): missing") }
        guard let s = v.string, !s.trimmed.isEmpty else { throw fail(at, "\(key): must be text, found \(describe(v))") }
        return s
    }

    /// A name for the command line and for messages: letters, digits and `-`.
    private func id(_ v: JSONValue?, _ at: String?, example: String) throws(FileError) -> String {
        let id = try text(v, "id", at)
        guard id.allSatisfy({ ($0.isLetter || $0.isNumber || $0 == "-") && $0.isASCII }) else {
            throw fail(
                at, "id: \"\(SafeText.escape(id))\" is not made of letters, digits and -, such as \"\(example)\"")
        }
        return id
    }

    private func optionalText(_ v: JSONValue?, _ key: String, _ at: String) throws(FileError) -> String? {
        guard let v else { return nil }
        return try text(v, key, at)
    }

    private func list(_ v: JSONValue?, _ key: String, _ at: String) throws(FileError) -> [JSONValue] {
        guard let v else { return [] }
        guard let a = v.array else { throw fail(at, "\(key): must be a list, found \(v.kindName)") }
        return a
    }

    private func known(_ o: [String: JSONValue], _ keys: [String], _ at: String?) throws(FileError) {
        if let k = o.keys.sorted().first(where: { !keys.contains($0) }) {
            throw fail(at, "unknown key \"\(SafeText.escape(k))\" (known: \(keys.joined(separator: ", ")))")
        }
    }

    private func describe(_ v: JSONValue) -> String {
        v.string.map { "\"\(SafeText.escape($0))\"" } ?? v.kindName
    }

    private func place(_ i: Int, _ id: String?) -> String {
        "step \(i + 1)" + (id.map { " (\(SafeText.escape($0)))" } ?? "")
    }

    /// A problem with the lesson file in one line: `lessons/x.json: step 3 (debugging): what is wrong`.
    private func fail(_ at: String?, _ message: String) -> FileError { FileError(file: file, place: at, message) }
}
