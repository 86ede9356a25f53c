/// Hints for habits brought from R/dplyr, pandas and SQL: the msnb way of writing the same thing.
public enum Habits {
    /// Verb names from other tools and the msnb verb (or phrase) that does the job.
    public static let verbs: [String: String] = [
        "mutate": "derive", "transmute": "derive", "summarise": "summarize", "summary": "describe",
        "arrange": "sort", "order_by": "sort", "group_by": "summarize … by col", "rename": "select new = old",
        "slice": "head", "slice_head": "head", "slice_tail": "tail", "slice_sample": "sample", "glimpse": "describe",
        "left_join": "join … with kind = \"left\"", "inner_join": "join", "full_join": "join … with kind = \"full\"",
        "right_join": "join … with kind = \"right\"", "semi_join": "join … with kind = \"semi\"",
        "anti_join": "join … with kind = \"anti\"", "where": "filter", "tally": "count", "n_distinct": "distinct",
        "pivot_longer": "pivot longer", "pivot_wider": "pivot wider", "read_csv": "load", "write_csv": "export",
        "read.csv": "load", "merge": "join", "group": "summarize … by col", "limit": "head",
    ]

    /// Function names from other tools and the msnb spelling.
    public static let functions: [String: String] = [
        "n": "count()", "ifelse": "if_else(cond, a, b)", "is.na": "x is null", "isnull": "x is null", "isna": "x is null",
        "desc": "x desc (after sort)", "nchar": "len(x)", "str_length": "len(x)", "tolower": "lower(x)", "toupper": "upper(x)",
        "as.numeric": "to_float(x)", "as.integer": "to_int(x)", "as.character": "to_string(x)", "case_when": "case(cond -> value, …, default)",
        "mean_": "mean(x)", "length": "count() or len(text)", "nrow": "count", "str_detect": "contains(text, \"part\")",
        "replace_na": "coalesce(x, value)", "ifnull": "coalesce(x, value)", "nvl": "coalesce(x, value)",
    ]

    /// "in msnb, write …" for a verb name from another tool, or nil.
    public static func verbHint(_ name: String) -> String? {
        verbs[name].map { "'\(name)' is from another tool; in msnb write \($0)" }
    }

    /// "in msnb, write …" for a function name from another tool, or nil.
    public static func functionHint(_ name: String) -> String? {
        functions[name].map { "'\(name)()' is from another tool; in msnb write \($0)" }
    }
}
