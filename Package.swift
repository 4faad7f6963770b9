// swift-tools-version: 6.1
import PackageDescription

// Rooms and who may use whom: see README.md "Architecture".
// Only HopsTerminal imports the C module; everything below the executable is pure.
let package = Package(
    name: "Hops",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hops", targets: ["hops"]),
        .library(name: "HopsKit", targets: ["HopsText", "HopsCanvas", "HopsDesign", "HopsFormats", "HopsFlow", "HopsEditor", "HopsResources", "HopsKube"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCursesW",
            path: "Sources/CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The catalog of kinds and the bundled design, as data files.
        .target(name: "HopsResources", path: "Resources", resources: [.copy("catalog.json"), .copy("kubernetes-request-flow.hops.json")]),
        .target(name: "HopsText"),
        .target(name: "HopsCanvas", dependencies: ["HopsText"]),
        .target(name: "HopsDesign", dependencies: ["HopsText"]),
        .target(name: "HopsFormats", dependencies: ["HopsDesign"]),
        .target(name: "HopsFlow", dependencies: ["HopsDesign"]),
        // Kubernetes manifests in and out: a bounded YAML reader, import with inferred
        // relationships, export. Pure: no terminal, no clock. Yams stays in here.
        .target(name: "HopsKube", dependencies: ["HopsDesign", .product(name: "Yams", package: "Yams")]),
        .target(name: "HopsTerminal", dependencies: ["CNCursesW", "HopsCanvas"]),
        .target(name: "HopsEditor", dependencies: ["HopsCanvas", "HopsDesign", "HopsFlow", "HopsTerminal"]),
        .executableTarget(
            name: "hops",
            dependencies: [
                "HopsEditor", "HopsFormats", "HopsTerminal", "HopsResources", "HopsFlow", "HopsKube",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HopsTests",
            dependencies: ["HopsCanvas", "HopsDesign", "HopsFormats", "HopsFlow", "HopsTerminal", "HopsEditor", "HopsResources"]
        ),
        .testTarget(
            name: "HopsKubeTests",
            dependencies: ["HopsKube", "HopsDesign", "HopsFormats", "HopsFlow", "HopsEditor", "HopsResources"]
        ),
    ]
)
