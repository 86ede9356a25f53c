import Foundation
import Yams

/// A `--param-file params.yaml`: a YAML mapping of parameter names to scalar values. Values are
/// returned as text and converted to each parameter's type like `--param` values.
public enum ParameterFile {
    /// The name–value pairs of the file at `path`, in file order.
    public static func read(_ path: String) throws -> [(String, String)] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw NotebookError.io("cannot read the parameter file \(path)") }
        let fm = try FrontMatter.parse(yaml: "params:\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"),
                                       firstLine: 0, file: (path as NSString).lastPathComponent)
        return fm.params.map { ($0.name, $0.value.plainText) }
    }
}
