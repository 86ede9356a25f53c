import MSNLanguage

/// One verb of the language: its name, its implementation and the options it accepts after `with`.
/// The parser (which names are verbs), help (every verb has a help entry), option checking and
/// completion all read this one registry.
struct VerbSpec: Sendable {
    /// The verb's name.
    let name: String
    /// What it does.
    let run: VerbImplementation
    /// Options after `with`, by form: "" for the verb itself, or the form's name (`fit sem` → "sem",
    /// `compare regions` of data → "data") where forms take different options.
    let options: [String: [String]]

    init(_ name: String, _ run: @escaping VerbImplementation, options: [String: [String]] = [:]) {
        self.name = name
        self.run = run
        self.options = options
    }

    /// Every option of every form, sorted (for completion).
    var allOptions: [String] { Array(Set(options.values.flatMap { $0 })).sorted() }
}

/// The registry of verbs. A new verb is a file with its implementation and one line here; the parser,
/// the evaluator, help and completion need no other change.
enum Verbs {
    static let specs: [VerbSpec] = [
        VerbSpec("load", LoadVerb.run, options: ["": LoadVerb.csvOptions + LoadVerb.xlsxOptions + LoadVerb.statOptions]),
        VerbSpec("filter", RowVerbs.filter),
        VerbSpec("select", RowVerbs.select),
        VerbSpec("derive", RowVerbs.derive),
        VerbSpec("summarize", SummarizeVerb.run),
        VerbSpec("sort", RowVerbs.sort),
        VerbSpec("head", RowVerbs.head),
        VerbSpec("tail", RowVerbs.tail),
        VerbSpec("join", JoinVerb.run, options: ["": ["kind", "suffix"]]),
        VerbSpec("distinct", RowVerbs.distinct),
        VerbSpec("describe", RowVerbs.describe),
        VerbSpec("count", CountVerb.run, options: ["": ["name", "sort"]]),
        VerbSpec("pivot", PivotVerb.run, options: ["": ["names_from", "names_to", "values_from", "values_to"]]),
        VerbSpec("drop", CleaningVerbs.drop, options: ["": ["k"]]),
        VerbSpec("sample", CleaningVerbs.sample),
        VerbSpec("split", CleaningVerbs.split),
        VerbSpec("export", ExportVerb.run, options: ["": ExportFormats.options]),
        VerbSpec("fit", FitVerb.run, options: [
            "boost": BoostVerbs.optionNames, "sem": ["std_lv", "missing", "group", "group_equal", "se", "draws", "seed", "threads", "estimator", "information", "group_partial"],
            "pls": PLSOptionParser.allowed,
            "linear": RegressionOptions.names, "logistic": RegressionOptions.names,
            "panel": PanelVerbs.fitOptions, "did": EventVerbs.didOptions, "event": EventVerbs.eventOptions,
            "efa": FactorVerbs.fitOptions,
        ]),
        VerbSpec("estimates", PLSVerbs.estimates),
        VerbSpec("fitmeasures", SEMResultVerbs.fitmeasures),
        VerbSpec("rsquare", PLSVerbs.rsquare),
        VerbSpec("modindices", SEMResultVerbs.modindices),
        VerbSpec("reliability", PLSVerbs.reliability),
        VerbSpec("fsquare", PLSVerbs.fsquare),
        VerbSpec("vif", PLSVerbs.vif),
        VerbSpec("crossloadings", PLSVerbs.crossloadings),
        VerbSpec("effects", PLSVerbs.effects),
        VerbSpec("evaluate", ModelVerbs.evaluate, options: ["": EvaluateBinary.options]),
        VerbSpec("predict", PLSVerbs.predict),
        VerbSpec("importance", ModelVerbs.importance),
        VerbSpec("explain", ModelVerbs.explain, options: ["": ["interactions"]]),
        VerbSpec("simulate", SimulateVerb.run, options: ["interviews": InterviewsVerb.options]),
        VerbSpec("compare", CompareVerb.run, options: ["data": ["pairwise", "equivalence", "effect_draws"], "model": ["folds"], "sem": ["group_partial"], "pls": ComparePLS.options]),
        VerbSpec("part", PartVerb.run),
        VerbSpec("hausman", PanelVerbs.hausman),
        VerbSpec("synergy", SynergyVerb.run),
        VerbSpec("interpret", InterpretVerb.run, options: ["": InterpretVerb.options]),
        VerbSpec("plot", PlotVerb.run, options: ["": PlotVerb.optionNames]),
        VerbSpec("expect", ExpectVerb.run, options: ["": ExpectVerb.optionNames]),
        VerbSpec("coefficients", CoefficientsVerb.run),
        VerbSpec("replicate", ReplicateVerb.run, options: ["": ReplicateVerb.optionNames]),
        VerbSpec("agreement", AgreementVerb.run, options: ["": AgreementVerb.options]),
        VerbSpec("prevalence", PrevalenceVerb.run, options: ["": PrevalenceVerb.options]),
        VerbSpec("joint", JointVerb.run, options: ["": JointVerb.options]),
        VerbSpec("methodbias", MethodBiasVerb.run, options: ["": MethodBiasVerb.options]),
    ]

    /// Name → specification.
    static let byName: [String: VerbSpec] = Dictionary(uniqueKeysWithValues: specs.map { ($0.name, $0) })

    /// Name → implementation.
    static let all: [String: VerbImplementation] = byName.mapValues(\.run)

    /// The names the parser treats as verbs.
    static let names: Set<String> = Set(specs.map(\.name))

    /// Options `verb` accepts in `form` ("" for the verb itself).
    static func options(_ verb: String, form: String = "") -> [String] {
        byName[verb]?.options[form] ?? []
    }
}

/// Option names each verb accepts after `with`, for completion and help (read from the verb registry).
public enum VerbOptions {
    /// Options of `verb` (for `fit`, of every model kind), sorted; empty when it takes none.
    public static func names(for verb: String) -> [String] { Verbs.byName[verb]?.allOptions ?? [] }

    /// Every verb's name, sorted.
    public static var verbs: [String] { Verbs.names.sorted() }
}
