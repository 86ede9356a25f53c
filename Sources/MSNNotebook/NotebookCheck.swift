/// Compares a fresh rendering with the committed one and describes the first difference.
public enum NotebookCheck {
    /// nil when equal; else a report naming the first differing cell, with a unified diff. Cells in
    /// `ignoring` (a lab's exercise cells, which students rewrite) are not compared, nor is the prose after them.
    public static func compare(expected: String, actual: String, file: String, format: NotebookRendering.Format,
                               ignoring: Set<Int> = []) -> String? {
        guard expected != actual else { return nil }
        let a = NotebookRendering.chunks(expected, format: format)
        let b = NotebookRendering.chunks(actual, format: format)
        let count = max(a.count, b.count)
        for i in 0..<count {
            let x = i < a.count ? a[i] : "", y = i < b.count ? b[i] : ""
            guard x != y, !ignoring.contains(i) else { continue }
            let place = i == 0 ? "before the first cell" : "in cell \(i)"
            return "\(file): the rendering differs \(place)\n" + LineDiff.unified(x, y, from: "committed", to: "fresh run")
        }
        return a.count == b.count && !ignoring.isEmpty ? nil : "\(file): the rendering differs"
    }
}

/// A small line diff (longest common subsequence) printed in unified format with 3 lines of context.
enum LineDiff {
    static func unified(_ old: String, _ new: String, from: String, to: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] { ops.append((" ", a[i])); i += 1; j += 1 }
            else if j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j]) { ops.append(("+", b[j])); j += 1 }
            else { ops.append(("-", a[i])); i += 1 }
        }
        let changed = ops.indices.filter { ops[$0].0 != " " }
        guard let first = changed.first, let last = changed.last else { return "" }
        let lo = max(0, first - 3), hi = min(ops.count - 1, last + 3)
        let oldStart = ops[..<lo].filter { $0.0 != "+" }.count + 1
        let newStart = ops[..<lo].filter { $0.0 != "-" }.count + 1
        let oldLen = ops[lo...hi].filter { $0.0 != "+" }.count
        let newLen = ops[lo...hi].filter { $0.0 != "-" }.count
        var out = "--- \(from)\n+++ \(to)\n@@ -\(oldStart),\(oldLen) +\(newStart),\(newLen) @@\n"
        for k in lo...hi { out += "\(ops[k].0)\(ops[k].1)\n" }
        return out
    }
}
