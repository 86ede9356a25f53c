/// Edit distance for "did you mean" suggestions.
public enum EditDistance {
    /// Edit distance (insertions, deletions, substitutions and swaps of neighbours), case-insensitive.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }

    /// The closest candidate within a third of the name's length (at least 2 edits), or one that the
    /// name is a prefix of; ties go to the alphabetically first candidate, so suggestions are stable.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        var best: String? = nil
        var bestDistance = Int.max
        let lower = name.lowercased()
        for c in Set(candidates).sorted() where c != name {
            var d = distance(name, c)
            if !lower.isEmpty && c.lowercased().hasPrefix(lower) { d = min(d, 1) }
            if d < bestDistance { best = c; bestDistance = d }
        }
        return bestDistance <= max(2, name.count / 3) ? best : nil
    }
}
