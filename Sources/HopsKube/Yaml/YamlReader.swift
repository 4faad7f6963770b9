import Foundation
import HopsDesign
import Yams

/// Reads a YAML stream into documents, bounded in size, nodes, depth and aliases. Documents
/// are walked one at a time with `Parser.nextRoot()` (Yams' `load_all` and `compose_all` swallow
/// the error that ends a stream), so the documents before a syntax error are still read.
public enum YamlReader {
    /// The documents read and the problems met. A syntax error ends the stream (libyaml cannot
    /// go on after one); a document that fails to convert is skipped and the next one is read.
    public static func read(_ data: Data, file: String, limits: YamlLimits = YamlLimits())
        -> (documents: [YamlDocument], issues: [KubeIssue]) {
        let text: String
        do {
            text = try TextCheck.text(of: data, limits: limits)
        } catch let f as TextCheck.Failure {
            return ([], [KubeIssue(SourcePlace(file: file, line: f.line, column: f.column), f.message)])
        } catch {
            return ([], [KubeIssue(SourcePlace(file: file), "cannot be read: \(error)")])
        }
        var documents: [YamlDocument] = []
        var issues: [KubeIssue] = []
        var converter = NodeConverter(limits: limits)
        let parser: Parser
        do {
            // The basic resolver: Yams' default one runs regular expressions on every scalar,
            // which we resolve ourselves (ScalarResolver).
            parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
        } catch {
            return ([], [issue(error, file: file, document: 1, text: text)])
        }
        var number = 0
        while true {
            number += 1
            let root: Node
            do {
                guard let r = try parser.nextRoot() else { break }
                root = r
            } catch {
                issues.append(issue(error, file: file, document: number, text: text))
                break
            }
            do {
                let value = try converter.value(root)
                documents.append(YamlDocument(file: file, number: number, value: value, root: root))
            } catch let f as NodeConverter.Failure {
                let place = SourcePlace(file: file, document: number, line: f.mark?.line, column: f.mark?.column)
                let excerpt = f.mark.flatMap { Excerpt.at(line: $0.line, column: $0.column, in: text) }
                issues.append(KubeIssue(place, f.message, excerpt: excerpt))
                if converter.visited > limits.maxNodes { break }
            } catch {
                issues.append(KubeIssue(SourcePlace(file: file, document: number), "\(error)"))
            }
        }
        return (documents, issues)
    }

    /// One line for a Yams error: never its description, which carries the whole input.
    static func issue(_ error: Error, file: String, document: Int, text: String) -> KubeIssue {
        func at(_ mark: Mark, _ message: String) -> KubeIssue {
            KubeIssue(SourcePlace(file: file, document: document, line: mark.line, column: mark.column), message,
                      excerpt: Excerpt.at(line: mark.line, column: mark.column, in: text))
        }
        guard let y = error as? YamlError else {
            return KubeIssue(SourcePlace(file: file, document: document), "cannot be read as YAML")
        }
        switch y {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.contains("nesting level") { return at(mark, "nesting deeper than 1000 levels") }
            var message = "is not valid YAML: \(problem)"
            if let c = context { message += " (\(c.text) at line \(c.mark.line), column \(c.mark.column))" }
            return at(mark, message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\(Excerpt.short($0))\"" }.joined(separator: ", ")
            let what = duplicates.count == 1 ? "the key \(keys) appears" : "the keys \(keys) appear"
            return at(context.mark, "\(what) more than once in one mapping (first here)")
        case .reader(let problem, _, _, _):
            return KubeIssue(SourcePlace(file: file, document: document), "cannot be read as text: \(problem)")
        case .memory:
            return KubeIssue(SourcePlace(file: file, document: document), "is too large to parse (out of memory)")
        default:
            return KubeIssue(SourcePlace(file: file, document: document), "cannot be read as YAML")
        }
    }
}
