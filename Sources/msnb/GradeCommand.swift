import ArgumentParser
import Foundation
import MSNNotebook
import MSNTable

/// `msnb grade LAB.msnb [--key KEY.msnb] [--format json]`: runs a student's copy of a lab and prints a
/// score per question and the total; `--student-copy OUT` writes a blank copy of a key instead.
/// Exit status: 0 full marks, 1 fewer, 2 a usage or I/O error.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grade",
        abstract: "Grade a student's copy of a lab: a score per question and a total (exit 0 only for full marks).")

    @Argument(help: "The student's copy of the lab (or, with --student-copy, the key).")
    var file: String

    @Option(name: .long, help: "The answer key: its checks, points and prose are used, with the student's exercise cells.")
    var key: String?

    @Option(name: .long, help: "text (default) or json.")
    var format: String = "text"

    @Option(name: .long, help: "Write a student's copy of FILE (exercise cells keep only their comments) to this path, and grade nothing.")
    var studentCopy: String?

    @OptionGroup var parameters: ParameterOptions

    mutating func run() throws {
        if let studentCopy {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { printError("error: cannot read \(file)"); throw ExitCode(2) }
            do {
                try AtomicFile.write(try LabGrader.studentCopy(of: text, file: (file as NSString).lastPathComponent), to: studentCopy)
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
            print("wrote \(studentCopy)")
            return
        }
        guard format == "text" || format == "json" else { printError("error: --format takes text or json"); throw ExitCode(2) }
        guard let overrides = parameters.overrides() else { throw ExitCode(2) }
        guard let student = NotebookCommandSupport.load(file) else { throw ExitCode(2) }
        var keyDoc: (NotebookDocument, URL)?
        if let key {
            guard let k = NotebookCommandSupport.load(key) else { throw ExitCode(2) }
            keyDoc = (k, URL(fileURLWithPath: key))
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-grade-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var options = RunOptions(outDirectory: scratch)
        options.parameters = overrides
        let grade: LabGrade
        do {
            grade = try LabGrader.grade(student: student, studentURL: URL(fileURLWithPath: file), key: keyDoc, options: options)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        guard !grade.questions.isEmpty else {
            printError("error: \(file) has no check cells (```msnb {check=q1}); nothing to grade")
            throw ExitCode(2)
        }
        print(format == "json" ? LabGrader.json(grade) : LabGrader.text(grade), terminator: format == "json" ? "\n" : "")
        if grade.score < grade.total { throw ExitCode(1) }
    }
}
