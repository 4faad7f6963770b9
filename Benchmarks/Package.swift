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
        .executableTarget(name: "Probe", dependencies: [.product(name: "HopsKit", package: "Hops"), "Generated"], path: "Probe"),
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
