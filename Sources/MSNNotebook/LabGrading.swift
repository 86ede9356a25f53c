import Foundation
import MSNKernel

/// One check cell's outcome in a graded lab.
public struct CheckOutcome: Sendable, Equatable {
    /// The check cell's number.
    public var cell: Int
    /// Whether it ran without error (every `expect` held).
    public var passed: Bool
    /// Points it carries.
    public var points: Double
    /// The error's message when it failed.
    public var message: String?
}

/// One question's score.
public struct QuestionScore: Sendable, Equatable {
    /// The question's id (`q1`).
    public var id: String
    /// Points earned.
    public var score: Double
    /// Points possible.
    public var points: Double
    /// Its check cells.
    public var checks: [CheckOutcome]
}

/// A graded lab: a score per question and the total.
public struct LabGrade: Sendable, Equatable {
    /// The notebook graded.
    public var file: String
    /// Questions in the order of their first check cell.
    public var questions: [QuestionScore]
    /// Points earned.
    public var score: Double { questions.reduce(0) { $0 + $1.score } }
    /// Points possible.
    public var total: Double { questions.reduce(0) { $0 + $1.points } }
}

/// Gradable labs (docs/notebooks.md): exercise cells (`exercise=q1`) that students write, and check cells
/// (`check=q1`, `points=2`) whose `expect`s test the student's own bindings.
public enum LabGrader {
    /// The key with each exercise cell's code replaced by the student's version of that exercise (matched
    /// by question id and order); an exercise the student's copy lacks becomes empty. The checks, points
    /// and prose come from the key, so a student cannot grade against weakened checks.
    public static func merge(student: NotebookDocument, key: NotebookDocument) -> NotebookDocument {
        var answers: [String: [NotebookCell]] = [:]
        for c in student.cells { if let q = c.exercise { answers[q, default: []].append(c) } }
        var used: [String: Int] = [:]
        var merged = key
        merged.file = student.file
        merged.segments = key.segments.map { segment in
            guard case .cell(var c) = segment, let q = c.exercise else { return segment }
            let k = used[q, default: 0]
            used[q] = k + 1
            if let list = answers[q], k < list.count {
                c.code = list[k].code
                c.firstLine = list[k].firstLine
            } else {
                c.code = ""
            }
            return .cell(c)
        }
        return merged
    }

    /// Runs a student's copy (with the key's checks when `key` is given; files are read relative to the
    /// key then) to the end, failures and all, and scores it.
    public static func grade(student: NotebookDocument, studentURL: URL, key: (NotebookDocument, URL)?,
                             options: RunOptions) throws -> LabGrade {
        var o = options
        o.keepGoing = true
        let doc = key.map { merge(student: student, key: $0.0) } ?? student
        let run = try NotebookRunner.run(doc, at: key?.1 ?? studentURL, options: o)
        return grade(run)
    }

    /// Scores a run: a check cell earns its points when it ran without error and every exercise cell of
    /// its question ran without error.
    public static func grade(_ run: NotebookRun) -> LabGrade {
        var failedExercises = Set<String>()
        for r in run.results where r.cell.exercise != nil && !r.ok { failedExercises.insert(r.cell.exercise ?? "") }
        let results = Dictionary(run.results.map { ($0.cell.number, $0) }, uniquingKeysWith: { a, _ in a })
        var order: [String] = []
        var checks: [String: [CheckOutcome]] = [:]
        for cell in run.document.cells {
            guard let q = cell.check else { continue }
            if checks[q] == nil { order.append(q) }
            let r = results[cell.number]
            let passed = (r?.ok ?? false) && !failedExercises.contains(q)
            var message: String? = nil
            if !passed {
                message = r.flatMap { errorMessage($0) }
                    ?? (r == nil ? "not reached" : "the exercise cell of \(q) failed")
            }
            checks[q, default: []].append(CheckOutcome(cell: cell.number, passed: passed, points: cell.points, message: message))
        }
        let questions = order.map { q in
            let list = checks[q] ?? []
            return QuestionScore(id: q, score: list.filter(\.passed).reduce(0) { $0 + $1.points },
                                 points: list.reduce(0) { $0 + $1.points }, checks: list)
        }
        return LabGrade(file: run.document.file, questions: questions)
    }

    private static func errorMessage(_ r: CellResult) -> String? {
        for o in r.outputs.reversed() { if case .error(let d, _) = o { return d.message } }
        return r.problem
    }

    /// A student's copy of a key: each exercise cell keeps its fence, its `#|` options and its leading
    /// `#` comment lines (the task), and loses the answer.
    public static func studentCopy(of keyText: String, file: String) throws -> String {
        let doc = try NotebookDocument.parse(keyText, file: file)
        var lines = keyText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // From the last cell backwards, so earlier line numbers stay valid.
        for cell in doc.cells.reversed() where cell.exercise != nil {
            let codeLines = cell.code.isEmpty ? 0 : cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
            let start = cell.firstLine - 1
            guard start >= 0, start + codeLines <= lines.count else { continue }
            let code = Array(lines[start..<(start + codeLines)])
            var kept = Array(code.prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") })
            kept.append("# your answer here")
            lines.replaceSubrange(start..<(start + codeLines), with: kept)
        }
        return lines.joined(separator: "\n")
    }

    /// The grade as text: a line per question and the total.
    public static func text(_ g: LabGrade) -> String {
        var out = "\(g.file)\n"
        for q in g.questions {
            out += "  \(q.id.padding(toLength: 8, withPad: " ", startingAt: 0)) \(number(q.score)) / \(number(q.points))"
            if let m = q.checks.first(where: { !$0.passed })?.message { out += "   \(m)" }
            out += "\n"
        }
        out += "  total    \(number(g.score)) / \(number(g.total))\n"
        return out
    }

    /// The grade as JSON for a course's grading system:
    /// `{"file", "score", "total", "questions": [{"id", "score", "points", "checks": [{"cell", "passed", "points", "message"}]}]}`.
    public static func json(_ g: LabGrade) -> String {
        let questions: [[String: Any]] = g.questions.map { q in
            ["id": q.id, "score": q.score, "points": q.points,
             "checks": q.checks.map { c -> [String: Any] in
                 var d: [String: Any] = ["cell": c.cell, "passed": c.passed, "points": c.points]
                 d["message"] = c.message ?? NSNull()
                 return d
             }]
        }
        let object: [String: Any] = ["file": g.file, "score": g.score, "total": g.total, "questions": questions]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func number(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
}
