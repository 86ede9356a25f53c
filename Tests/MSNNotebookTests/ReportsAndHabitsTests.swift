import Foundation
@testable import MSNNotebook
import MSNKernel
import Testing

private func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-reports-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

@Test func frontMatterIsRealYAML() throws {
    let text = """
    ---
    title: "Exporters: a study"   # a comment
    author: [A, B]
    params: {seed: 42, region: Java, share: 0.5, quoted: "7", flag: yes, on: true}
    ---
    ```msnb
    seed
    ```
    """
    let doc = try NotebookDocument.parse(text, file: "y.msnb")
    #expect(doc.frontMatter.title == "Exporters: a study")
    let p = Dictionary(uniqueKeysWithValues: doc.frontMatter.params.map { ($0.name, $0.value) })
    #expect(p["seed"] == .int(42) && p["region"] == .string("Java") && p["share"] == .float(0.5))
    #expect(p["quoted"] == .string("7"))          // a quoted number stays text
    #expect(p["on"] == .bool(true))
    #expect(doc.frontMatter.params.map(\.name) == ["seed", "region", "share", "quoted", "flag", "on"])
    // Block style with comments and a list-valued key elsewhere.
    let block = try NotebookDocument.parse("---\ntitle: t\nparams:\n  # the seed\n  seed: 7\n  label: 'a b'\nlanguage: id\n---\n", file: "b.msnb")
    #expect(block.frontMatter.params.map(\.value) == [.int(7), .string("a b")])
    #expect(block.frontMatter.language == "id")
}

@Test func badYAMLNamesTheFileLine() {
    #expect(throws: NotebookError.format(file: "b.msnb", line: 4, message: "the front matter is not valid YAML: mapping values are not allowed in this context")) {
        try NotebookDocument.parse("---\ntitle: t\nparams:\n  seed: 7: 8\n---\n", file: "b.msnb")
    }
    #expect(throws: NotebookError.format(file: "b.msnb", line: 4, message: "parameter 'xs' must be a number, a string or true/false, not a list or mapping")) {
        try NotebookDocument.parse("---\ntitle: t\nparams:\n  xs: [1, 2]\n---\n", file: "b.msnb")
    }
    #expect(throws: NotebookError.format(file: "b.msnb", line: 3, message: "parameter 'k' needs a default value")) {
        try NotebookDocument.parse("---\nparams:\n  k:\n---\n", file: "b.msnb")
    }
}

@Test func quartoFencesAndHashPipeOptions() throws {
    let text = """
    # Q

    ```{msnb}
    #| label: setup
    #| echo: false
    #| fig-cap: "ignored"
    x = 1
    ```

    ```{msnb}
    #| error: true
    y = nope
    ```

    ```msnb {name=b}
    x + 1
    ```
    """
    let doc = try NotebookDocument.parse(text, file: "q.msnb")
    #expect(doc.cells.count == 3)
    #expect(doc.cells[0].name == "setup" && !doc.cells[0].echo && doc.cells[0].code == "x = 1" && doc.cells[0].firstLine == 7)
    #expect(doc.cells[1].expectsError && doc.cells[1].code == "y = nope")
    #expect(doc.warnings == ["q.msnb:6: cell option '#| fig-cap' is not used by msnb (it knows echo, eval, label, error, exercise, check and points); ignored"])
    #expect(throws: NotebookError.format(file: "q.msnb", line: 2, message: "#| echo: takes true or false")) {
        try NotebookDocument.parse("```{msnb}\n#| echo: maybe\nx = 1\n```\n", file: "q.msnb")
    }
    let run = try NotebookRunner.run(doc, at: try scratch().appendingPathComponent("q.msnb"), options: RunOptions(outDirectory: try scratch()))
    #expect(run.succeeded)
}

@Test func htmlReportIsSelfContained() throws {
    let text = """
    ---
    title: A <small> report
    params:
      k: 3
    ---
    # First part

    Some *prose* with a [link](https://example.org) and a table:

    | a | b |
    |---|---|
    | 1 | 2 |

    ## Second part

    ```msnb
    t = load "data/HolzingerSwineford1939.csv" | head 3 | select id, school, x1
    t
    ```

    ```msnb {error=expected}
    t | filter nope > 1
    ```
    """
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let doc = try NotebookDocument.parse(text, file: "r.msnb")
    var options = RunOptions(outDirectory: try scratch())
    options.parameters = [("k", "5")]
    let run = try NotebookRunner.run(doc, at: root.appendingPathComponent("Notebooks/r.msnb"), options: options)
    #expect(run.succeeded)
    let html = NotebookHTML.render(run, generator: "msnb test")
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("<title>A &lt;small&gt; report</title>"))
    #expect(html.contains("<h1 id=\"first-part\">First part</h1>") && html.contains("<h2 id=\"second-part\">Second part</h2>"))
    #expect(html.contains("<li class=\"toc-1\"><a href=\"#first-part\">First part</a></li>"))
    #expect(html.contains("<em>prose</em>") && html.contains("<a href=\"https://example.org\">link</a>"))
    #expect(html.contains("<th>a</th>"))    // a GFM table in the prose
    #expect(html.contains("<details open><summary>cell 1</summary>"))
    #expect(html.contains("<th class=\"num\" title=\"float\">x1</th>"))
    #expect(html.contains("<pre class=\"msnb-error\">"))
    #expect(html.contains("Parameters: <code>k = 5</code>"))
    #expect(html.contains("@media (prefers-color-scheme: dark)") && html.contains("@media print"))
    #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("<link"))
    #expect(!html.contains("title: A"))   // the front matter is in the header, not the prose
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func commandLineFormatsParametersAndFolders() throws {
    let dir = try scratch()
    let nb = dir.appendingPathComponent("a.msnb")
    try "---\nparams:\n  k: 2\n  region: Java\n---\n# A\n\n```msnb\nk * 10\nregion\n```\n".write(to: nb, atomically: true, encoding: .utf8)
    try "---\ntitle: B\n---\n```msnb\n1 + 1\n```\n".write(to: dir.appendingPathComponent("b.msnb"), atomically: true, encoding: .utf8)
    let out = dir.appendingPathComponent("out")
    let r = try runMSNB(["run", nb.path, "--out", out.path, "-p", "k", "7", "-p", "region", "Bali", "--format", "md", "--format", "html"])
    #expect(r.status == 0, "\(r.err)")
    let md = try String(contentsOf: out.appendingPathComponent("a.md"), encoding: .utf8)
    #expect(md.contains("```\n70\n```") && md.contains("Bali"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a.html").path))
    try "k: 4   # from a file\n".write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    let all = try runMSNB(["run", nb.path, "--out", out.path, "--param-file", dir.appendingPathComponent("p.yaml").path, "--format", "all"])
    #expect(all.status == 0)
    #expect(try String(contentsOf: out.appendingPathComponent("a.txt"), encoding: .utf8).contains("40"))
    let odd = try runMSNB(["run", nb.path, "-p", "k"])
    #expect(odd.status == 2 && odd.err.contains("-p takes a name and a value"))
    let badFormat = try runMSNB(["run", nb.path, "--format", "pdf"])
    #expect(badFormat.status == 2 && badFormat.err.contains("--format is md, txt, html or all"))
    // A folder: every notebook, a line each, and a summary.
    let folder = try runMSNB(["run", dir.path, "--out", dir.appendingPathComponent("fo").path])
    #expect(folder.status == 0, "\(folder.err)")
    #expect(folder.out.contains("ok     \(dir.path)/a.msnb") && folder.out.contains("2 of 2 notebooks ran"))
    try "```msnb\nnope\n```\n".write(to: dir.appendingPathComponent("c.msnb"), atomically: true, encoding: .utf8)
    let failing = try runMSNB(["run", dir.path, "--out", dir.appendingPathComponent("fo").path])
    #expect(failing.status == 1 && failing.out.contains("FAILED \(dir.path)/c.msnb") && failing.out.contains("2 of 3 notebooks ran; failed:"))
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func aCopiedBinaryCarriesItsStandardLibraryAndVersion() throws {
    let dir = try scratch()
    let copy = dir.appendingPathComponent("msnb")
    try FileManager.default.copyItem(at: msnbBinary, to: copy)
    let p = Process()
    p.executableURL = copy
    p.currentDirectoryURL = dir
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "MSNB_STDLIB")
    p.environment = env
    let input = Pipe(), output = Pipe(), err = Pipe()
    p.standardInput = input; p.standardOutput = output; p.standardError = err
    try p.run()
    input.fileHandleForWriting.write(Data("use likert\ncentre5(5)\nreverse_likert(2, 5)\n".utf8))
    try input.fileHandleForWriting.close()
    let o = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(!e.contains("cannot find the standard library"), "\(e)")
    #expect(o == "2\n4\n", "\(o)")
    let v = try runMSNB(["--version"])
    #expect(v.status == 0 && v.out.range(of: #"^\d+\.\d+\.\d+( \([0-9a-f]{12}\))?\n$"#, options: .regularExpression) != nil, "\(v.out)")
}
