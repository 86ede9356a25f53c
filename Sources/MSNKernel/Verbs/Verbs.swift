import MSNLanguage

/// The registry of verbs: name → implementation. A new verb is a file with its implementation and
/// one line here; the parser and evaluator need no change.
enum Verbs {
    static let all: [String: VerbImplementation] = [
        "load": LoadVerb.run,
        "filter": RowVerbs.filter,
        "select": RowVerbs.select,
        "derive": RowVerbs.derive,
        "summarize": SummarizeVerb.run,
        "sort": RowVerbs.sort,
        "head": RowVerbs.head,
        "tail": RowVerbs.tail,
        "join": JoinVerb.run,
        "distinct": RowVerbs.distinct,
        "describe": RowVerbs.describe,
        "count": RowVerbs.count,
        "drop": CleaningVerbs.drop,
        "sample": CleaningVerbs.sample,
        "split": CleaningVerbs.split,
        "export": ExportVerb.run,
        "fit": FitVerb.run,
        "estimates": SEMResultVerbs.estimates,
        "fitmeasures": SEMResultVerbs.fitmeasures,
        "rsquare": SEMResultVerbs.rsquare,
        "modindices": SEMResultVerbs.modindices,
        "reliability": SEMResultVerbs.reliability,
        "evaluate": ModelVerbs.evaluate,
        "predict": ModelVerbs.predict,
        "importance": ModelVerbs.importance,
        "explain": ModelVerbs.explain,
        "synergy": SynergyVerb.run,
        "simulate": SimulateVerb.run,
        "compare": CompareVerb.run,
        "part": PartVerb.run,
    ]
}
