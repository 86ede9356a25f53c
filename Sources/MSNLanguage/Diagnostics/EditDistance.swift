/// Edit distance for "did you mean" suggestions.
public enum EditDistance {
    /// Levenshtein distance between two strings, case-insensitive.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// The closest candidate within a third of the name's length (at least 2 edits), or one that the
    /// name is a prefix of; ties go to the first candidate.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        var best: String? = nil
        var bestDistance = Int.max
        let lower = name.lowercased()
        for c in candidates where c != name {
            var d = distance(name, c)
            if !lower.isEmpty && c.lowercased().hasPrefix(lower) { d = min(d, 1) }
            if d < bestDistance { best = c; bestDistance = d }
        }
        return bestDistance <= max(2, name.count / 3) ? best : nil
    }
}
