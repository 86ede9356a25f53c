import Foundation
import MSNLanguage
import MSNTable
import Synchronization

/// `replicate N [seed S] [with threads = K] { statements }`: runs the block N times and stacks the table
/// each run ends with, under a `rep` column (1…N). Each replicate runs in its own copy of the session
/// on a kernel thread, with `rep` bound and the session seed set to a seed derived from S and the
/// replicate's number, so verbs without their own seed (simulate, split, fit boost …) draw afresh in each
/// replicate and the result is the same for any number of threads. Bindings made inside the block stay
/// inside it.
enum ReplicateVerb {
    static let optionNames = ["threads"]
    /// At most this many replicates.
    static let maxReplicates = 100_000

    static func run(_ ev: inout Evaluator, _ call: VerbCall, _ input: Value?) throws -> Value {
        try ev.checkOptions(call)
        let args = try ev.positional(call)
        guard args.count == 1, let countExpr = args.first?.value else {
            throw Diagnostic(.syntax, "replicate takes the number of replicates", at: call.nameSpan,
                             hint: "replicate 200 seed = 1 { d = simulate exporters n = 500; … }")
        }
        let n = try ev.number(countExpr, what: "the number of replicates")
        guard n >= 1, n <= Double(maxReplicates), n == n.rounded() else {
            throw Diagnostic(.value, "the number of replicates must be a whole number from 1 to 100,000", at: countExpr.span)
        }
        guard let block = call.block else {
            throw Diagnostic(.syntax, "replicate needs a { block } of statements to repeat", at: call.nameSpan,
                             hint: "replicate 100 seed = 1 { d = simulate exporters n = 200; d | summarize m = mean(exported) }")
        }
        let seed = try ev.seed(call)
        var threads = ProcessInfo.processInfo.activeProcessorCount
        if let (v, span) = try ev.option(call, "threads") {
            guard case .scalar(let c) = v, let d = c.doubleValue, d >= 1, d <= 256, d == d.rounded() else {
                throw Diagnostic(.value, "threads must be a whole number from 1 to 256", at: span)
            }
            threads = Int(d)
        }
        let statements = try parse(block)
        let tables = try runAll(Int(n), statements, seed: seed, threads: threads, ev: &ev, at: call.nameSpan)
        return .table(try stack(tables, at: call.nameSpan))
    }

    /// The block's statements (one per line or separated by `;`), positioned in the file.
    static func parse(_ block: RawBlock) throws -> [Statement] {
        // Pad the first line so that columns in diagnostics match the file.
        let padded = String(repeating: " ", count: max(0, block.column - 1)) + block.text
        let (parsed, diagnostics) = Parser.parse(padded, file: block.file, firstLine: block.line, verbs: Verbs.names)
        if let d = diagnostics.first { throw d }
        guard let last = parsed.last else {
            throw Diagnostic(.syntax, "the replicate block is empty", at: SourceSpan(file: block.file, line: block.line, column: block.column, length: 1))
        }
        if case .binding = last.statement {
            throw Diagnostic(.syntax, "a replicate block must end with the table to keep, not a binding", at: last.statement.span,
                             hint: "end with an expression, e.g. estimates s | filter op == \"~\"")
        }
        return parsed.map(\.statement)
    }

    /// The seed of replicate `r` (1-based): a SplitMix64 step from the base seed, kept below 2^53.
    static func seed(base: UInt64, rep: Int) -> UInt64 {
        var z = base &+ UInt64(rep) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) >> 11
    }

    /// Runs every replicate on `threads` kernel threads; results come back in replicate order.
    static func runAll(_ n: Int, _ statements: [Statement], seed: UInt64, threads: Int, ev: inout Evaluator,
                       at span: SourceSpan) throws -> [Table] {
        let work = Work(n: n, statements: statements, env: ev.env, configuration: ev.configuration,
                        cancellation: ev.cancellation, source: ev.source, seed: seed)
        let workers = max(1, min(threads, n))
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            KernelThread.start { work.drain(); done.signal() }
        }
        for _ in 0..<workers { done.wait() }
        try ev.checkCancelled(span)
        var tables: [Table] = []
        for r in 0..<n {
            switch work.results[r] {
            case .success(let t)?: tables.append(t)
            case .failure(let error)?:
                if var d = error as? Diagnostic {
                    d.message = "in replicate \(r + 1): " + d.message
                    throw d
                }
                throw Diagnostic(.runtime, "in replicate \(r + 1): \(error)", at: span)
            case nil: throw Diagnostic(.interrupted, "interrupted", at: span)
            }
        }
        return tables
    }

    /// Stacks the replicates' tables with `rep` first.
    static func stack(_ tables: [Table], at span: SourceSpan) throws -> Table {
        guard let first = tables.first else { return Table(rowCount: 0) }
        var columns: [(String, Column)] = [("rep", .int(TypedColumn(tables.enumerated().flatMap { i, t in
            [Int64](repeating: Int64(i + 1), count: t.rowCount) })))]
        for name in first.columnNames where name != "rep" {
            var cells: [CellValue] = []
            for (i, t) in tables.enumerated() {
                guard let c = t.column(named: name) else {
                    throw Diagnostic(.value, "replicate \(i + 1) gave a table without the column '\(name)' that replicate 1 has", at: span,
                                     hint: "each replicate must end with a table of the same columns")
                }
                cells += (0..<c.count).map { c[$0] }
            }
            columns.append((name, Column.from(cells, type: first.column(named: name)?.type)))
        }
        return try Table(columns)
    }

    /// The shared state of one `replicate`: the next replicate to run and each one's result.
    final class Work: @unchecked Sendable {
        let n: Int
        let statements: [Statement]
        let env: Environment
        let configuration: SessionConfiguration
        let cancellation: CancellationToken
        let source: String
        let seed: UInt64
        private let next = Atomic<Int>(0)
        private let lock = NSLock()
        private(set) var results: [Result<Table, Error>?]

        init(n: Int, statements: [Statement], env: Environment, configuration: SessionConfiguration,
             cancellation: CancellationToken, source: String, seed: UInt64) {
            self.n = n; self.statements = statements; self.env = env; self.configuration = configuration
            self.cancellation = cancellation; self.source = source; self.seed = seed
            results = Array(repeating: nil, count: n)
        }

        /// Takes replicates until none are left (or the run is cancelled or one failed).
        func drain() {
            while !cancellation.isCancelled {
                let r = next.add(1, ordering: .relaxed).oldValue
                guard r < n else { return }
                let result = Result { try runOne(r) }
                lock.lock(); results[r] = result; lock.unlock()
                if case .failure = result { next.store(n, ordering: .relaxed); return }
            }
        }

        private func runOne(_ r: Int) throws -> Table {
            var copy = env
            copy.options.seed = ReplicateVerb.seed(base: seed, rep: r + 1)
            copy.bindings["rep"] = .scalar(.int(Int64(r + 1)))
            var inner = Evaluator(env: copy, configuration: configuration, cancellation: cancellation, source: source)
            var last: Value?
            for s in statements { last = try inner.run(s) }
            guard case .table(let t)? = last else {
                throw Diagnostic(.type, "a replicate block must end with a table, but it ends with \(last?.kindPhrase ?? "nothing")",
                                 at: statements.last?.span, hint: "end with, e.g., estimates s | filter op == \"~\" or d | summarize m = mean(x)")
            }
            return t
        }
    }
}
