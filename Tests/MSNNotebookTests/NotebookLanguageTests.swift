import Foundation
import MSNKernel
import MSNNotebook
import Testing

/// `language: id` in the front matter renders the whole notebook in Bahasa Indonesia.
@Test func frontMatterLanguageRendersTheNotebookInIndonesian() throws {
    let text = """
    ---
    title: Uji
    language: id
    params:
      k: 2
    ---

    # Satu

    ```msnb {name=typo, error=expected}
    nope + 1
    ```

    ## Dua

    ```msnb {name=value}
    set locale "id"
    k / 4
    ```

    """
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("msnb-nb-id-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let doc = try NotebookDocument.parse(text, file: "uji.msnb")
    let run = try NotebookRunner.run(doc, at: dir.appendingPathComponent("uji.msnb"), options: RunOptions(outDirectory: dir))
    #expect(run.succeeded)
    #expect(run.options.language == "id")
    let md = NotebookRendering.render(run, format: .md)
    #expect(md.contains("galat: nama 'nope' tidak dikenal"))
    #expect(md.contains("= petunjuk: ikat terlebih dahulu, misalnya nope = load \"file.csv\"") || md.contains("ikat terlebih dahulu, misalnya nope = load \"file.csv\""))
    let html = NotebookHTML.render(run, generator: "msnb test")
    #expect(html.contains("<html lang=\"id\">"))
    #expect(html.contains("<strong>Daftar isi</strong>"))
    #expect(html.contains("Parameter: <code>k = 2</code>"))
    #expect(html.contains("Dibuat dengan msnb test dengan parameter <code>k = 2</code>."))
    #expect(html.contains("<summary>sel 2 (value)</summary>"))
    // English notebooks are unchanged.
    let en = try NotebookRunner.run(try NotebookDocument.parse(text.replacingOccurrences(of: "language: id\n", with: ""), file: "uji.msnb"),
                                    at: dir.appendingPathComponent("uji.msnb"), options: RunOptions(outDirectory: dir))
    #expect(NotebookRendering.render(en, format: .md).contains("error: unknown name 'nope'"))
    #expect(NotebookHTML.render(en, generator: "msnb test").contains("<summary>cell 2 (value)</summary>"))
}
