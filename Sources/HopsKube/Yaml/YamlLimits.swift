/// Bounds on what the reader accepts, so that no input can make Hops use unbounded time or
/// memory. Numbers in a file never size anything: these do.
public struct YamlLimits: Sendable {
    /// Bytes per file or standard input. 32 MiB is far above any manifest repository we have
    /// seen (a `kubectl get -o yaml` of a large namespace is a few MB) and reads in seconds.
    public var maxBytes: Int
    /// Nodes per file after aliases are expanded: bounds an alias bomb ("billion laughs") in
    /// time and memory. Two million is about 60 MB of plain manifests.
    public var maxNodes: Int
    /// Nesting depth of mappings and sequences, aliases expanded (libyaml stops at 1,000 too).
    public var maxDepth: Int

    public init(maxBytes: Int = 32 << 20, maxNodes: Int = 2_000_000, maxDepth: Int = 1000) {
        self.maxBytes = maxBytes; self.maxNodes = maxNodes; self.maxDepth = maxDepth
    }
}
