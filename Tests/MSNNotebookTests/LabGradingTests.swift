import Foundation
import MSNKernel
import MSNNotebook
import Testing

/// Issue 22: gradable labs — exercise and check cells, `msnb grade`, and exercise cells that are not drift.

private let key = """
---
title: Mini lab
---

# Mini lab

```msnb {name=data}
firms = simulate exporters n = 200 seed = 5
```

## Q1

```msnb {exercise=q1}
# Bind `n_exporters` to the number of exporters in `firms`.
n_exporters = firms | summarize n = sum(exported)
```

```msnb {check=q1, points=2}
expect n_exporters == (firms | summarize n = sum(exported)) with message = "count the exporters with sum(exported)"
```

## Q2

```msnb {exercise=q2}
# Bind `clean` to the firms with a known sentiment score.
clean = firms | drop nulls sentiment
```

```msnb {check=q2}
expect nrow(clean) < nrow(firms)
clean | expect all(sentiment is not null)
```

"""

private func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-lab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// The key: its check compares the student's binding with the count it computes from the data.
private let simpleKey = key
private func grade(_ studentText: String, key keyText: String?) throws -> LabGrade {
    let dir = try scratch()
    let studentURL = dir.appendingPathComponent("student.msnb")
    try studentText.write(to: studentURL, atomically: true, encoding: .utf8)
    let student = try NotebookDocument.parse(studentText, file: "student.msnb")
    let keyDoc = try keyText.map { (try NotebookDocument.parse($0, file: "key.msnb"), dir.appendingPathComponent("key.msnb")) }
    return try LabGrader.grade(student: student, studentURL: studentURL, key: keyDoc, options: RunOptions(outDirectory: dir))
}

@Test func cellsCarryTheirLabRoles() throws {
    let doc = try NotebookDocument.parse(simpleKey, file: "k.msnb")
    #expect(doc.cells.map(\.exercise) == [nil, "q1", nil, "q2", nil])
    #expect(doc.cells.map(\.check) == [nil, nil, "q1", nil, "q2"])
    #expect(doc.cells[2].points == 2 && doc.cells[4].points == 1)
    let quarto = try NotebookDocument.parse("```{msnb}\n#| exercise: q3\n#| points: 1.5\nx = 1\n```\n", file: "q.msnb")
    #expect(quarto.cells[0].exercise == "q3" && quarto.cells[0].points == 1.5 && quarto.cells[0].code == "x = 1")
    #expect(throws: NotebookError.self) { try NotebookDocument.parse("```msnb {points=-1}\n1\n```\n", file: "p.msnb") }
}

@Test func theKeyScoresFullMarksAnUntouchedCopyZeroAndAPartlyRightCopyPartly() throws {
    let full = try grade(simpleKey, key: nil)
    #expect(full.questions.map(\.id) == ["q1", "q2"])
    #expect(full.score == 3 && full.total == 3)
    // The student's copy: exercise cells keep only their task comments.
    let blank = try LabGrader.studentCopy(of: simpleKey, file: "k.msnb")
    #expect(blank.contains("# Bind `n_exporters` to the number of exporters in `firms`.\n# your answer here\n```"))
    #expect(!blank.contains("n_exporters = firms"))
    let untouched = try grade(blank, key: simpleKey)
    #expect(untouched.score == 0 && untouched.total == 3)
    #expect(untouched.questions[0].checks[0].message?.contains("unknown name 'n_exporters'") == true)
    // Q2 right, Q1 wrong (counts firms instead of exporters): 1 of 3.
    let partly = blank
        .replacingOccurrences(of: "# Bind `clean` to the firms with a known sentiment score.\n# your answer here",
                              with: "clean = firms | filter sentiment is not null")
        .replacingOccurrences(of: "# Bind `n_exporters` to the number of exporters in `firms`.\n# your answer here",
                              with: "n_exporters = firms | summarize n = count()")
    let p = try grade(partly, key: simpleKey)
    #expect(p.questions.map(\.score) == [0, 1] && p.score == 1)
    #expect(p.questions[0].checks[0].message?.hasPrefix("expectation failed: n_exporters == (firms | summarize …)") == true)
    // A student who weakens the checks in their copy gains nothing: the key's checks are run.
    let cheat = partly.replacingOccurrences(of: "expect n_exporters == (firms | summarize n = sum(exported))", with: "expect 1 == 1")
    #expect(try grade(cheat, key: simpleKey).score == 1)
}

@Test func gradeJSONHasTheDocumentedShape() throws {
    let g = try grade(simpleKey, key: nil)
    let json = LabGrader.json(g)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect(object?["score"] as? Double == 3 && object?["total"] as? Double == 3)
    #expect(object?["file"] as? String == "student.msnb")
    let questions = object?["questions"] as? [[String: Any]]
    #expect(questions?.map { $0["id"] as? String } == ["q1", "q2"])
    let check = (questions?.first?["checks"] as? [[String: Any]])?.first
    #expect(check?["cell"] as? Int == 3 && check?["passed"] as? Bool == true && check?["points"] as? Double == 2)
    #expect(check?["message"] is NSNull)
    #expect(LabGrader.text(g) == "student.msnb\n  q1       2 / 2\n  q2       1 / 1\n  total    3 / 3\n")
}

@Test func anEditedExerciseCellIsNotDrift() {
    let committed = "intro\n<!-- msnb cell 1 -->\n```msnb {exercise=q1}\nx = 1\n```\n<!-- msnb cell 2 -->\n```msnb\nx\n```\n"
    let edited = committed.replacingOccurrences(of: "x = 1", with: "x = 0 + 1")
    #expect(NotebookCheck.compare(expected: committed, actual: edited, file: "l.msnb", format: .md, ignoring: [1]) == nil)
    #expect(NotebookCheck.compare(expected: committed, actual: edited, file: "l.msnb", format: .md) != nil)
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func gradeCommandExitCodesAndFormats() throws {
    let dir = try scratch()
    let k = dir.appendingPathComponent("key.msnb"), s = dir.appendingPathComponent("me.msnb")
    try simpleKey.write(to: k, atomically: true, encoding: .utf8)
    let full = try runMSNB(["grade", k.path])
    #expect(full.status == 0 && full.out.hasSuffix("  total    3 / 3\n"))
    #expect(try runMSNB(["grade", k.path, "--student-copy", s.path]).status == 0)
    let zero = try runMSNB(["grade", s.path, "--key", k.path, "--format", "json"])
    #expect(zero.status == 1 && zero.out.contains("\"score\" : 0"))
    #expect(try runMSNB(["grade", k.path, "--format", "xml"]).status == 2)
}
