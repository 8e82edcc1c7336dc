// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "protosite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "protosite", targets: ["protosite"]),
        // For the fuzzer in Fuzz/ (and anyone embedding the build).
        .library(name: "ProtositeCore", targets: ["ProtositeCore"]),
        .library(name: "ProtositeImport", targets: ["ProtositeImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // The system cmark-gfm (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The system zlib, to read the search index's gzip files back (the tests
        // do); linked statically by scripts/build-static, as ZIPFoundation's is.
        .systemLibrary(name: "CGzip", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The system libdeflate (Debian: libdeflate-dev), to write the search
        // index's gzip files; linked statically by scripts/build-static too.
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // One system call Swift cannot reach directly: swapping two folders atomically.
        .target(name: "CFileSwap"),
        // The system jemalloc (Debian: libjemalloc-dev) as the process's
        // malloc: a build allocates and frees millions of small values, and
        // glibc's malloc spent a growing share of a large site's build
        // searching its bins (docs/performance.md); linked statically by
        // scripts/build-static. CAllocator is what references it.
        .target(name: "CAllocator", linkerSettings: [.linkedLibrary("jemalloc")]),
        // The only module that imports CCmarkGFM: Markdown in, Swift values out.
        .target(name: "ProtositeMarkdown", dependencies: ["CCmarkGFM"]),
        // Default templates and assets, compiled into the binary from the
        // top-level templates/ so a copied `protosite` needs nothing beside it.
        .target(name: "ProtositeTheme", plugins: ["EmbedTheme"]),
        .executableTarget(name: "theme-embedder", path: "Sources/ThemeEmbedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["theme-embedder"]),
        // Search: tokenising, stemming and the prebuilt index (libdeflate to
        // gzip the split index's files, zlib to read them back).
        // search-synonyms.txt is compiled in: the built-in search vocabulary.
        .target(name: "ProtositeSearch", dependencies: ["CDeflate", "CGzip"], resources: [.embedInCode("search-synonyms.txt")]),
        // `protosite import`: Word (.docx) and plain-text exports to protocol Markdown.
        // It reads its own output back with the build's parser (ProtositeCore),
        // so that what it writes always builds.
        .target(
            name: "ProtositeImport",
            dependencies: ["ProtositeCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The build: load → parse → link → versions → render → index → write
        // (Sources/ProtositeCore/Build/SiteBuilder.swift runs them in order).
        .target(
            name: "ProtositeCore",
            dependencies: [
                "ProtositeMarkdown",
                "ProtositeTheme",
                "ProtositeSearch",
                "CFileSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `protosite serve`: a loopback preview server that rebuilds on change.
        // Its HTTP is its own (LoopbackHTTP.swift): FlyingFox linked
        // FoundationNetworking and libcurl, which a static binary cannot carry.
        .target(name: "ProtositeServe", dependencies: ["ProtositeCore"]),
        .executableTarget(
            name: "protosite",
            dependencies: [
                "ProtositeCore",
                "ProtositeServe",
                "ProtositeImport",
                "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ProtositeMarkdownTests", dependencies: ["ProtositeMarkdown"]),
        .testTarget(name: "ProtositeSearchTests", dependencies: ["ProtositeSearch"]),
        .testTarget(
            name: "ProtositeCoreTests",
            dependencies: [
                "ProtositeCore", "ProtositeMarkdown", "ProtositeImport", "ProtositeSearch", "ProtositeServe", "ProtositeTheme", "CAllocator",
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
