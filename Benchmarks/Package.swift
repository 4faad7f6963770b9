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
        .executableTarget(
            name: "HopsBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HopsKit", package: "Hops"),
            ],
            path: "Benchmarks/HopsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
