/// One screen of help per verb and function, each with a runnable example. docs/language.md is
/// checked against these entries by the test suite, so the two stay the same.
public enum HelpCatalog {
    /// A help entry.
    public struct Entry: Sendable {
        /// The verb or function.
        public let topic: String
        /// How to call it.
        public let usage: String
        /// What it does.
        public let summary: String
        /// A runnable example (against Notebooks/data).
        public let example: String
    }

    /// Every entry, verbs first.
    public static let entries: [Entry] = [
        Entry(topic: "load", usage: "load \"file.csv\" [with delimiter = \";\", na = [\"\", \"-\"], types = {col: \"string\"}, decimal = \",\", encoding = \"cp1252\"] | load \"book.xlsx\" [with sheet = \"Sheet2\" | 2, range = \"A1:F200\", header = true] | load \"survey.sav\" [with labels = false]",
              summary: "Reads a file into a table, choosing the reader from the extension (or, when that says nothing, from the first bytes): CSV/TSV (types inferred over the whole column; encodings latin1, cp1252, utf16, a UTF-16 byte-order mark found by itself; decimal = \",\" for 12,5 — a ;-separated file with decimal commas is recognised, with a note), Excel .xlsx (shared and inline strings, numbers, booleans, empty cells as null, dates as ISO text such as 2024-02-29, a header merged across columns names each one; a range merged below the header gives its value to every cell it covers, with a note), SPSS .sav/.zsav/.por, Stata .dta and SAS .sas7bdat/.xpt through ReadStat (value labels become text unless labels = false; user-defined missing values become null; dates become ISO text; variable labels are kept and shown by describe).",
              example: "hs = load \"data/HolzingerSwineford1939.csv\"\nbook = load \"data/firms.xlsx\" with sheet = \"firms\", range = \"A1:E5\"\nsurvey = load \"data/firms.sav\"\nsurvey | describe | select column, label, type"),
        Entry(topic: "filter", usage: "t | filter CONDITION", summary: "Keeps the rows where the condition is true (null counts as false).",
              example: "hs | filter school == \"Pasteur\" and ageyr >= 13 | count"),
        Entry(topic: "select", usage: "t | select a, b | select -c | select new = old", summary: "Keeps, drops (-name) or renames columns.",
              example: "hs | select id, school, visual = x1 | head 3"),
        Entry(topic: "derive", usage: "t | derive name = EXPR, …", summary: "Adds or replaces columns computed over whole columns; aggregates broadcast.",
              example: "hs | derive x1_z = zscore(x1), older = ageyr >= 13 | head 3"),
        Entry(topic: "summarize", usage: "t | summarize name = AGG(…), … [by col, …]", summary: "One row per group with aggregates (count, sum, mean, sd, var, median, quantile, min, max, n_distinct, first).",
              example: "hs | summarize n = count(), mean_x1 = mean(x1), sd_x1 = sd(x1) by school"),
        Entry(topic: "sort", usage: "t | sort col [desc], …", summary: "Orders rows by several keys; stable; nulls last.",
              example: "hs | sort x1 desc | head 3"),
        Entry(topic: "head", usage: "t | head [N]", summary: "The first N rows (default 5).", example: "hs | head 3"),
        Entry(topic: "tail", usage: "t | tail [N]", summary: "The last N rows (default 5).", example: "hs | tail 3"),
        Entry(topic: "join", usage: "t | join other on key [, key2 | a == b] [with kind = \"left\", suffix = [\"_a\", \"_b\"]]", summary: "Hash join on key columns: kind \"inner\" (default), \"left\", \"right\", \"full\", \"semi\" (left rows with a match) or \"anti\" (left rows without); clashing names get the suffixes (default: the right side's get _right).",
              example: "sizes = hs | summarize n = count() by school\nhs | join sizes on school | select id, school, n | head 3\nhs | join sizes on school with kind = \"anti\" | count"),
        Entry(topic: "distinct", usage: "t | distinct [cols]", summary: "Distinct rows (of the named columns).", example: "hs | distinct school, grade"),
        Entry(topic: "describe", usage: "t | describe", summary: "Per column: type, count, nulls, mean, sd, min, quartiles, max; distinct and top value for text; the variable label, when the file had them (SPSS, Stata).",
              example: "hs | select x1, x2, school | describe"),
        Entry(topic: "count", usage: "t | count | t | count col, … [sort = true] [name = \"n\"]", summary: "The number of rows; with columns, the rows per combination of their values (column n), in key order or most frequent first with sort = true.", example: "hs | count\nhs | count school, grade sort = true"),
        Entry(topic: "pivot", usage: "t | pivot longer a, b, … [names_to = \"name\"] [values_to = \"value\"] | t | pivot wider names_from = col values_from = col",
              summary: "Reshapes like tidyr: longer stacks the columns into a name and a value column (the other columns repeat; the values need one type, ints widen to float); wider makes one column per value of names_from, one row per combination of the other columns, null where missing; two rows for one cell are an error.",
              example: "long = hs | select id, x1, x2, x3 | pivot longer x1, x2, x3 names_to = \"item\" values_to = \"score\"\nlong | head 4\nlong | pivot wider names_from = item values_from = score | head 2"),
        Entry(topic: "drop", usage: "t | drop nulls cols | drop outliers cols [with k = 1.5]", summary: "Drops rows with nulls in the columns, or outside Q1 − k·IQR … Q3 + k·IQR.",
              example: "hs | drop nulls grade | drop outliers x1, x2 | count"),
        Entry(topic: "sample", usage: "t | sample N [by col] [seed S]", summary: "N rows without replacement, stratified proportionally by a column; seeded.",
              example: "hs | sample 10 by school seed 1 | count"),
        Entry(topic: "split", usage: "a, b = t | split FRACTION [by col] [seed S]", summary: "Splits rows into two tables (train/test), optionally stratified; seeded.",
              example: "train, test = hs | split 0.8 by school seed 42\ntrain | count"),
        Entry(topic: "export", usage: "t | export \"path.csv\" | export \"path.tsv\" | export \"path.xlsx\" | export \"path.sav\" | export \"path.dta\" | export [a, b] \"book.xlsx\" | export f \"figure.svg\"",
              summary: "Writes the table (atomically) in the format its extension names and passes it on: CSV, tab-separated, an Excel workbook (several tables become sheets named after their bindings), SPSS or Stata (text columns with at most 50 levels become labelled codes 1…k; booleans become 0/1; column labels become variable labels). Any other extension is an error listing these. A figure from plot is written as SVG.",
              example: "hs | summarize n = count() by school | export \"schools.csv\"\nsizes = hs | summarize n = count() by school\nexport [hs, sizes] \"hs.xlsx\"\nhs | select id, school, x1 | export \"hs.sav\""),
        Entry(topic: "fit", usage: "s = fit sem on t { lavaan model } [with std_lv = true, missing = \"fiml\", group = col, group_equal = [\"loadings\", \"intercepts\", …], se = \"bootstrap\", draws = 5000, seed = 1, threads = 2]",
              summary: "Fits a structural equation model in lavaan syntax (=~ ~ ~~ ~ 1 :=, modifiers 1*x NA*x a*x c(a1, a2)*x) by maximum likelihood with lavaan's defaults; displays fit indices judged against the usual cut-offs. group = col fits every level of a column with intercepts and latent means; group_equal holds lavaan's loadings, intercepts, means, residuals, residual.covariances, lv.variances, lv.covariances or regressions equal across groups; missing = \"fiml\" keeps incomplete rows (casewise likelihood, observed-information SEs) instead of dropping them. se = \"bootstrap\" (one group) refits the model on draws resamples of the rows, one seeded random stream per draw so the results are the same for any thread count, and adds boot_mean, boot_se, percentile (boot_lower, boot_upper) and BCa (bca_lower, bca_upper) 95% limits for every free parameter and := definition to estimates; failed and non-converged draws are counted in the summary.",
              example: "s = fit sem on hs {\n  visual  =~ x1 + x2 + x3\n  textual =~ x4 + x5 + x6\n  speed   =~ x7 + x8 + x9\n}\ns"),
        Entry(topic: "fit boost", usage: "m = fit boost target ~ a + b [- c | .] on t [with trees = 100, depth = 6, rate = 0.3, leaves, lambda, alpha, gamma, min_child_weight, subsample, colsample, bins, seed, objective, weights = \"balanced\", scale_pos_weight, valid = t2, early_stop = 20, folds = 5, categorical = \"native\" | \"onehot\"]",
              summary: "Histogram gradient-boosted trees as XGBoost's hist: the objective follows the target (0/1 or two levels: binary; 3+ classes: softmax; other numbers: squared error); text predictors with 3 to 64 levels are split natively (categorical = \"native\", the default: each split sends a set of levels left, found by sorting the levels by gradient statistics as XGBoost and LightGBM do; importance and SHAP are per column; a level not seen in training goes right), other text and categorical = \"onehot\" give one 0/1 indicator per level; missing values learn a default direction.",
              example: "bc = load \"data/splits/breast_cancer.train.csv\"\nm = fit boost target ~ . on bc with trees = 50, depth = 3, rate = 0.2\nm"),
        Entry(topic: "fit linear", usage: "m = fit linear y ~ a * b + c : d + text_col on t [with weights = w, se = \"robust\" | \"hc0\" | \"hc1\" | \"hc2\" | \"hc3\", cluster = col | [a, b]] | fit logistic y ~ … on t [with …] | m | part margins",
              summary: "OLS (coefficients, SE, t, p, 95% CI, R², adjusted R², F, AIC) and logistic regression by IRLS (z, p, odds ratios, McFadden R², AIC; separation is a warning), solved by Householder QR (never the normal equations; an ill-conditioned design draws a warning suggesting centring). a * b adds a, b and a:b; text predictors become treatment-coded dummies (first level alphabetically is the base); collinear columns are named. weights = w gives analytic (precision) weights, as statsmodels' WLS and GLM var_weights. se = \"robust\" is HC1 (hc0…hc3 as statsmodels); cluster = col gives CR1 clustered errors with Stata's small-sample factor (t tests on G − 1 df for linear models), cluster = [a, b] two-way clustering. A logistic model shows its average marginal effects on P(y = 1) with delta-method SEs (as Stata's margins, dydx(*)); pick them with m | part margins.",
              example: "ols = fit linear x9 ~ x7 * x8 + school on hs\nols\nlogit = fit logistic school ~ x1 + x4 + x7 + ageyr on hs\nevaluate logit on hs\nrobust = fit linear x9 ~ x7 + x8 on hs with se = \"hc3\"\nclustered = fit linear x9 ~ x7 + x8 on hs with cluster = school\nlogit | part margins"),
        Entry(topic: "fit pls", usage: "p = fit pls on t { lavaan model } [with scheme = \"path\" | \"factorial\" | \"centroid\", consistent = true | [\"A\", …], missing = \"mean\" | \"listwise\", missing_value = -99, interaction = \"two_stage\" | \"product_indicator\" | \"orthogonal\", se = \"bootstrap\", draws = 5000, seed = 1, threads = 2]",
              summary: "PLS path modelling (PLS-SEM) as seminr 2.3: =~ is a mode A composite (a common factor corrected by consistent PLS with consistent = true or a list of names), <~ a mode B composite, 1*x on every item unit weights, ~ a structural path and A:B an interaction term; Wold/Lohmöller iterations on standardised items with seminr's stop rule (Σ|ΔW| < 1e-7) and weight normalisation; missing = \"mean\" replaces missing cells (and missing_value cells) by the column mean. se = \"bootstrap\" refits on resampled rows (one seeded stream per draw, so the same intervals for any thread count) for percentile and BCa 95% intervals; failed draws are counted and reported.",
              example: "mobi = load \"data/mobi.csv\"\np = fit pls on mobi {\n  Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5\n  Expectation =~ CUEX1 + CUEX2 + CUEX3\n  Value =~ PERV1 + PERV2\n  Satisfaction =~ CUSA1 + CUSA2 + CUSA3\n  Satisfaction ~ Image + Expectation + Value\n}\np"),
        Entry(topic: "fit panel", usage: "m = fit panel y ~ x1 + x2 | id [+ time] on t [with cluster = id | [id, time], se = \"robust\", model = \"random\" | \"fd\" | \"between\" | \"pooled\", id = col, time = col, singletons = true]",
              summary: "Linear panel models. With keys after | the fixed effects are absorbed by alternating projections (as reghdfe and fixest; memory linear in rows), singletons dropped repeatedly and counted; the intercept is Stata's _cons. model = \"random\" (Swamy–Arora GLS), \"fd\" (first differences of consecutive periods), \"between\" (OLS on entity means) or \"pooled\" take the panel keys from | or id = and time =. Standard errors: conventional, se = \"robust\" (HC1), cluster = col (CRV1) or cluster = [a, b] (two-way); small-sample corrections as fixest, Stata and linearmodels (docs/panel.md). Reports rows, entities and periods used, R² within/overall, F; part m fit gives every measure.",
              example: "ex = simulate exporters n = 200 seed = 42 panel = true\nfe = fit panel export_volume ~ tech_use + sentiment + fx_volatility | firm_id + year on ex with cluster = firm_id\nfe\nre = fit panel export_volume ~ tech_use + sentiment + fx_volatility on ex with model = \"random\", id = firm_id, time = year\nfe1 = fit panel export_volume ~ tech_use + sentiment + fx_volatility | firm_id on ex\npart fe fit | head 8"),
        Entry(topic: "hausman", usage: "hausman m_fe, m_re",
              summary: "Hausman's test of fixed against random effects on the slopes both models estimate: H = d'(V_fe − V_re)⁻¹d, χ² with as many df (Stata's hausman fe re, plm's phtest). A small p-value says the random-effects assumption fails: prefer fixed effects.",
              example: "hausman fe1, re"),
        Entry(topic: "fit did", usage: "d = fit did y ~ treated_post [+ controls] | unit + time on t [with cluster = col, se = \"robust\"]",
              summary: "The canonical two-way fixed-effects difference-in-differences: y on a 0/1 treatment indicator with unit and time effects, clustered by the unit unless told otherwise. Warns when adoption is staggered (the TWFE estimate can then be biased; use fit event with method = \"sunab\").",
              example: "sp = load \"data/staggered_panel.csv\"\nd = fit did y ~ treated_post + x | firm_id + year on sp\nd"),
        Entry(topic: "fit event", usage: "e = fit event y ~ treat(adopt_col) [+ controls] | unit + time on t [with window = [-4, 4], ref = -1, method = \"twfe\" | \"sunab\", cluster = col]",
              summary: "An event study: coefficients for each period relative to a unit's adoption (adopt_col; missing = never treated), the window's ends binned, the reference period fixed at 0, clustered by the unit. With staggered adoption the TWFE leads and lags mix cohorts (a warning says so); method = \"sunab\" gives Sun and Abraham's interaction-weighted estimator as fixest's sunab aggregates it. part e interactions shows the cohort × period coefficients.",
              example: "e = fit event y ~ treat(adopt_year) + x | firm_id + year on sp with window = [-4, 4], ref = -1, method = \"sunab\"\ne"),
        Entry(topic: "evaluate", usage: "evaluate m on t", summary: "Metrics on scored rows: binary accuracy, balanced accuracy, precision, recall, F1, AUC, log loss and the confusion matrix; multiclass accuracy, macro-F1, log loss; regression RMSE, MAE, R² (and, for a linear model of a 0/1 target, accuracy at 0.5 and AUC). Without 'on', the cross-validation table of a model fitted with folds. Rows a model cannot score (a missing predictor of a linear or logistic model) are left out with a warning; an infinite value in a column the model reads is an error that counts them.",
              example: "evaluate m on (load \"data/splits/breast_cancer.test.csv\")"),
        Entry(topic: "predict", usage: "predict m on t | predict p [on t]", summary: "The rows with .pred (class or value) and .prob (probability of the predicted class; of class 1 for binary models). For a PLS model: the rows with every construct score (items standardised with the fitted means and SDs, missing cells at the mean); without 'on', the fitted scores. Missing predictors: boosted trees follow each split's missing-value branch, linear and logistic models predict null; inf or -inf in a column the model reads is an error that counts them (filter them out or make them null first).",
              example: "predict m on (load \"data/splits/breast_cancer.test.csv\") | select target, .pred, .prob | head 3"),
        Entry(topic: "importance", usage: "importance m", summary: "Total gain, cover and split-count shares per feature, each summing to 1, with a bar chart (XGBoost's 'gain' is the average per split, its 'total_gain' the sum: msnb reports total-gain shares).",
              example: "importance m | head 5"),
        Entry(topic: "explain", usage: "explain m on t [with interactions = true] | explain m", summary: "Exact path-dependent TreeSHAP: per-row contributions plus the base value, summing to the raw margin; without 'on', the mean |SHAP| ranking over the training rows. with interactions = true gives exact SHAP interaction values (Lundberg et al. 2020, as XGBoost's pred_interactions) as a long table row, feature, with, value: main effects where feature = with, each pair split symmetrically, plus a base_value entry, so each row sums to its margin.",
              example: "explain m on (load \"data/splits/breast_cancer.test.csv\") | select row, worst_area, base_value, margin | head 3\nexplain m | head 5\nexplain m on (load \"data/splits/breast_cancer.test.csv\" | head 2) with interactions = true | filter feature == \"worst_area\" | sort value desc | head 3"),
        Entry(topic: "synergy", usage: "synergy m on t [seed N]", summary: "Which drivers of a boosted model work together: every pair ranked by mean |SHAP interaction| (|φjk + φkj|, exact TreeSHAP interaction values), Friedman's H² for the ten strongest (on a seeded sample of 100 rows), and for the three strongest a linear (numeric target) or logistic (0/1 target) regression on the model's features with and without the pair's product (likelihood-ratio test); a plain-language paragraph, then the tables pairs and tests.",
              example: "eco = simulate ecosystem n = 200 seed = 7 | derive log_sales = log(intl_sales)\ndrivers = fit boost log_sales ~ cbec + influencer + ugc + social_media + shopper on eco with trees = 30, depth = 3\nsyn = synergy drivers on eco seed 1\nsyn | part pairs | head 4"),
        Entry(topic: "estimates", usage: "estimates s", summary: "Parameter estimates: lhs, op, rhs, group (several groups), label, est, se, z, pvalue, ci_lower, ci_upper, std_lv, std_all (per group; defined parameters with delta-method standard errors). For a PLS model: paths (~), loadings (=~) and outer weights (<~); with se = \"bootstrap\", boot_mean, se and percentile (ci_*) and BCa (bca_*) 95% limits.",
              example: "estimates s | filter op == \"=~\""),
        Entry(topic: "fitmeasures", usage: "fitmeasures s", summary: "Fit measures: npar, chisq, df, pvalue, baseline, CFI, TLI, RMSEA with 90% CI and p-close, SRMR, log-likelihoods, AIC, BIC, BIC2, GFI; verdicts for CFI/TLI (≥ .90/.95), RMSEA (≤ .06/.08), SRMR (≤ .08).",
              example: "fitmeasures s | filter measure in [\"cfi\", \"tli\", \"rmsea\", \"srmr\"]"),
        Entry(topic: "rsquare", usage: "rsquare s", summary: "R² of every indicator and endogenous variable (per group, with a group column, for several groups). For a PLS model: R² and adjusted R² of each endogenous construct.", example: "rsquare s"),
        Entry(topic: "modindices", usage: "modindices s", summary: "Modification indices for cross-loadings and residual covariances not in the model (mi, epc, sepc_all; per group for several groups), largest first; not after missing = \"fiml\".",
              example: "modindices s | head 5"),
        Entry(topic: "reliability", usage: "reliability s", summary: "Per factor (and group): Cronbach's alpha, composite reliability (CR), AVE, the Fornell–Larcker matrix (fl_*: √AVE on the diagonal, latent correlations off it) and HTMT ratios (htmt_*). For a PLS model, per construct: mode, standardised alpha, rho_a, rho_c, ave, fl_* and htmt_* (absolute item correlations), as seminr.",
              example: "reliability s"),
        Entry(topic: "fsquare", usage: "fsquare p",
              summary: "Cohen's f² of every path of a PLS model: (R²_incl − R²_excl)/(1 − R²_incl), R²_excl from re-estimating the model without the path, as seminr.",
              example: "fsquare p"),
        Entry(topic: "vif", usage: "vif p",
              summary: "Collinearity of a PLS model: item VIFs within each construct (kind outer) and VIFs among the predecessors of each endogenous construct, from construct-score correlations (kind inner).",
              example: "vif p | filter kind == \"inner\""),
        Entry(topic: "crossloadings", usage: "crossloadings p",
              summary: "The correlation of every item with every construct score of a PLS model (an item should correlate most with its own construct).",
              example: "crossloadings p"),
        Entry(topic: "effects", usage: "effects p",
              summary: "Direct, total indirect and total effects of every connected pair of constructs of a PLS model, then every specific indirect effect with its route; with se = \"bootstrap\", boot_mean, se and percentile (ci_*) and BCa (bca_*) 95% limits.",
              example: "effects p"),
        Entry(topic: "simulate", usage: "simulate exporters [n = 500] [seed = 42] [panel = true] | simulate ecosystem [n = 2000] [seed = 7] | simulate exporters truth",
              summary: "Simulated MSME data with a known truth (docs/simulate.md): 'exporters' (Indonesian export MSMEs: sectors, regions, export drivers, a 1:4 export-success outcome, Likert blocks for market intelligence, technological capability and competitiveness) and 'ecosystem' (six Asian markets, four interacting digital drivers, two regimes); 'truth' gives the true parameters.",
              example: "firms = simulate exporters n = 500 seed = 42\nfirms | summarize n = count(), success = mean(exported) by region\nsimulate ecosystem truth | head 4"),
        Entry(topic: "compare regions", usage: "cmp = compare regions t by col on a, b, … [with pairwise = true] | compare regions m by col on t [with folds = 5] [seed S] | compare regions s by col on t",
              summary: "Asks the same question of each region. Of a table: per-region n, mean, sd and median (numbers) or level shares (text, bool); Welch's ANOVA (eta²) and Kruskal–Wallis (epsilon²) for numbers, the chi-square test (Cramér's V) for levels, p-values Holm-adjusted together; pairwise = true adds Games–Howell contrasts. Of a fitted boost, linear or logistic model: refits it in each region and shows the transfer matrix, the pooled model in each region and the drivers side by side. Of a fitted SEM: the measurement-invariance ladder (configural, metric, scalar, strict) with Δχ² and ΔCFI verdicts, and each structural path compared between regions. Rows without a region are left out with a warning.",
              example: "hs2 = hs | derive older = if(ageyr >= 13, \"13+\", \"12 or less\")\ncmp = compare regions hs2 by school on x1, x4, x7, older with pairwise = true\ncmp"),
        Entry(topic: "part", usage: "report | part NAME | part report NAME",
              summary: "One named table of a comparison report (numeric, levels, tests, pairwise; transfer, pooled, drivers) as an ordinary table to filter, sort or export.",
              example: "cmp | part tests | filter p_holm < 0.05"),
        Entry(topic: "plot", usage: "t | plot histogram|density|box x [by g] | t | plot scatter x, y [color g] | t | plot bar cat[, value] | t | plot line x, y [by g] | t | plot corr | plot importance m | plot shap m on t | plot dependence m feature on t [color f2] | plot roc m on t | plot roc [m1, m2] on t | plot path s | plot ladder report | plot transfer report | plot event e [with title, width, height, bins, xlab, ylab, log_x, log_y, theme = \"dark\", trend = \"linear\"]",
              summary: "Draws a chart as a figure value: SVG for notebooks and files (export f \"name.svg\"), a text sketch in the terminal. Distributions (Freedman–Diaconis histogram bins, Gaussian density with Silverman bandwidth, Tukey box plots), scatter with an optional least-squares line (beyond 20,000 points binned or thinned, with a caption), bars, lines by group, a correlation heatmap; for boosted trees the gain importance, a SHAP beeswarm and dependence plot, ROC curves with AUC; a SEM path diagram with standardized estimates; the invariance ladder and transfer heatmap of compare regions.",
              example: "hs | plot histogram x1 by school\nf = hs | plot scatter x1, x4 color school with trend = \"linear\"\nexport f \"x1-x4.svg\"\nplot path s"),
        Entry(topic: "def", usage: "def name(params) = EXPR", summary: "Defines a column function or a table function (a piped table is the first argument).",
              example: "def older(t) = t | filter ageyr >= 14\nhs | older | count"),
        Entry(topic: "use", usage: "use \"file.msq\" | use module", summary: "Runs a library file or a Stdlib module (likert, finance) in the session.",
              example: "use likert\ntop2(5)"),
        Entry(topic: "set", usage: "set rows = N | set digits = N | set seed = N", summary: "Session options: rows displayed, significant digits, default seed.",
              example: "set digits = 3"),
        Entry(topic: "functions", usage: "log exp sqrt abs round floor ceil pow least greatest lower upper contains starts_with len coalesce is_null to_float to_int to_string if if_else case recode cut",
              summary: "Row functions; aggregates count sum mean sd var median quantile min max n_distinct first. Null propagates; log and sqrt of invalid input, and division by zero, give null. case(cond -> value, …, default) takes the first true condition; recode(x, old -> new, …, default) maps values (unlisted ones stay, or take the default); cut(x, [b0, b1, …], labels) bins into (b0, b1], (b1, b2], … as R does.",
              example: "hs | derive r = round(x1 / x2, 2), label = if(x1 > 5, \"high\", \"low\") | select r, label | head 3\nhs | derive band = case(x1 < 4 -> \"low\", x1 < 6 -> \"mid\", \"high\"), bin = cut(x1, [0, 4, 6, 10]), sch = recode(school, \"Pasteur\" -> \"P\", \"Grant-White\" -> \"GW\") | select x1, band, bin, sch | head 3"),
    ]

    /// Topic names.
    public static func topics() -> [String] { entries.map(\.topic) }

    /// The help screen for a topic, or nil.
    public static func help(for topic: String) -> String? {
        guard let e = entries.first(where: { $0.topic == topic }) else { return nil }
        return "\(e.topic) — \(e.summary)\n\n  usage:   \(e.usage)\n  example:\n" + e.example.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
    }
}
