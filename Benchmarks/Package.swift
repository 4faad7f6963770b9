// swift-tools-version: 6.1
import PackageDescription

// Hops's benchmarks, kept in their own package so that the main package does not depend on
// the benchmark framework. Run from this folder: `swift package --disable-sandbox benchmark`.
let package = Package(
    name: "HopsBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "Hops", path: ".."),
    ],
    targets: [
        // The generated designs every benchmark and the probe measure.
        .target(name: "Generated", dependencies: [.product(name: "HopsKit", package: "Hops")], path: "Generated"),
        // Phase timings without the harness: `swift run -c release Probe [components] [repeats]`.
        // Not under a folder named Benchmarks: the benchmark plugin runs every executable whose
        // folder's parent has that name, and this package's own folder does.
        .executableTarget(name: "Probe", dependencies: [.product(name: "HopsKit", package: "Hops"), "Generated"], path: "Tools/Probe"),
        .executableTarget(
            name: "HopsBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HopsKit", package: "Hops"),
                "Generated",
            ],
            path: "Benchmarks/HopsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
