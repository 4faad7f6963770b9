/// The largest values a design may hold. A file past them is refused on load with a clear
/// message, and the editor never goes past them either, so no grid, array or loop is ever
/// sized from an unchecked number. Chosen far above any real design, far below what would
/// exhaust memory or time.
public enum Limits {
    /// Positions lie in -maxCoordinate...maxCoordinate cells on each axis.
    public static let maxCoordinate = 100_000
    /// A saved size is at most this many cells a side.
    public static let maxExtent = 100_000
    /// The area that saved positions and sizes may span, in cells: routing and drawing keep a
    /// few bytes per cell of the whole canvas, so two boxes 100,000 cells apart on both axes
    /// would need 40 GB. 8 million cells is 4,000 x 2,000, several times what 10,000
    /// laid-out components take.
    public static let maxSpanCells = 8_000_000
    /// Replicas of one workload (Kubernetes itself allows more; no design needs them drawn).
    public static let maxReplicas = 10_000
    /// Levels of components nested inside each other, the top level counted (a container in a Pod
    /// in a Deployment in a Namespace is 4 levels).
    public static let maxDepth = 64
    /// Characters in a component's or connection's name or label (Kubernetes names stop at 253).
    public static let maxName = 253
    /// Characters in any other string: a Note's text, an image, an annotation value.
    public static let maxText = 65_536
    /// Bytes in a design file.
    public static let maxFileBytes = 64 << 20
    /// Port numbers.
    public static let ports = 1...65_535
}
