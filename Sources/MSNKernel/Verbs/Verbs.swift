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
        "estimates": PLSVerbs.estimates,
        "fitmeasures": SEMResultVerbs.fitmeasures,
        "rsquare": PLSVerbs.rsquare,
        "modindices": SEMResultVerbs.modindices,
        "reliability": PLSVerbs.reliability,
        "fsquare": PLSVerbs.fsquare,
        "vif": PLSVerbs.vif,
        "crossloadings": PLSVerbs.crossloadings,
        "effects": PLSVerbs.effects,
        "evaluate": ModelVerbs.evaluate,
        "predict": PLSVerbs.predict,
        "importance": ModelVerbs.importance,
        "explain": ModelVerbs.explain,
        "simulate": SimulateVerb.run,
        "compare": CompareVerb.run,
        "part": PartVerb.run,
    ]
}
