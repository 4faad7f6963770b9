import ArgumentParser
import Foundation
import HopsDesign
import HopsFlow

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Step requests through a design and print every hop with its narration.",
        discussion: """
        Exit status: 0 when every response reached the source, 2 when a request failed (the failing
        hop is printed with its reason), 1 for a bad file or argument.
        """)

    @Argument(help: "A design file (.hops.json). Default: the bundled Kubernetes Request Flow design.")
    var file: String?

    @Option(help: "The component that sends the request, by name or id. Default: the design's User.")
    var from: String?

    @Option(help: "How many requests to send one after another (round robin shows across them).")
    var requests = 1

    @Flag(help: "Print JSON: a list of requests, each with its hops (from, to, connection, narration, status).")
    var json = false

    func validate() throws {
        if requests < 1 || requests > 10_000 { throw ValidationError("--requests must be from 1 to 10000") }
    }

    func run() throws {
        let catalog = try Loading.catalog()
        let design = try Loading.design(file, catalog: catalog)
        let source: String
        if let from {
            guard let c = design.component(from) ?? design.component(named: from) else {
                throw CLIError("\(file ?? "the bundled design"): no component named \"\(Validation.escaped(from))\" to send from")
            }
            source = c.id
        } else {
            guard let s = FlowEngine.defaultSource(in: design) else { throw CLIError("\(file ?? "the design"): has no component to send a request from") }
            source = s
        }
        var state = FlowState()
        var traces: [Trace] = []
        for _ in 0..<requests {
            let (t, next) = FlowEngine.trace(design, from: source, state: state)
            traces.append(t); state = next
        }
        print(json ? TraceOutput.json(traces, design: design) : TraceOutput.text(traces, design: design))
        if traces.contains(where: { !$0.succeeded }) { throw ExitCode(2) }
    }
}

/// How traces print: numbered hops with names, or JSON with ids and names.
enum TraceOutput {
    static func text(_ traces: [Trace], design: Design) -> String {
        let name = { (id: String) in Validation.escaped(design.component(id).map { $0.name == $0.kind.rawValue ? $0.name : "\($0.kind.rawValue) \($0.name)" } ?? id) }
        var out: [String] = []
        for (n, t) in traces.enumerated() {
            out.append("request \(n + 1) from \(name(t.source))")
            for (i, hop) in t.hops.enumerated() {
                let mark = hop.status == .failed ? "✘" : (hop.direction == .request ? "→" : "←")
                out.append(String(format: "%3d. ", i + 1) + "\(mark) \(name(hop.from)) → \(name(hop.to))")
                out.append("     \(Validation.escaped(hop.narration))")
            }
            out.append(t.succeeded ? "  ✔ the response reached \(name(t.source)) after \(t.hops.count) hops"
                                   : "  ✘ no response: \(Validation.escaped(t.failure ?? "the request stopped"))")
        }
        return out.joined(separator: "\n")
    }

    static func json(_ traces: [Trace], design: Design) -> String {
        struct HopOut: Encodable {
            let from, to: String
            let fromName, toName: String
            let connection: String?
            let direction, status, narration: String
            let instance: Int?
        }
        struct RequestOut: Encodable { let request: Int; let source: String; let succeeded: Bool; let failure: String?; let hops: [HopOut] }
        let name = { (id: String) in design.component(id)?.name ?? id }
        let out = traces.enumerated().map { n, t in
            RequestOut(request: n + 1, source: t.source, succeeded: t.succeeded, failure: t.failure, hops: t.hops.map {
                HopOut(from: $0.from, to: $0.to, fromName: name($0.from), toName: name($0.to), connection: $0.connection,
                       direction: $0.direction.rawValue, status: $0.status.rawValue, narration: $0.narration, instance: $0.instance)
            })
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? enc.encode(out)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
