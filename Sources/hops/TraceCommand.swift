import ArgumentParser
import Foundation
import HopsDesign
import HopsCurses
import HopsFlow
import HopsFormats
import HopsText

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

    @Flag(help: "Write -> <- x and ok instead of arrows and marks (also when the locale is not UTF-8).")
    var ascii = false

    @Flag(help: "Print JSON: a list of requests, each with its hops (from, to, connection, narration, status).")
    var json = false

    @Option(help: "The request's Host header (matched against Ingress rule hosts). Default: none, a request by IP.")
    var host: String?

    @Option(help: "The request's path (matched against Ingress rule paths).")
    var path = "/"

    @Option(help: "The port the source dials, instead of its arrow's port.")
    var port: Int?

    @Option(help: ArgumentHelp("How a Service picks a Pod for each new connection: round-robin (Hops' simplification, "
                               + "each in turn) or random (what kube-proxy's iptables and nftables modes do; seeded)."))
    var balance = "round-robin"

    @Option(help: "The seed of --balance random, so a run can be repeated.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("keep-alive"),
          help: "Send every request after the first on the connection the first opened, so it reaches the same Pods.")
    var keepAlive = false

    @Flag(help: "Print under each hop the kubectl commands that show the same thing on a cluster.")
    var kubectl = false

    func validate() throws {
        if requests < 1 || requests > 10_000 { throw ValidationError("--requests must be from 1 to 10000") }
        if Balance(rawValue: balance) == nil { throw ValidationError("--balance must be round-robin or random") }
        if let port, !(1...65_535).contains(port) { throw ValidationError("--port must be from 1 to 65535") }
    }

    func run() throws {
        let catalog = try Loading.catalog()
        let design = try Loading.design(file, catalog: catalog)
        let source: String
        if let from {
            source = try Self.source(named: from, in: design, file: file ?? "the bundled design")
        } else {
            guard let s = FlowEngine.defaultSource(in: design) else {
                throw CLIError("\(file ?? "the design"): has no component to send a request from")
            }
            source = s
        }
        var state = FlowState()
        state.balance = Balance(rawValue: balance) ?? .roundRobin
        state.seed = seed
        var traces: [Trace] = []
        let indexed = DesignIndex(design)
        for n in 0..<requests {
            let (t, next) = FlowEngine.trace(indexed, from: source, state: state, host: host, path: path, port: port,
                                             sameConnection: keepAlive && n > 0)
            traces.append(t); state = next
        }
        let plain = ascii || !CursesTerminal.prepareLocale()
        printOut(json ? TraceOutput.json(traces, design: indexed)
                      : TraceOutput.text(traces, design: indexed, ascii: plain, kubectl: kubectl, keepAlive: keepAlive))
        if traces.contains(where: { !$0.succeeded }) { throw ExitCode(2) }
    }
}

extension TraceCommand {
    /// The component `--from` names: an id, a name, or `Kind/name` when several share the name.
    static func source(named from: String, in design: Design, file: String) throws -> String {
        if let c = design.component(from) { return c.id }
        var matches = design.components.filter { $0.name == from }
        if matches.isEmpty, let slash = from.firstIndex(of: "/") {
            let kind = from[..<slash].lowercased(), name = String(from[from.index(after: slash)...])
            matches = design.components.filter { $0.name == name && $0.kind.rawValue.lowercased() == kind }
        }
        if matches.count == 1 { return matches[0].id }
        if matches.isEmpty {
            throw CLIError("\(file): no component named \"\(Validation.escaped(from))\" to send from")
        }
        // Kind/name where it tells them apart, else the id (imported containers share names
        // by the thousand); a few of them, and how many more, so the error stays one line.
        let perKind = Dictionary(grouping: matches, by: \.kind).mapValues(\.count)
        let option = { (c: Component) in
            guard perKind[c.kind] != 1 else { return "\(c.kind.rawValue)/\(Validation.escaped(c.name))" }
            let inside = c.parent.map { " in \(Validation.escaped($0))" } ?? ""
            return "\(Validation.escaped(c.id)) (\(c.kind.rawValue)\(inside))"
        }
        let listed = matches.prefix(sourcesListed).map(option).joined(separator: ", ")
            + (matches.count > sourcesListed ? " and \(matches.count - sourcesListed) more" : "")
        let how = perKind.values.allSatisfy { $0 == 1 } ? "--from Kind/name"
            : perKind.values.allSatisfy { $0 > 1 } ? "--from and an id" : "--from and an id or Kind/name"
        let named = design.components.contains { $0.name == from } ? "are named" : "match"
        throw CLIError("\(file): \(matches.count) components \(named) \"\(Validation.escaped(from))\": \(listed); "
                       + "say which with \(how)")
    }

    /// Components an ambiguous `--from` lists.
    static let sourcesListed = 5
}

/// How traces print: numbered hops with names, or JSON with ids and names.
enum TraceOutput {
    static func text(_ traces: [Trace], design: any DesignLookup, ascii: Bool = false, kubectl: Bool = false,
                     keepAlive: Bool = false) -> String {
        let text = textWithArrows(traces, design: design, kubectl: kubectl, keepAlive: keepAlive)
        return ascii ? PlainText.ascii(text) : text
    }

    static func textWithArrows(
        _ traces: [Trace], design: any DesignLookup, kubectl: Bool = false, keepAlive: Bool = false
    ) -> String {
        let name = { (id: String) in
            Validation.escaped(design.component(id).map {
                $0.name == $0.kind.rawValue ? $0.name : "\($0.kind.rawValue) \($0.name)"
            } ?? id)
        }
        var out: [String] = []
        for (n, t) in traces.enumerated() {
            let conn = keepAlive ? (n == 0 ? " on a new connection" : " on the same connection (keep-alive)") : ""
            out.append("request \(n + 1) from \(name(t.source))\(conn)")
            for (i, hop) in t.hops.enumerated() {
                let mark = hop.status == .failed ? "✘" : (hop.direction == .request ? "→" : "←")
                // A request that cannot leave its source stops at it: there is no second end.
                let ends = hop.from == hop.to ? name(hop.from) : "\(name(hop.from)) → \(name(hop.to))"
                out.append(String(format: "%3d. ", i + 1) + "\(mark) \(ends)")
                out.append("     \(Validation.escaped(hop.narration))")
                if kubectl { out += hop.kubectl.map { "       $ \(Validation.escaped($0))" } }
            }
            let reached = Validation.escaped(FlowEngine.sourceName(t.source, in: design))
            // A request that never left its source was not sent: no app was asked. (A trace from a
            // Service or Ingress stands for a client that called it: that request was sent.)
            let unsent = t.hops.count == 1 && t.hops[0].from == t.source && t.hops[0].to == t.source
                && ![.service, .ingress].contains(design.component(t.source)?.kind)
            let failed = unsent ? "no request is sent" : "the app does not answer"
            out.append(t.succeeded ? "  ✔ the response reached \(reached) after \(t.hops.count) hops"
                                   : "  ✘ \(failed): \(Validation.escaped(t.failure ?? "the request stopped"))")
        }
        return out.joined(separator: "\n")
    }

    /// JSON through the file format's writer, so every character that is not shown (C1, bidi
    /// overrides) is an escape and no raw control byte reaches the output.
    static func json(_ traces: [Trace], design: any DesignLookup) -> String {
        let name = { (id: String) in design.component(id)?.name ?? id }
        func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        let out = traces.enumerated().map { n, t -> JSONValue in
            .object([
                "request": .integer(n + 1), "source": .string(t.source), "succeeded": .bool(t.succeeded),
                "failure": text(t.failure),
                "hops": .array(t.hops.map { h in
                    .object([
                        "from": .string(h.from), "to": .string(h.to), "fromName": .string(name(h.from)),
                        "toName": .string(name(h.to)), "connection": text(h.connection),
                        "direction": .string(h.direction.rawValue), "status": .string(h.status.rawValue),
                        "narration": .string(h.narration), "instance": h.instance.map(JSONValue.integer) ?? .null,
                        "instanceCount": h.instanceCount.map(JSONValue.integer) ?? .null, "pod": text(h.podName),
                        "kubectl": .array(h.kubectl.map(JSONValue.string)), "version": text(h.version),
                    ])
                }),
            ])
        }
        return JSONText.encode(.array(out))
    }
}
