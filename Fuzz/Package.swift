// swift-tools-version:6.1
import PackageDescription

// A libFuzzer target for protosite's input handling: front matter, dates and
// the reference grammar, through the whole build in memory. Kept out of the
// main package so ordinary builds do not need the fuzzer runtime.
//
//   Fuzz/run.sh [SECONDS]      (builds with coverage and AddressSanitizer, then runs)
let package = Package(
    name: "ProtositeFuzz",
    // The repository, through a link named protosite (run.sh makes it): a path
    // package is known by its folder name, which a clone does not fix.
    dependencies: [.package(path: "link/protosite")],
    targets: [
        // libFuzzer's driver, called by both targets' main.
        .target(name: "FuzzDriver"),
        // The importer's plain-text path (page furniture, metadata, labels,
        // and the build check that reads its output back).
        .executableTarget(
            name: "FuzzImport",
            dependencies: ["FuzzDriver", .product(name: "ProtositeImport", package: "protosite")],
            linkerSettings: [.unsafeFlags(["-sanitize=address"]), .linkedLibrary("stdc++")]
        ),
        .executableTarget(
            name: "FuzzBuild",
            dependencies: ["FuzzDriver", .product(name: "ProtositeCore", package: "protosite")],
            // libFuzzer without its main (run.sh passes where the toolchain
            // keeps it): this target calls LLVMFuzzerRunDriver itself.
            linkerSettings: [.unsafeFlags(["-sanitize=address"]), .linkedLibrary("stdc++")]
        ),
    ]
)
