import Foundation
@testable import MSNKernel
import MSNTable
import Testing

/// Interpretation templates on hand-made result tables: the exact sentences, from hand-computed values.
private func metricTable(_ pairs: [(String, Double)]) throws -> Table {
    try Table([("metric", .string(StringColumn(pairs.map(\.0)))), ("value", .float(TypedColumn(pairs.map(\.1))))])
}

/// 40 true positives, 10 false positives, 45 true negatives, 5 false negatives: accuracy .85,
/// precision .80, recall 40/45 = .889, specificity 45/55 = .818, balanced accuracy .854, base rate .45.
private func binaryMetrics() throws -> Table {
    try metricTable([("accuracy", 0.85), ("balanced_accuracy", 0.8535353), ("precision", 0.8), ("recall", 40.0 / 45), ("f1", 0.842),
                     ("auc", 0.91), ("logloss", 0.35), ("true_positive", 40), ("false_positive", 10), ("true_negative", 45), ("false_negative", 5)])
}

@Test func evaluateResearcherEnglish() throws {
    let p = TableInterpretation.evaluate(try binaryMetrics(), InterpretContext())
    #expect(p == [
        "On 100 rows the model's discrimination is outstanding (AUC = .91; Hosmer & Lemeshow, 2013: ≥ .70 acceptable, ≥ .80 excellent, ≥ .90 outstanding).",
        "Accuracy is .85 against .55 for always guessing the more common class (balanced accuracy .85); of the rows it flags as positive, .80 are (precision), and it finds .89 of the actual positives (recall). Log loss is 0.350 (lower is better).",
    ])
}

@Test func evaluateResearcherIndonesianWithDecimalComma() throws {
    let p = TableInterpretation.evaluate(try binaryMetrics(), InterpretContext(language: .id, numbers: NumberText(locale: "id")))
    #expect(p.first == "Pada 100 baris, daya pembeda model istimewa (AUC = 0,91; Hosmer & Lemeshow, 2013: ≥ 0,70 dapat diterima, ≥ 0,80 sangat baik, ≥ 0,90 istimewa).")
    #expect(p.last?.hasSuffix("Log loss bernilai 0,350 (makin kecil makin baik).") == true)
}

@Test func evaluateOwner() throws {
    let p = TableInterpretation.evaluate(try binaryMetrics(), InterpretContext(audience: .owner))
    #expect(p == ["Of every 100 firms that really are positive, the model finds about 89; when it flags a firm, it is right about 80 times in 100. Overall it tells the two groups apart very well. Treat its flags as a shortlist to check, not as a decision."])
}

@Test func evaluateRegressionAndCrossValidation() throws {
    let p = TableInterpretation.evaluate(try metricTable([("rmse", 1.2345), ("mae", 0.9), ("r2", 0.64)]), InterpretContext())
    #expect(p == ["On these rows the predictions explain 64% of the target's variance (R² = .64); the typical error is RMSE = 1.235 (MAE = 0.900)."])
    // Folds 0.80, 0.84, 0.88: mean 0.84, SD 0.04.
    let cv = try Table([("fold", .int(TypedColumn<Int64>([1, 2, 3]))), ("metric", .string(StringColumn(["auc", "auc", "auc"]))),
                        ("value", .float(TypedColumn([0.80, 0.84, 0.88])))])
    #expect(TableInterpretation.crossValidation(cv, InterpretContext()) == ["Across 3 cross-validation folds the mean auc is 0.840 (SD = 0.040)."])
}

@Test func importanceSentences() throws {
    let t = try Table([("feature", .string(StringColumn(["a", "b", "c", "d"]))), ("gain", .float(TypedColumn([0.5, 0.3, 0.2, 0])))])
    #expect(TableInterpretation.importance(t, InterpretContext()) == [
        "a carries 50% of the model's total gain; the top three (a, b and c) together carry 100%. Features never used in a split: d.",
        "Gain shows how much the model relies on a feature, not the direction of its effect or a cause; use explain for direction.",
    ])
    #expect(TableInterpretation.importance(t, InterpretContext(language: .id, audience: .owner)) == [
        "Model paling bergantung pada a, b, dan c. Ini menunjukkan bagian yang perlu diperhatikan, bukan hal yang harus diubah.",
    ])
}

/// Margin −0.2 − 0.9 + 0.4 + 0.1 = −0.6: P = 1 / (1 + e^0.6) = 0.354; baseline 1 / (1 + e^0.2) = 0.450.
private let firm = BoostInterpretation.Row(target: "exporter", positive: "1", features: ["sentiment", "digital", "age"],
                                           values: ["0.2", "5", "12"], contributions: [-0.9, 0.4, 0.1], base: -0.2, rows: 1)

@Test func explainOneFirm() {
    let p = BoostInterpretation.explain(firm, InterpretContext())
    #expect(p.first == "This firm's predicted chance of exporter = 1 is 0.35 (the model's baseline: 0.45). sentiment = 0.2 lowered it most (-0.90 on the log-odds scale). digital = 5 raised it most (+0.40 on the log-odds scale).")
    #expect(BoostInterpretation.explain(firm, InterpretContext(audience: .owner)) == [
        "For this firm the model gives 35% for exporter = 1, against its starting point of 45% before it looks at any firm's details. What held the prediction back most: sentiment. What raised it most: digital. This shows what the prediction rests on, not what would change the outcome; sentiment is a place to start the conversation with this firm.",
    ])
    #expect(BoostInterpretation.explain(firm, InterpretContext(language: .id, audience: .owner)) == [
        "Untuk usaha ini, model memberi 35% untuk exporter = 1, dibandingkan dengan titik awalnya sebesar 45% sebelum melihat rincian usaha mana pun. Yang paling menahan prediksi: sentiment. Yang paling menaikkannya: digital. Ini menunjukkan dasar prediksi, bukan apa yang akan mengubah hasilnya; sentiment dapat menjadi awal pembicaraan dengan usaha ini.",
    ])
}

@Test func boostModelAgainstTheBaseRate() {
    // Base rate 20%: baseline log loss −(.2 ln .2 + .8 ln .8) = 0.500.
    let f = BoostInterpretation.Facts(target: "exporter", trees: 100, features: 6, objective: "binary", positiveRate: 0.2,
                                      trainLoss: 0.31, validLoss: nil, drivers: [("sentiment", 0.34), ("digital", 0.21), ("age", 0.12), ("size", 0.05)])
    #expect(BoostInterpretation.model(f, test: nil, InterpretContext()) == [
        "Gradient-boosted trees (100 trees, 6 features) predict exporter.",
        "On the training rows the log loss is 0.310, against 0.500 for predicting the base rate (20%) for every row; training figures flatter a model, so judge it on held-out rows (interpret m on test).",
        "The strongest drivers, by share of the total gain, are sentiment (34%), digital (21%) and age (12%).",
        "Only 20% of the training rows are in the positive class, so accuracy alone is misleading (always guessing the larger class scores 80%); read AUC, precision and recall. These are associations in the data, not proof of cause: a factor the model relies on may stand in for something it does not see.",
    ])
}
