import Foundation
import Testing

/// Figures in notebooks through the real binary: the Markdown links `NB_files/cell-N-K.svg`, the files are
/// written beside it, the text format shows the sketch, and `check` compares the SVG text too.
@Test(.enabled(if: FileManager.default.fileExists(atPath: msnbBinary.path)))
func notebookFiguresAreFilesThatCheckCompares() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-nbfig-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "g,v\na,1\nb,3\nb,2\n".write(to: dir.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
    try """
    # Figures

    ```msnb {name=bars}
    d = load "d.csv"
    d | plot bar g
    d | plot histogram v with bins = 2
    ```

    """.write(to: dir.appendingPathComponent("nb.msnb"), atomically: true, encoding: .utf8)
    let nb = dir.appendingPathComponent("nb.msnb").path
    let run = try runMSNB(["run", nb, "--out", dir.path])
    #expect(run.status == 0, "\(run.err)")
    let md = try String(contentsOf: dir.appendingPathComponent("nb.md"), encoding: .utf8)
    #expect(md.contains("![count by g](nb_files/cell-1-1.svg)") && md.contains("![Distribution of v](nb_files/cell-1-2.svg)"))
    let svg = dir.appendingPathComponent("nb_files/cell-1-2.svg")
    let text = try String(contentsOf: svg, encoding: .utf8)
    #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && text.contains("in 2 bins"))
    #expect(try runMSNB(["check", nb]).status == 0)
    // A changed figure fails the check and names the file.
    try text.replacingOccurrences(of: "in 2 bins", with: "in 3 bins").write(to: svg, atomically: true, encoding: .utf8)
    let drift = try runMSNB(["check", nb])
    #expect(drift.status == 1 && drift.err.contains("figure nb_files/cell-1-2.svg differs") && drift.err.contains("+"))
    // A missing figure too.
    try FileManager.default.removeItem(at: svg)
    #expect(try runMSNB(["check", nb]).err.contains("nb_files/cell-1-2.svg is not committed"))
    // The text format shows the sketch and names the file.
    _ = try runMSNB(["run", nb, "--out", dir.appendingPathComponent("txt").path, "--format", "txt"])
    let txt = try String(contentsOf: dir.appendingPathComponent("txt/nb.txt"), encoding: .utf8)
    #expect(txt.contains("b │") && txt.contains("svg: nb_files/cell-1-1.svg"))
}
