import Foundation
import Testing
@testable import MSNBoost

private struct CategoricalFixture: Decodable {
    let c: [Double]; let z: [Double]; let y: [Double]; let test: [[Double]]
    let pred: [Double]; let contribs: [[Double]]; let interactions: [[[Double]]]
}

/// Parity with XGBoost 3.2's native categorical splits on a 20-level category (Fixtures/categorical/
/// make_categorical.py: partition splits forced, depth 3, rate 0.5, 6 trees): the same predictions,
/// SHAP values and SHAP interaction values on 40 rows covering every category.
@Test func categoricalSplitsMatchXGBoost() throws {
    let url = try #require(Bundle.module.url(forResource: "categorical", withExtension: "json", subdirectory: "Fixtures/categorical"))
    let f = try JSONDecoder().decode(CategoricalFixture.self, from: Data(contentsOf: url))
    var o = BoostOptions()
    o.trees = 6; o.depth = 3; o.rate = 0.5; o.lambda = 1; o.minChildWeight = 1; o.baseScore = 0; o.objective = .regression
    o.categorical = [0]
    let m = try BoostModel.train(features: [f.c, f.z], names: ["c", "z"], labels: f.y, options: o)
    let pred = m.predict([f.test.map { $0[0] }, f.test.map { $0[1] }])[0]
    var worstPred = 0.0, worstShap = 0.0, worstInteraction = 0.0
    let interactions = TreeSHAP.interactions(m, rows: f.test)
    for (i, row) in f.test.enumerated() {
        worstPred = max(worstPred, abs(pred[i] - f.pred[i]))
        let phi = TreeSHAP.contributions(m, row: row)[0]
        for j in 0..<3 { worstShap = max(worstShap, abs(phi[j] - f.contribs[i][j])) }
        for a in 0..<3 { for b in 0..<3 { worstInteraction = max(worstInteraction, abs(interactions[i][a][b] - f.interactions[i][a][b])) } }
    }
    print("categorical parity with XGBoost: prediction \(worstPred), SHAP \(worstShap), interactions \(worstInteraction)")
    #expect(worstPred < 1e-4)
    #expect(worstShap < 1e-4)
    #expect(worstInteraction < 1e-4)
}
