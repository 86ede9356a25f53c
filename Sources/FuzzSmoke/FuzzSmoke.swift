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

        guard msnb_crash_dump_install(work.appendingPathComponent("smoke.crash").path, 60) == 0 else {
            FileHandle.standardError.write(Data("FuzzSmoke: could not install the crash handlers\n".utf8))
            exit(2)
        }
        print("fuzz smoke: seed \(seed), \(Int(seconds)) s in all (replay this sequence with --seed \(seed))")
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
        }
    }

    /// The files of a corpus folder, at most 4096 bytes of each (the fuzzers' -max_len).
    static func inputs(_ dir: URL) -> [[UInt8]] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.compactMap { name in
            (try? Data(contentsOf: dir.appendingPathComponent(name))).map { Array($0.prefix(4096)) }
        }
    }
}
