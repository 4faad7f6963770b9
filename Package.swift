// swift-tools-version: 6.1
import PackageDescription

// Rooms and who may use whom: see README.md "Architecture".
// Only HopsCurses imports the C module; HopsApp (the run loop) does I/O through protocols;
// everything below them is pure.
let package = Package(
    name: "Hops",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hops", targets: ["hops"]),
        .library(name: "HopsKit", targets: ["HopsText", "HopsCanvas", "HopsDesign", "HopsFormats", "HopsFlow", "HopsInput",
                                            "HopsEditor", "HopsApp", "HopsResources", "HopsKube", "HopsCheck",
                                            "HopsTour"]),
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
        // The catalog of kinds, the bundled design and the tour's lessons, as data files.
        .target(name: "HopsResources", path: "Resources",
                resources: [.copy("catalog.json"), .copy("kubernetes-request-flow.hops.json"), .copy("lessons")]),
        .target(name: "HopsText"),
        .target(name: "HopsCanvas", dependencies: ["HopsText"]),
        .target(name: "HopsDesign", dependencies: ["HopsText"]),
        .target(name: "HopsFormats", dependencies: ["HopsDesign"]),
        .target(name: "HopsFlow", dependencies: ["HopsDesign"]),
        // What is wrong in a design (rejected objects, broken request paths): pure, beside the flow engine.
        .target(name: "HopsCheck", dependencies: ["HopsDesign", "HopsFlow"]),
        // Kubernetes manifests in and out: a bounded YAML reader, import with inferred
        // relationships, export. Pure: no terminal, no clock. Yams stays in here.
        .target(name: "HopsKube", dependencies: ["HopsDesign", .product(name: "Yams", package: "Yams")]),
        // Events, keys, the Terminal protocol and the in-memory terminal: no C in it.
        .target(name: "HopsInput", dependencies: ["HopsCanvas"]),
        // The ncurses side of the terminal, and the only user of CNCursesW.
        .target(name: "HopsCurses", dependencies: ["CNCursesW", "HopsCanvas", "HopsInput"]),
        .target(name: "HopsEditor", dependencies: ["HopsCanvas", "HopsDesign", "HopsFlow", "HopsCheck", "HopsInput"]),
        // `hops tour`: lessons as data (steps, highlights, conditions over the design and the
        // request) and the session that runs one around an editor. Pure: no terminal, no clock.
        .target(name: "HopsTour",
                dependencies: ["HopsEditor", "HopsDesign", "HopsFlow", "HopsFormats", "HopsCanvas", "HopsInput"]),
        // The run loop: performs the editor's effects against a FileSystem and a clock.
        .target(name: "HopsApp", dependencies: ["HopsDesign", "HopsFormats", "HopsEditor", "HopsInput", "HopsKube"]),
        .executableTarget(
            name: "hops",
            dependencies: [
                "HopsApp", "HopsEditor", "HopsFormats", "HopsCurses", "HopsResources", "HopsFlow", "HopsKube", "HopsCheck",
                "HopsTour", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HopsTests",
            dependencies: ["HopsCanvas", "HopsDesign", "HopsFormats", "HopsFlow", "HopsInput", "HopsEditor", "HopsApp",
                           "HopsResources", "HopsCheck", "HopsTour"],
            // Expected whole screens, read by ScreenTests (see Support/ExpectedScreen.swift).
            exclude: ["Screens"]
        ),
        .testTarget(
            name: "HopsKubeTests",
            dependencies: ["HopsKube", "HopsDesign", "HopsFormats", "HopsFlow", "HopsEditor", "HopsResources",
                           "HopsCheck"],
            // Run by the schema test with python3, read in place (see MesheryExportTests).
            exclude: ["Meshery/validate_cached.py"]
        ),
    ]
)
