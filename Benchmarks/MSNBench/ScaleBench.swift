import Foundation
import MSNKernel

/// Issue 16, finding 12: parsing and evaluating long flat programs must be linear. Times a sum of N
/// terms and a pipeline of N `| head 5` stages at N and 5N; a ratio near 5 is linear (the quadratic
/// lexer took 25).
enum ScaleBench {
    static func run(terms: Int) throws {
        let session = Session(configuration: SessionConfiguration(loadPrelude: false))
        _ = session.execute("t = load \"\(FileManager.default.currentDirectoryPath)/Notebooks/data/HolzingerSwineford1939.csv\"")
        func time(_ source: String) -> Double {
            let start = Date()
            let r = session.execute(source)
            precondition(r.succeeded, "the benchmark program failed")
            return Date().timeIntervalSince(start)
        }
        for n in [terms / 5, terms] {
            let sum = time("x = " + Array(repeating: "1", count: n).joined(separator: " + "))
            let pipe = time("t" + String(repeating: " | head 5", count: n))
            print(String(format: "{\"terms\": %d, \"sum_seconds\": %.3f, \"pipeline_seconds\": %.3f}", n, sum, pipe))
        }
    }
}
