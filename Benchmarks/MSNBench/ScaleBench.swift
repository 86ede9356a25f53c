import Foundation
import MSNKernel
import MSNLanguage

/// Issue 16, finding 12: parsing and evaluating long flat programs must be linear. Times a sum of N
/// terms and a pipeline of N `| head 5` stages at N/5 and N, through the normal front-end path
/// (`Runner.execute` → `Session.execute` on a kernel thread: parse, evaluate, display value), and
/// the parse alone. A ratio near 5 between the two sizes is linear (the quadratic lexer took 25);
/// the bar is under 1 s for each program at N = 100,000.
enum ScaleBench {
    static func run(terms: Int) throws {
        let runner = Runner(session: Session(configuration: SessionConfiguration(loadPrelude: false)))
        _ = runner.execute("t = load \"\(FileManager.default.currentDirectoryPath)/Notebooks/data/HolzingerSwineford1939.csv\"")
        func time(_ source: String) -> (run: Double, parse: Double) {
            var start = Date()
            let r = runner.execute(source)
            precondition(r.succeeded, "the benchmark program failed")
            let run = Date().timeIntervalSince(start)
            start = Date()
            // The syntax tree is dropped on the kernel thread too: releasing a 100,000-deep tree recurses.
            let clean = KernelThread.run { Parser.parse(source, verbs: Set(VerbOptions.verbs)).diagnostics.isEmpty }
            precondition(clean)
            return (run, Date().timeIntervalSince(start))
        }
        for n in [terms / 5, terms] {
            let sum = time("x = " + Array(repeating: "1", count: n).joined(separator: " + "))
            let pipe = time("t" + String(repeating: " | head 5", count: n))
            print(String(format: "{\"terms\": %d, \"sum_seconds\": %.3f, \"sum_parse_seconds\": %.3f, \"pipeline_seconds\": %.3f, \"pipeline_parse_seconds\": %.3f}",
                         n, sum.run, sum.parse, pipe.run, pipe.parse))
        }
    }
}
