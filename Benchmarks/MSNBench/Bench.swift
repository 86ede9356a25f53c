import Foundation

/// Timing helpers.
enum Bench {
    static func value(_ args: [String], _ flag: String) -> String? {
        guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
        return args[i + 1]
    }

    /// Median wall time in milliseconds of `runs` calls.
    static func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let t = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// Median wall times in milliseconds of `runs` alternating calls of `a` and `b`: on a shared machine,
    /// alternating keeps a burst of load from landing on one side only.
    static func medianPair(_ runs: Int, _ a: () throws -> Void, _ b: () throws -> Void) rethrows -> (Double, Double) {
        var ta: [Double] = [], tb: [Double] = []
        for _ in 0..<runs {
            ta.append(try median(1, a))
            tb.append(try median(1, b))
        }
        ta.sort()
        tb.sort()
        return (ta[runs / 2], tb[runs / 2])
    }

    /// Peak resident memory (VmHWM) in MB.
    static func peakMB() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM") }) else { return .nan }
        let kb = Double(line.split(separator: " ").dropFirst().first { !$0.isEmpty }.map(String.init) ?? "") ?? .nan
        return kb / 1024
    }
}
