import Foundation
@testable import MSNKernel
import MSNTable
import Testing

/// Regression, SEM, reliability, comparison and synergy templates on hand-made result tables.
private func coefficients(_ stat: String) throws -> Table {
    try Table([
        ("term", .string(StringColumn(["(Intercept)", "x", "region=Bali", "z"]))),
        ("estimate", .float(TypedColumn([1.0, 0.5, -2.0, 0.1]))), ("se", .float(TypedColumn([0.2, 0.1, 0.5, 0.2]))),
        (stat, .float(TypedColumn([5, 5, -4, 0.5]))), ("pvalue", .float(TypedColumn([0.0001, 0.00002, 0.0004, 0.62]))),
        ("ci_lower", .float(TypedColumn([0.6, 0.3, -3.0, -0.3]))), ("ci_upper", .float(TypedColumn([1.4, 0.7, -1.0, 0.5]))),
    ])
}

@Test func linearRegressionSentences() throws {
    let fit = RegressionInterpretation.Fit(kind: "linear", target: "y", outcome: "y", n: 100, r2: 0.42, adjustedR2: 0.4019, f: 23.166, fP: 1e-10, residualDF: 96)
    #expect(RegressionInterpretation.regression(fit, try coefficients("t"), InterpretContext()) == [
        "A linear regression of y on 3 terms (100 rows) explains 42% of its variance (R² = .420, adjusted R² = .402; F(3, 96) = 23.17, p < .001).",
        "Each one-unit increase in x goes with y 0.500 higher (b = 0.500, SE = 0.100, t(96) = 5.00, p < .001, 95% CI [0.300, 0.700]). Rows with region = Bali have y 2.000 lower than the base level (b = -2.000, SE = 0.500, t(96) = -4.00, p < .001, 95% CI [-3.000, -1.000]). z shows no clear association with y (b = 0.100, SE = 0.200, p = .620).",
        "Coefficients describe associations with the other terms held fixed; they are causal only if the design rules out confounding.",
    ])
    #expect(RegressionInterpretation.regression(fit, try coefficients("t"), InterpretContext(audience: .owner)) == [
        "Firms with higher x tend to have higher y. Firms with higher region=Bali tend to have lower y. These are patterns among these firms, not proof that changing one factor will change y; use them to choose what to look into.",
    ])
}

@Test func logisticRegressionOddsRatios() throws {
    let t = try Table([
        ("term", .string(StringColumn(["(Intercept)", "x"]))), ("estimate", .float(TypedColumn([-1.0, 0.693147]))),
        ("se", .float(TypedColumn([0.3, 0.2]))), ("z", .float(TypedColumn([-3.33, 3.4657]))), ("pvalue", .float(TypedColumn([0.0009, 0.0005]))),
        ("ci_lower", .float(TypedColumn([-1.6, 0.3]))), ("ci_upper", .float(TypedColumn([-0.4, 1.085]))),
    ])
    let fit = RegressionInterpretation.Fit(kind: "logistic", target: "exporter", outcome: "exporter = yes", n: 500, r2: 0.1234)
    let p = RegressionInterpretation.regression(fit, t, InterpretContext())
    #expect(p[0] == "A logistic regression of exporter = yes (500 rows; McFadden R² = .123).")
    // OR = e^0.693 = 2.00; CI e^0.3 = 1.35, e^1.085 = 2.96.
    #expect(p[1] == "Each one-unit increase in x multiplies the odds of exporter = yes by 2.00, that is 100% higher odds (OR = 2.00, 95% CI [1.35, 2.96]; b = 0.693, z = 3.47, p < .001).")
    let id = RegressionInterpretation.regression(fit, t, InterpretContext(language: .id, numbers: NumberText(locale: "id")))
    #expect(id[1] == "Setiap kenaikan satu satuan x mengalikan odds exporter = yes dengan 2,00, yaitu odds 100% lebih tinggi (OR = 2,00, SK 95% [1,35; 2,96]; b = 0,693, z = 3,47, p < 0,001).")
}

private func semEstimates() throws -> Table {
    try Table([
        ("lhs", .string(StringColumn(["visual", "visual", "textual", "speed", "ind"]))),
        ("op", .string(StringColumn(["=~", "=~", "~", "~", ":="]))),
        ("rhs", .string(StringColumn(["x1", "x2", "visual", "visual", "a*b"]))),
        ("est", .float(TypedColumn([1.0, 0.55, 0.5, 0.1, 0.2]))), ("se", .float(TypedColumn([0, 0.1, 0.1, 0.12, 0.07]))),
        ("pvalue", .float(TypedColumn<Double>(optionals: [nil, 0.0001, 0.00001, 0.40, 0.01]))),
        ("ci_lower", .float(TypedColumn([1, 0.35, 0.3, -0.14, 0.05]))), ("ci_upper", .float(TypedColumn([1, 0.75, 0.7, 0.34, 0.35]))),
        ("std_all", .float(TypedColumn([0.77, 0.42, 0.45, 0.08, 0.09]))),
    ])
}

/// χ²(24) = 85.306 (Holzinger–Swineford-like); TLI .896 < .90 and RMSEA .092 > .08 are poor.
private let measures: [String: Double] = ["chisq": 85.306, "df": 24, "pvalue": 1e-8, "cfi": 0.931, "tli": 0.896, "rmsea": 0.092,
                                          "rmsea.ci.lower": 0.071, "rmsea.ci.upper": 0.114, "srmr": 0.065]

@Test func semSentencesWithCutOffsAndReference() throws {
    let p = SEMInterpretation.interpret(measures: measures, estimates: try semEstimates(), n: 301, InterpretContext())
    #expect(p == [
        "The model's fit is poor by the cut-offs of Hu and Bentler (1999) and Browne and Cudeck (1993) (good: CFI and TLI ≥ .95, RMSEA ≤ .06, SRMR ≤ .08; acceptable: CFI and TLI ≥ .90, RMSEA ≤ .08): χ²(24) = 85.31, p < .001; CFI = .931; TLI = .896; RMSEA = .092, 90% CI [.071, .114]; SRMR = .065. TLI and RMSEA fall short of the cut-offs; check modindices for misspecification before reading the paths. The χ² test rejects exact fit, as is common with 301 cases; judge fit by the indices.",
        "Standardized factor loadings range from .42 to .77. Indicators loading below .50: x2 (.42).",
        "visual → textual: b = 0.500, SE = 0.100, p < .001, β = .45; one SD more visual goes with .45 SD higher textual. visual → speed: b = 0.100, SE = 0.120, p = .400, β = .08; not significant at the .05 level.",
        "The indirect effect ind = 0.200, 95% CI [0.050, 0.350], p = .010: the interval excludes zero, so the mediation is supported.",
    ])
    #expect(SEMInterpretation.interpret(measures: measures, estimates: try semEstimates(), n: 301, InterpretContext(language: .id, audience: .owner)) == [
        "Model survei ini kurang sesuai dengan jawaban responden, jadi bacalah hubungan-hubungannya dengan hati-hati. Hubungan paling jelas: usaha dengan visual yang lebih besar melaporkan textual yang lebih tinggi. Bila visual masih lemah, perkuat lebih dulu lalu amati apakah textual ikut membaik.",
    ])
    var good = measures
    good["tli"] = 0.951; good["cfi"] = 0.962; good["rmsea"] = 0.05; good["pvalue"] = 0.2
    #expect(SEMInterpretation.verdict(good).0 == "good")
    good["rmsea"] = 0.07
    #expect(SEMInterpretation.verdict(good).0 == "acceptable")
}

@Test func reliabilitySentences() throws {
    let t = try Table([
        ("factor", .string(StringColumn(["visual", "textual"]))), ("items", .int(TypedColumn<Int64>([3, 3]))),
        ("alpha", .float(TypedColumn([0.626, 0.883]))), ("cr", .float(TypedColumn([0.652, 0.885]))), ("ave", .float(TypedColumn([0.38, 0.72]))),
        ("htmt_visual", .float(TypedColumn<Double>(optionals: [nil, 0.40]))), ("htmt_textual", .float(TypedColumn<Double>(optionals: [0.40, nil]))),
    ])
    let p = TableInterpretation.reliability(t, InterpretContext())
    #expect(p == [
        "visual: Cronbach's α = .63, composite reliability = .65, AVE = .38 (reliability below .70; AVE below .50, convergent validity in doubt). textual: Cronbach's α = .88, composite reliability = .89, AVE = .72 (reliable, convergent validity supported).",
        "All HTMT ratios are below .85, so the constructs are distinct (discriminant validity).",
        "Cut-offs: α and composite reliability ≥ .70 (Nunnally & Bernstein, 1994; Hair et al., 2019), AVE ≥ .50 (Fornell & Larcker, 1981), HTMT < .85 (Henseler, Ringle & Sarstedt, 2015).",
    ])
    #expect(TableInterpretation.reliability(t, InterpretContext(language: .id, audience: .owner)) == [
        "Pertanyaan untuk visual kurang konsisten satu sama lain; perbaiki atau buang butir yang paling lemah sebelum memakai skornya.",
    ])
}

@Test func compareAndSynergySentences() throws {
    let tests = try Table([
        ("variable", .string(StringColumn(["sales", "age"]))), ("test", .string(StringColumn(["Welch F", "Kruskal–Wallis H"]))),
        ("statistic", .float(TypedColumn([12.345, 1.2]))), ("p", .float(TypedColumn([0.0001, 0.55]))), ("p_holm", .float(TypedColumn([0.0002, 0.55]))),
        ("effect", .string(StringColumn(["eta²", "epsilon²"]))), ("effect_size", .float(TypedColumn([0.081, 0.002]))),
        ("magnitude", .string(StringColumn(["medium", "negligible"]))),
    ])
    #expect(ModelInterpretation.compareData(tests: tests, InterpretContext()) == [
        "1 of 2 variables differ between the groups at p < .05: sales.",
        "sales: Welch F = 12.35, p < .001, effect size eta² = 0.081 (medium).",
    ])
    let pooled = try Table([("region", .string(StringColumn(["Java", "Bali"]))), ("metric", .string(StringColumn(["auc", "auc"]))),
                            ("pooled", .float(TypedColumn([0.71, 0.83])))])
    #expect(ModelInterpretation.compareModel(pooled: pooled, drivers: nil, InterpretContext()) == [
        "The pooled model fits Bali best (auc = 0.830) and Java worst (0.710).",
    ])
    #expect(ModelInterpretation.compareModel(pooled: pooled, drivers: nil, InterpretContext(audience: .owner)) == [
        "The model works best for firms in Bali; be careful using it in Java.",
    ])
    let ladder = try Table([("step", .string(StringColumn(["configural", "metric", "scalar"]))),
                            ("holds_cfi", .bool(TypedColumn<Bool>([false, true, false], validity: Bitmap([false, true, true]))))])
    #expect(ModelInterpretation.compareSEM(ladder: ladder, InterpretContext()) == [
        "Measurement invariance holds up to the metric level (ΔCFI ≤ .01, Cheung & Rensvold, 2002; ΔRMSEA ≤ .015, Chen, 2007).",
    ])
    let pairs = try Table([("feature", .string(StringColumn(["cbec"]))), ("with", .string(StringColumn(["ugc"]))), ("h2", .float(TypedColumn([0.234])))])
    let lr = try Table([("term", .string(StringColumn(["cbec:ugc"]))), ("model", .string(StringColumn(["linear"]))),
                        ("lr_chi2", .float(TypedColumn([9.87]))), ("pvalue", .float(TypedColumn([0.0017])))])
    #expect(ModelInterpretation.synergy(pairs: pairs, tests: lr, InterpretContext()) == [
        "The strongest interaction is between cbec and ugc: H² = .234, so 23% of their joint effect is synergy beyond their separate effects (Friedman & Popescu, 2008). A linear regression with the product term confirms it: LR χ²(1) = 9.87, p = .002.",
    ])
}

@Test func compareDataReadsOneTestPerVariable() throws {
    // Welch's F then Kruskal–Wallis for each variable: the first is the one reported.
    let tests = try Table([
        ("variable", .string(StringColumn(["x1", "x1", "x4", "x4"]))), ("test", .string(StringColumn(["welch_anova", "kruskal_wallis", "welch_anova", "kruskal_wallis"]))),
        ("statistic", .float(TypedColumn([0.007, 0.006, 14.185, 12.764]))), ("p_holm", .float(TypedColumn([1, 1, 0.00097, 0.00106]))),
        ("effect", .string(StringColumn(["eta2", "epsilon2", "eta2", "epsilon2"]))), ("effect_size", .float(TypedColumn([0, 0, 0.045, 0.043]))),
        ("magnitude", .string(StringColumn(["negligible", "negligible", "small", "small"]))),
    ])
    #expect(ModelInterpretation.compareData(tests: tests, InterpretContext(language: .id)) == [
        "1 dari 2 variabel berbeda antarkelompok pada p < .05: x4.",
        "x4: welch_anova = 14.19, p < .001, ukuran efek eta2 = 0.045 (kecil).",
    ])
}

@Test func confirmatoryModelForOwnersSaysWhatItChecks() throws {
    let loadings = try Table([
        ("lhs", .string(StringColumn(["visual", "visual"]))), ("op", .string(StringColumn(["=~", "=~"]))), ("rhs", .string(StringColumn(["x1", "x2"]))),
        ("est", .float(TypedColumn([1.0, 0.55]))), ("std_all", .float(TypedColumn([0.77, 0.62]))),
    ])
    var good = ["chisq": 20.0, "df": 24, "pvalue": 0.7, "cfi": 0.99, "tli": 0.99, "rmsea": 0.02, "srmr": 0.03]
    #expect(SEMInterpretation.interpret(measures: good, estimates: loadings, n: 200, InterpretContext(audience: .owner)) == [
        "The survey model hangs together well. It has no links between the ideas to read; it checks how well the survey questions measure them.",
    ])
    good["cfi"] = 0.92
    #expect(SEMInterpretation.interpret(measures: good, estimates: loadings, n: 200, InterpretContext()).first?.hasPrefix("The model's fit is acceptable by the cut-offs") == true)
}

@Test func largeOddsRatiosReadAsTimesTheOdds() throws {
    // b = 1: OR = e = 2.72; CI e^0.5 = 1.65, e^1.5 = 4.48.
    let t = try Table([
        ("term", .string(StringColumn(["(Intercept)", "x"]))), ("estimate", .float(TypedColumn([0.0, 1.0]))), ("se", .float(TypedColumn([0.1, 0.25]))),
        ("z", .float(TypedColumn([0, 4]))), ("pvalue", .float(TypedColumn([1, 0.00006]))),
        ("ci_lower", .float(TypedColumn([-0.2, 0.5]))), ("ci_upper", .float(TypedColumn([0.2, 1.5]))),
    ])
    #expect(RegressionInterpretation.coefficients(t, kind: "logistic", target: "y", outcome: "y = 1", df: 0, InterpretContext()) == [
        "Each one-unit increase in x multiplies the odds of y = 1 by 2.72 (OR = 2.72, 95% CI [1.65, 4.48]; b = 1.000, z = 4.00, p < .001).",
    ])
}
