import Foundation
import MSNTable
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

/// A model whose trees reuse features along a path and skip others: 6 features, depth 5, 25 trees.
private func deeperModel() throws -> (BoostModel, [[Double]]) {
    var rng = SeededGenerator(seed: 17)
    let n = 400
    let f = (0..<6).map { j in (0..<n).map { _ in j == 5 ? Double(rng.nextInt(below: 3)) : rng.nextNormal() } }
    var y = [Double](repeating: 0, count: n)
    for i in 0..<n {
        let sign: Double = f[2][i] > 0 ? 1 : -1
        y[i] = f[0][i] * f[1][i] + sign * f[3][i] + 0.5 * f[5][i] + 0.1 * rng.nextNormal()
    }
    var o = BoostOptions()
    o.trees = 25; o.depth = 5; o.rate = 0.3; o.objective = .regression
    let m = try BoostModel.train(features: f, names: (0..<6).map { "f\($0)" }, labels: y, options: o)
    var rows = (0..<40).map { i in f.map { $0[i] } }
    rows[3][1] = Double.nan   // the missing-value branch
    return (m, rows)
}

/// The fast pass (preallocated path stack, only the features each tree splits on) equals the direct
/// implementation that conditions every feature on every tree.
@Test func fastShapInteractionsEqualTheDirectImplementation() throws {
    let (m, rows) = try deeperModel()
    #expect(m.rounds.contains { $0[0].depth == 5 })
    #expect(m.rounds.contains { $0[0].splitFeatures.count < 6 })
    let fast = TreeSHAP.interactions(m, rows: rows)
    var worst = 0.0
    for (r, row) in rows.enumerated() {
        let slow = ReferenceSHAP.interactions(m, row: row)
        for a in 0..<7 { for b in 0..<7 { worst = max(worst, abs(fast[r][a][b] - slow[a][b])) } }
        let margin = m.margins(row.map { [$0] })[0][0]
        #expect(abs(fast[r].reduce(0) { $0 + $1.reduce(0, +) } - margin) < 1e-9)
    }
    #expect(worst < 1e-10, "max |fast − direct| = \(worst)")
}

/// Rows are split into fixed chunks, so the matrices are bit-identical on one thread or several.
@Test func shapInteractionsIdenticalAcrossThreadCounts() throws {
    let (m, rows) = try deeperModel()
    let parallel = TreeSHAP.interactions(m, rows: rows)
    Parallel.serial.store(true, ordering: .relaxed)
    defer { Parallel.serial.store(false, ordering: .relaxed) }
    let serial = TreeSHAP.interactions(m, rows: rows)
    #expect(parallel == serial)
}
