// swift-tools-version:6.0
// msnb: a notebook-style analysis kernel and REPL for MSME internationalisation research.
// Dependencies point one way (see docs/architecture.md):
//   MSNTable → MSNIO (file formats) and MSNPlot (charts) → MSNKernel; MSNTable → MSNStats → {MSNBoost, MSNSEM → MSNPLS, MSNPanel, MSNSimulate} → MSNKernel → MSNNotebook → {MSNREPL, MSNJupyter} → msnb
//   MSNLanguage (front end) depends on nothing and is used by MSNKernel.
import PackageDescription

let package = Package(
    name: "msnb",
    products: [
        .executable(name: "msnb", targets: ["msnb"]),
        .library(name: "MSNKernel", targets: ["MSNKernel"]),
        // Fuzz entry points, used by the libFuzzer package in Fuzz/ (and replayed by MSNFuzzTests).
        .library(name: "MSNFuzz", targets: ["MSNFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Columnar table engine: typed buffers, validity bitmaps, CSV in and out.
        // glibc's mallopt (<malloc.h>, part of libc6-dev): the executables' allocator policy (MSNTable.AllocatorPolicy).
        .systemLibrary(name: "CMalloc"),
        .target(name: "MSNTable", dependencies: ["CMalloc"]),
        // File formats beyond CSV: SPSS/Stata/SAS through ReadStat, Excel workbooks (read: ZIPFoundation + XML parser;
        // write: libxlsxwriter).
        .target(name: "MSNIO", dependencies: ["MSNTable", "CReadStat", "CXLSXWriter", "CXLSXSheet",
                                              .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // ReadStat (Debian libreadstat-dev) and libxlsxwriter (Debian libxlsxwriter-dev) as system libraries.
        .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // libxml2 (Debian libxml2-dev) as a system library, used only from C: worksheet XML is streamed through its
        // SAX2 push parser by the small C target CXLSXSheet, whose header names no libxml2 type (libxml2's headers
        // include ICU's, which clash with Foundation's bundled ICU module when Swift imports them).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CXLSXSheet", dependencies: ["CLibXML2"]),
        // Numerics and statistics: dense matrices, decompositions, distributions, tests, linear models.
        .target(name: "MSNStats", dependencies: ["MSNTable"]),
        // Histogram gradient-boosted trees, evaluation metrics, TreeSHAP.
        .target(name: "MSNBoost", dependencies: ["MSNTable", "MSNStats"]),
        // Structural equation models in lavaan syntax.
        .target(name: "MSNSEM", dependencies: ["MSNTable", "MSNStats"]),
        // Linear panel models: absorbed fixed effects, random effects, FD, between, clustered errors, DiD/event studies.
        .target(name: "MSNPanel", dependencies: ["MSNTable", "MSNStats"]),
        // PLS path models (PLS-SEM, PLSc) in lavaan syntax, reusing MSNSEM's syntax parser.
        .target(name: "MSNPLS", dependencies: ["MSNTable", "MSNStats", "MSNSEM"]),
        // Charts as deterministic SVG (scales, ticks, palettes, chart builders); on the table engine only.
        .target(name: "MSNPlot", dependencies: ["MSNTable"]),
        // Simulated MSME data with a known truth (`simulate exporters`, `simulate ecosystem`).
        .target(name: "MSNSimulate", dependencies: ["MSNTable", "MSNStats"]),
        // Exploratory factor analysis (ML, principal axes; varimax/promax/oblimin), parallel analysis, Harman's test.
        .target(name: "MSNFactor", dependencies: ["MSNTable", "MSNStats"]),
        // Language front end: lexer, parser, AST, diagnostics. Depends on no engine.
        .target(name: "MSNLanguage"),
        // Kernel: evaluator, session, builtins, rendering.
        .target(name: "MSNKernel", dependencies: ["MSNLanguage", "MSNTable", "MSNIO", "MSNStats", "MSNBoost", "MSNSEM", "MSNPLS", "MSNSimulate", "MSNPanel", "MSNPlot", "MSNFactor"],
                plugins: ["StdlibEmbedPlugin"]),
        // cmark-gfm (Debian libcmark-gfm-dev, libcmark-gfm-extensions-dev) as a system library: Markdown prose → HTML.
        .systemLibrary(name: "CMarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // Notebooks: .msnb format, batch runner, check, renderings (Markdown, text, HTML).
        .target(name: "MSNNotebook", dependencies: [
            "MSNKernel", "CMarkGFM", .product(name: "Yams", package: "Yams"),
        ]),
        // libedit (Debian libedit-dev) as a system library.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The interactive REPL: input assembly, completion, meta-commands, line reader.
        .target(name: "MSNREPL", dependencies: ["MSNKernel", "MSNNotebook", "CEditLine"]),
        // ZeroMQ (Debian libzmq3-dev) and OpenSSL libcrypto (Debian libssl-dev) as system libraries, for Jupyter.
        // No pkgConfig for libzmq: its .pc file adds an -isystem flag SwiftPM prohibits (a warning on every build).
        .systemLibrary(name: "CZMQ", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "COpenSSLCrypto", providers: [.apt(["libssl-dev"])]),
        // The Jupyter kernel: connection files, wire protocol 5.3, sockets, request handlers, ipynb conversion.
        .target(name: "MSNJupyter", dependencies: ["MSNKernel", "MSNLanguage", "MSNNotebook", "CZMQ", "COpenSSLCrypto"]),
        // The command-line tool.
        .executableTarget(name: "msnb", dependencies: [
            "MSNKernel", "MSNNotebook", "MSNREPL", "MSNJupyter", "MSNTable",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], plugins: ["BuildInfoPlugin"]),
        // Records the git commit for `msnb --version` at build time.
        .executableTarget(name: "BuildInfoTool"),
        .plugin(name: "BuildInfoPlugin", capability: .buildTool(), dependencies: ["BuildInfoTool"]),
        // Compiles Stdlib/*.msq into the kernel, so an installed binary needs no files beside it.
        .plugin(name: "StdlibEmbedPlugin", capability: .buildTool(), dependencies: ["BuildInfoTool"]),
        // Fuzz entry points: bytes → CSV reader, parser, notebook splitter, evaluator (see Fuzz/README.md).
        .target(name: "MSNFuzz", dependencies: ["MSNKernel", "MSNNotebook", "MSNLanguage", "MSNTable", "MSNJupyter"]),
        // make test's smoke fuzzer (mutations without coverage, no sanitizer build) and its crash/hang dump in C.
        .executableTarget(name: "FuzzSmoke", dependencies: ["MSNFuzz", "CCrashDump"]),
        .target(name: "CCrashDump"),
        // Release-build benchmark harness (not a test).
        .executableTarget(name: "MSNBench", dependencies: ["MSNTable", "MSNStats", "MSNKernel", "MSNLanguage", "MSNBoost", "MSNSEM", "MSNPLS", "MSNPanel", "MSNPlot"], path: "Benchmarks/MSNBench"),

        // Release-build reading benchmark for MSNIO (SPSS, Stata, Excel).
        .executableTarget(name: "MSNIOBench", dependencies: ["MSNIO", "MSNTable"], path: "Benchmarks/MSNIOBench"),

        .testTarget(name: "MSNTableTests", dependencies: ["MSNTable"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNIOTests", dependencies: ["MSNIO", "MSNTable"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNStatsTests", dependencies: ["MSNStats", "MSNTable"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNBoostTests", dependencies: ["MSNBoost", "MSNTable", "MSNStats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNSEMTests", dependencies: ["MSNSEM", "MSNTable", "MSNStats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNPanelTests", dependencies: ["MSNPanel", "MSNTable", "MSNStats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNFactorTests", dependencies: ["MSNFactor", "MSNTable", "MSNStats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNPLSTests", dependencies: ["MSNPLS", "MSNSEM", "MSNTable", "MSNStats"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNPlotTests", dependencies: ["MSNPlot", "MSNTable"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNSimulateTests", dependencies: ["MSNSimulate", "MSNTable", "MSNStats"]),
        .testTarget(name: "MSNLanguageTests", dependencies: ["MSNLanguage"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNKernelTests", dependencies: ["MSNKernel", "MSNTable", "MSNPlot"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNNotebookTests", dependencies: ["MSNNotebook", "MSNKernel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNJupyterTests", dependencies: ["MSNJupyter", "MSNKernel", "MSNNotebook"]),
        .testTarget(name: "MSNREPLTests", dependencies: ["MSNREPL", "MSNKernel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MSNFuzzTests", dependencies: ["MSNFuzz", "MSNLanguage", "MSNKernel"]),
    ],
    swiftLanguageModes: [.v6]
)
