import Foundation
import Testing
@testable import MSNBoost

private struct TinyInteractions: Decodable { let X: [[Double]]; let y: [Double]; let test: [[Double]]; let pred: [Double]; let interactions: [[[Double]]] }

/// On the tiny problem where msnb's and XGBoost's trees coincide (Fixtures/tiny/make_tiny.py), SHAP
/// interaction values equal XGBoost's `pred_interactions`, and each row's matrix sums to the margin.
@Test func shapInteractionsMatchXGBoostOnTinyData() throws {
    let url = try #require(Bundle.module.url(forResource: "tiny", withExtension: "json", subdirectory: "Fixtures/tiny"))
    let tiny = try JSONDecoder().decode(TinyInteractions.self, from: Data(contentsOf: url))
    var o = BoostOptions()
    o.trees = 4; o.depth = 3; o.rate = 0.5; o.lambda = 1; o.minChildWeight = 1; o.baseScore = 0; o.objective = .regression
    let m = try BoostModel.train(features: (0..<3).map { j in tiny.X.map { $0[j] } }, names: ["a", "b", "c"], labels: tiny.y, options: o)
    var worst = 0.0
    for (i, row) in tiny.test.enumerated() {
        let phi = TreeSHAP.interactions(m, row: row)
        for a in 0..<4 { for b in 0..<4 { worst = max(worst, abs(phi[a][b] - tiny.interactions[i][a][b])) } }
        let total = phi.reduce(0) { $0 + $1.reduce(0, +) }
        #expect(abs(total - tiny.pred[i]) < 1e-4, "row \(i): Σ interactions \(total) vs margin \(tiny.pred[i])")
        // Symmetric, and each row of the matrix sums to that feature's SHAP value.
        let main = TreeSHAP.contributions(m, row: row)[0]
        for a in 0..<4 {
            #expect(abs(phi[a].reduce(0, +) - main[a]) < 1e-12)
            for b in 0..<4 { #expect(abs(phi[a][b] - phi[b][a]) < 1e-12) }
        }
    }
    print("SHAP interactions vs XGBoost pred_interactions: max |diff| \(worst)")
    #expect(worst < 1e-4)
}
