import CCrashDump
import Foundation
import MSNFuzz

/// The smoke fuzzer `make test` runs: every target of `FuzzEntries` for a share of `--seconds`
/// (default 60 in all), on inputs mutated from its seed corpus, its regressions and, when present,
/// the working corpus libFuzzer grew (`Fuzz/.work/NAME`), with the tokens of `Fuzz/msnb.dict`.
/// It needs no sanitizer build, so a clean clone runs it; it has no coverage feedback (that is
/// `make fuzz`'s job). A crash or hang ends the process with the input written to
/// `Fuzz/.work/NAME.crash` and, in hexadecimal, to standard error, and `make test` fails.
///
///     FuzzSmoke [--seconds 60] [--seed N] [--root Fuzz] [--only csv,parser]
///     FuzzSmoke --self-test trap|overflow|hang --root DIR   (the dump machinery's own test)
///     FuzzSmoke --replay TARGET FILE     (one input through one target; for the evaluator, prints its program)
@main enum FuzzSmoke {
    static func main() {
        let args = CommandLine.arguments
        func option(_ name: String) -> String? {
            args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
        }
        let seconds = option("--seconds").flatMap(Double.init) ?? 60
        let seed = option("--seed").flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970 * 1000)
        let root = URL(fileURLWithPath: option("--root") ?? "Fuzz")
        let names = option("--only").map { $0.split(separator: ",").map(String.init) } ?? ["csv", "parser", "notebook", "evaluator", "jupyter"]
        let dictionary = Mutator.parseDictionary((try? String(contentsOf: root.appendingPathComponent("msnb.dict"), encoding: .utf8)) ?? "")
        let work = root.appendingPathComponent(".work")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        if let target = option("--replay"), args.count > 3, let entry = FuzzEntries.targets[target],
           let data = FileManager.default.contents(atPath: args[3]) {
            if target == "evaluator" { print(ProgramGenerator.program(from: Array(data)), terminator: "") }
            entry(Array(data))
            print("replayed \(args[3]) through \(target): no crash")
            exit(0)
        }
        let selfTest = option("--self-test")
        guard msnb_crash_dump_install(work.appendingPathComponent("smoke.crash").path, selfTest == nil ? 60 : 1) == 0 else {
            FileHandle.standardError.write(Data("FuzzSmoke: could not install the crash handlers\n".utf8))
            exit(2)
        }
        if let selfTest { runSelfTest(selfTest, work: work) }
        print("fuzz smoke: seed \(seed), \(Int(seconds)) s in all (replay this sequence with --seed \(seed))")
        fflush(nil)
        var mutator = Mutator(seed: seed, dictionary: dictionary)
        for name in names {
            guard let entry = FuzzEntries.targets[name] else { print("fuzz smoke: no target \(name)"); exit(2) }
            FuzzEntries.prepare(name)
            FuzzEntries.onKernelWorker { msnb_crash_dump_thread_init() }
            msnb_crash_dump_path(work.appendingPathComponent("\(name).crash").path)
            let pool = [[]] + ["Corpus", "Regressions", ".work"].flatMap { inputs(root.appendingPathComponent($0).appendingPathComponent(name)) }
            let deadline = Date().addingTimeInterval(seconds / Double(names.count))
            var executions = 0
            while Date() < deadline {
                let input = mutator.mutate(pool[mutator.below(pool.count)], other: pool[mutator.below(pool.count)], maxLength: 4096)
                input.withUnsafeBufferPointer { p in
                    msnb_crash_dump_set(p.baseAddress, p.count)
                    entry(input)
                    msnb_crash_dump_set(nil, 0)
                }
                executions += 1
            }
            print("fuzz smoke: \(name): \(executions) executions from \(pool.count) inputs, no crash or hang")
            fflush(nil)
        }
    }

    /// Crashes (or hangs) on purpose with a known input, so that a test can check what is left behind.
    static func runSelfTest(_ kind: String, work: URL) -> Never {
        msnb_crash_dump_path(work.appendingPathComponent("self-test.crash").path)
        FuzzEntries.onKernelWorker { msnb_crash_dump_thread_init() }
        let input = Array("self-test input".utf8)
        input.withUnsafeBufferPointer { p in msnb_crash_dump_set(p.baseAddress, p.count) }
        switch kind {
        case "trap": preconditionFailure("FuzzSmoke self-test")
        case "overflow": FuzzEntries.onKernelWorker { _ = recurse(1) }
        default: while true { sleep(1) }
        }
        exit(0)
    }

    /// Recursion without end (a stack overflow on the kernel worker's stack).
    static func recurse(_ n: Int) -> Int {
        var pad = (n, n &+ 1, n &+ 2, n &+ 3)
        withUnsafeMutablePointer(to: &pad) { _ in }
        return recurse(n &+ 1) &+ pad.0
    }

    /// The files of a corpus folder, at most 4096 bytes of each (the fuzzers' -max_len).
    static func inputs(_ dir: URL) -> [[UInt8]] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.compactMap { name in
            (try? Data(contentsOf: dir.appendingPathComponent(name))).map { Array($0.prefix(4096)) }
        }
    }
}
