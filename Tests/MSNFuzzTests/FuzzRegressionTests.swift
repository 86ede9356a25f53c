import Foundation
import MSNFuzz
import MSNKernel
import MSNLanguage
import Testing

/// Replays every committed fuzz input — the seed corpora (Fuzz/Corpus/TARGET) and every input that
/// once crashed or hung (Fuzz/Regressions/TARGET) — through the same entry points the libFuzzer
/// targets use, without sanitizers. A crash here fails the whole test run, as it should.
let fuzzRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz")

func inputs(_ folder: String, _ target: String) -> [URL] {
    let dir = fuzzRoot.appendingPathComponent(folder).appendingPathComponent(target)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { dir.appendingPathComponent($0) }
}

@Test(arguments: ["csv", "parser", "notebook", "evaluator", "jupyter"])
func fuzzCorpusAndRegressionsReplay(target: String) throws {
    let entry = try #require(FuzzEntries.targets[target])
    let files = inputs("Corpus", target) + inputs("Regressions", target)
    #expect(!files.isEmpty, "no seed inputs for \(target)")
    for file in files { entry(Array(try Data(contentsOf: file))) }
}

@Test func programGeneratorMakesProgramsThatParse() {
    // Most generated programs are valid syntax, so the evaluator target reaches the verbs.
    var clean = 0
    for seed in 0..<200 {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<64).map { _ -> UInt8 in state = state &* 6364136223846793005 &+ 1; return UInt8(truncatingIfNeeded: state >> 56) }
        let program = ProgramGenerator.prelude + ProgramGenerator.program(from: bytes)
        if Parser.parse(program, verbs: Set(VerbOptions.verbs)).diagnostics.isEmpty { clean += 1 }
    }
    #expect(clean >= 180)
}

@Test func mutatorIsDeterministicAndKeepsTheLengthLimit() {
    let dictionary = Mutator.parseDictionary("# tokens\n\"load\"\nkw=\"a\\x41\\\"b\"\n\n")
    #expect(dictionary == [Array("load".utf8), [97, 65, 34, 98]])
    var a = Mutator(seed: 7, dictionary: dictionary), b = Mutator(seed: 7, dictionary: dictionary)
    let base = Array("t | filter x > 1".utf8), other = Array("summarize m = mean(x) by g".utf8)
    var changed = 0
    for _ in 0..<500 {
        let x = a.mutate(base, other: other, maxLength: 24), y = b.mutate(base, other: other, maxLength: 24)
        #expect(x == y)
        #expect(x.count <= 24)
        if x != base { changed += 1 }
    }
    #expect(changed > 450)
    var c = Mutator(seed: 8, dictionary: dictionary), d = Mutator(seed: 7, dictionary: dictionary)
    let eight = (0..<20).map { _ in c.mutate(base, other: other, maxLength: 4096) }
    let seven = (0..<20).map { _ in d.mutate(base, other: other, maxLength: 4096) }
    #expect(eight != seven)
}

/// The smoke fuzzer leaves the input behind when the process traps, overflows its stack or hangs.
@Test(arguments: ["trap", "overflow", "hang"])
func smokeFuzzerKeepsTheInputOfACrashOrHang(kind: String) throws {
    let tool = fuzzRoot.deletingLastPathComponent().appendingPathComponent(".build/debug/FuzzSmoke")
    try #require(FileManager.default.isExecutableFile(atPath: tool.path), "build FuzzSmoke first")
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-smoke-\(kind)-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    let process = Process()
    process.executableURL = tool
    process.arguments = ["--self-test", kind, "--root", root.path]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus != 0)
    let kept = try Data(contentsOf: root.appendingPathComponent(".work/self-test.crash"))
    #expect(String(decoding: kept, as: UTF8.self) == "self-test input")
    #expect(said.contains("==msnb-fuzz=="))
    #expect(said.contains("73656c662d7465737420696e707574"))  // "self-test input" in hexadecimal
}
