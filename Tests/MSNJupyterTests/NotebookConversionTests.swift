import Foundation
import MSNNotebook
import Testing
@testable import MSNJupyter

/// `.msnb` ⇄ `.ipynb`: cells, prose and parameters survive the round trip.
struct NotebookConversionTests {
    static let text = """
    ---
    title: Round trip
    params:
      min_age: 13
      school: "Pasteur"
    ---

    # Heading

    Some prose.

    ```msnb {name=load}
    hs = load "data/x.csv"
    hs | head 3
    ```

    More prose with `code`.

    ```msnb {name=typo, error=expected}
    hs | filter agyr > 12
    ```

    ```msnb
    x = 1
    ```

    """

    @Test func msnbToIpynbAndBackIsExact() throws {
        let doc = try NotebookDocument.parse(Self.text, file: "rt.msnb")
        let nb = NotebookConversion.ipynb(from: doc)
        #expect(nb["nbformat"] as? Int == 4 && nb["nbformat_minor"] as? Int == 5)
        let cells = nb["cells"] as? [JSONObject] ?? []
        #expect(cells.map { $0["cell_type"] as? String ?? "" } == ["code", "markdown", "code", "markdown", "code", "code"])
        let params = cells[0]
        #expect((params["metadata"] as? JSONObject)?["tags"] as? [String] == ["parameters"])
        #expect(NotebookConversion.sourceText(params["source"]) == "min_age = 13\nschool = \"Pasteur\"")
        #expect(((cells[4]["metadata"] as? JSONObject)?["tags"] as? [String]) == ["raises-exception"])
        #expect(Set(cells.compactMap { $0["id"] as? String }).count == cells.count)
        // Through JSON text, as a file would go.
        let data = try JSONSerialization.data(withJSONObject: nb)
        let reread = try JSONSerialization.jsonObject(with: data) as? JSONObject ?? [:]
        #expect(try NotebookConversion.msnb(from: reread) == Self.text)
    }

    @Test func aForeignNotebookGetsFrontMatterFromItsParametersCell() throws {
        let nb: JSONObject = ["nbformat": 4, "nbformat_minor": 5, "metadata": [String: Any](), "cells": [
            ["cell_type": "code", "metadata": ["tags": ["parameters"]], "source": ["n = 5\n", "# a comment\n", "label = \"a\""]],
            ["cell_type": "code", "metadata": ["tags": ["injected-parameters"]], "source": "n = 7"],
            ["cell_type": "markdown", "metadata": [String: Any](), "source": "Text"],
            ["cell_type": "code", "metadata": ["tags": ["raises-exception"]], "source": "nope"],
        ]]
        let text = try NotebookConversion.msnb(from: nb)
        #expect(text == "---\nparams:\n  n: 5\n  label: \"a\"\n---\n\nText\n\n```msnb {error=expected}\nnope\n```\n")
        let doc = try NotebookDocument.parse(text, file: "f.msnb")
        #expect(doc.frontMatter.params.map(\.name) == ["n", "label"])
        #expect(doc.cells.map(\.expectsError) == [true])
    }
}
