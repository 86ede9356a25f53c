import Foundation
import MSNKernel
import Testing
@testable import MSNNotebook

private let sample = """
---
title: "Lab 1"
params:
  seed: 7
  rate: 0.5
  region: Java
  verbose: false
---

# Intro with `inline code` and a ``` inside text

```python
print("not a cell")
```

````markdown
```msnb
also not a cell: inside a four-backtick block
```
````

```msnb {name=first, echo=false}
x = seed + 1
x
```

Prose between.

```msnb {error=expected}
y = nope
```
"""

@Test func parsesFrontMatterCellsAndProse() throws {
    let doc = try NotebookDocument.parse(sample, file: "lab.msnb")
    #expect(doc.frontMatter.title == "Lab 1")
    #expect(doc.frontMatter.params.map(\.name) == ["seed", "rate", "region", "verbose"])
    #expect(doc.frontMatter.params.map(\.value) == [.int(7), .float(0.5), .string("Java"), .bool(false)])
    #expect(doc.cells.count == 2)
    #expect(doc.cells[0].name == "first" && doc.cells[0].echo == false && doc.cells[0].firstLine == 23)
    #expect(doc.cells[0].code == "x = seed + 1\nx")
    #expect(doc.cells[1].expectsError && doc.cells[1].firstLine == 30)
    // Prose, including other languages' fences, is kept verbatim.
    guard case .prose(let p) = doc.segments[0] else { Issue.record("prose first"); return }
    #expect(p.contains("print(\"not a cell\")") && p.contains("also not a cell"))
}

@Test func formatErrorsHaveLines() {
    #expect(throws: NotebookError.format(file: "b.msnb", line: 3, message: "the code cell opened here is never closed with ```")) {
        try NotebookDocument.parse("# t\n\n```msnb\nx = 1\n", file: "b.msnb")
    }
    #expect(throws: NotebookError.format(file: "b.msnb", line: 1, message: "unknown cell option 'colour'; options are name, echo, eval, error, exercise, check and points")) {
        try NotebookDocument.parse("```msnb {colour=red}\nx\n```\n", file: "b.msnb")
    }
}

@Test func parametersKeepTypesAndRejectUnknownNames() throws {
    let doc = try NotebookDocument.parse(sample, file: "lab.msnb")
    let p = try NotebookRunner.resolveParameters(doc.frontMatter, overrides: [("seed", "9"), ("region", "Bali")])
    #expect(p.map(\.1) == [.int(9), .float(0.5), .string("Bali"), .bool(false)])
    #expect(throws: NotebookError.parameter("parameter 'seed' is a whole number; 'x' is not")) {
        try NotebookRunner.resolveParameters(doc.frontMatter, overrides: [("seed", "x")])
    }
    #expect(throws: NotebookError.parameter("unknown parameter 'sed'; the notebook's parameters are: seed, rate, region, verbose")) {
        try NotebookRunner.resolveParameters(doc.frontMatter, overrides: [("sed", "1")])
    }
}

private func tempDir() -> URL {
    let u = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-nb-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
    return u
}

@Test func runsCellsInOneSessionWithExpectedErrors() throws {
    let dir = tempDir()
    let doc = try NotebookDocument.parse(sample, file: "lab.msnb")
    var options = RunOptions(outDirectory: dir.appendingPathComponent("out"))
    options.parameters = [("seed", "41")]
    let run = try NotebookRunner.run(doc, at: dir.appendingPathComponent("lab.msnb"), options: options)
    #expect(run.succeeded)
    guard case .text(let x)? = run.results[0].outputs.last else { Issue.record("text"); return }
    #expect(x == "42")
    let md = NotebookRendering.render(run, format: .md)
    #expect(!md.contains("x = seed + 1"))          // echo=false hides the code
    #expect(md.contains("error: unknown name 'nope'"))
    #expect(md.contains("--> lab.msnb:30:5"))        // positions are lines of the .msnb file
}

@Test func failingCellNamesFileLine() throws {
    let text = "# T\n\n```msnb {name=ok}\na = 1\n```\n\n```msnb {name=bad}\nb = a +\n  nope\n```\n"
    let dir = tempDir()
    let doc = try NotebookDocument.parse(text, file: "t.msnb")
    let run = try NotebookRunner.run(doc, at: dir.appendingPathComponent("t.msnb"), options: RunOptions(outDirectory: dir))
    #expect(!run.succeeded)
    let problem = run.results.last?.problem ?? ""
    #expect(problem.hasPrefix("t.msnb:9: cell 2 (bad) failed\nerror: unknown name 'nope'"))
}

@Test func expectedErrorThatSucceedsFailsTheRun() throws {
    let doc = try NotebookDocument.parse("```msnb {error=expected}\nx = 1\n```\n", file: "e.msnb")
    let dir = tempDir()
    let run = try NotebookRunner.run(doc, at: dir.appendingPathComponent("e.msnb"), options: RunOptions(outDirectory: dir))
    #expect(!run.succeeded)
    #expect(run.results[0].problem == "cell 1 was expected to fail (error=expected) but succeeded")
}

@Test func checkDetectsAChangedNumber() throws {
    let text = "```msnb\nx = 2 * 21\nx\n```\n"
    let dir = tempDir()
    let doc = try NotebookDocument.parse(text, file: "c.msnb")
    let run = try NotebookRunner.run(doc, at: dir.appendingPathComponent("c.msnb"), options: RunOptions(outDirectory: dir))
    let committed = NotebookRendering.render(run, format: .md)
    #expect(NotebookCheck.compare(expected: committed, actual: committed, file: "c.msnb", format: .md) == nil)
    let drifted = committed.replacingOccurrences(of: "42", with: "43")
    let report = NotebookCheck.compare(expected: drifted, actual: committed, file: "c.msnb", format: .md) ?? ""
    #expect(report.hasPrefix("c.msnb: the rendering differs in cell 1\n--- committed\n+++ fresh run\n"))
    #expect(report.contains("\n-43\n+42\n"))
}

@Test func renderingHasNoTimingsUnlessAsked() throws {
    let doc = try NotebookDocument.parse("```msnb\n1 + 1\n```\n", file: "r.msnb")
    let dir = tempDir()
    let run = try NotebookRunner.run(doc, at: dir.appendingPathComponent("r.msnb"), options: RunOptions(outDirectory: dir))
    #expect(!NotebookRendering.render(run, format: .md).contains(" s*"))
    #expect(NotebookRendering.render(run, format: .md, timings: true).contains(" s*"))
    #expect(NotebookRendering.render(run, format: .txt).contains("──── cell 1 ────"))
}
