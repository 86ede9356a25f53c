import MSNTable

/// Display hints for the columns of result tables (estimates, coefficients, tests, fit measures):
/// p-values in APA style and bounded statistics (CFI, AUC, R², reliabilities) without the leading
/// zero. Only tables made by result verbs are annotated (never the user's own data), and only the
/// display changes: exports keep every digit.
enum ResultFormats {
    /// Verbs whose tables are the user's data reshaped, not results; their tables are not annotated
    /// (hints already on the table pass through them).
    static let dataVerbs: Set<String> = [
        "load", "filter", "select", "derive", "summarize", "sort", "head", "tail", "join", "distinct", "describe",
        "count", "pivot", "drop", "sample", "split", "export", "simulate", "predict", "plot", "fit",
    ]

    /// Bounded statistics shown with three decimals and no leading zero.
    static let boundedNames: Set<String> = [
        "cfi", "tli", "delta_cfi", "delta_tli", "auc", "auc_lower", "auc_upper", "pr_auc", "r2", "r2_adj", "r2_within",
        "alpha", "ave", "rho_a", "rho_c", "omega", "r", "brier", "sensitivity", "specificity", "ppv", "npv",
        "communality", "uniqueness", "share", "cumulative_share",
        "effect_size", "effect_lower", "effect_upper", "rmsea", "srmr", "kappa",
    ]

    /// Whether a column of this name holds p-values ("p", "pvalue", "p_holm", "pvalue_tost", "wald_p").
    static func isPValue(_ name: String) -> Bool {
        name == "p" || name.hasPrefix("p_") || name.hasPrefix("pvalue") || name.hasSuffix("_p") || name.hasSuffix("_pvalue")
    }

    /// The hint for a column of this name, if any.
    static func hint(for name: String) -> ColumnFormat? {
        if isPValue(name) { return .pValue }
        if boundedNames.contains(name) { return .bounded(decimals: 3) }
        return nil
    }

    /// `t` with hints on its numeric p-value and bounded columns; hints already set are kept.
    static func annotate(_ t: Table) -> Table {
        var out = t
        for (name, column) in zip(t.columnNames, t.columns) where column.type.isNumeric && t.columnFormats[name] == nil {
            if let h = hint(for: name) { out.columnFormats[name] = h }
        }
        return out
    }

    /// The value a result verb returned, its table annotated.
    static func annotate(_ value: Value, verb: String) -> Value {
        guard !dataVerbs.contains(verb), case .table(let t) = value else { return value }
        return .table(annotate(t))
    }
}
