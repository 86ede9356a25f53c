/// Option names each verb accepts after `with`, for completion and help. The verbs themselves check
/// their options (`checkOptions`); keep this list in step when a verb gains an option.
public enum VerbOptions {
    /// Options of `verb` (for `fit`, of every model kind), sorted; empty when it takes none.
    public static func names(for verb: String) -> [String] {
        switch verb {
        case "load": return ["decimal", "delimiter", "encoding", "header", "labels", "na", "range", "sheet", "types"]
        case "drop": return ["k"]
        case "join": return ["kind", "suffix"]
        case "count": return ["name", "sort"]
        case "pivot": return ["names_from", "names_to", "values_from", "values_to"]
        case "fit": return Array(Set(BoostVerbs.optionNames + ["std_lv", "missing", "group", "group_equal"])).sorted()
        case "compare": return ["folds", "pairwise"]
        default: return []
        }
    }
}
