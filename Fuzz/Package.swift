// swift-tools-version:6.0
// libFuzzer targets for msnb (issue 16). Built only by `make fuzz` (see Fuzz/README.md):
//   swift build -c debug --sanitize=fuzzer --sanitize=address \
//     -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
// Each target is a `@_cdecl("LLVMFuzzerTestOneInput")` over an entry point of the main package's
// MSNFuzz module, which the main package's FuzzRegressionTests replay without sanitizers.
import PackageDescription

let targets = ["FuzzCSV", "FuzzParser", "FuzzNotebook", "FuzzEvaluator", "FuzzJupyter"]

let package = Package(
    name: "msnb-fuzz",
    products: targets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(name: "msnb", path: "..")],
    targets: targets.map { .executableTarget(name: $0, dependencies: ["CFuzzDriver", .product(name: "MSNFuzz", package: "msnb")]) }
        + [.target(name: "CFuzzDriver")],
    swiftLanguageModes: [.v6]
)
