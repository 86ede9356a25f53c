import Foundation

extension BoostModel {
    /// Gradient and hessian of each row for output `c`, as (g, h) pairs, rows in parallel chunks
    /// (each row on its own, so the values do not depend on the chunking). `probs` holds softmax
    /// probabilities row-major (multiclass only).
    static func gradients(_ objective: Objective, margin: [Double], labels: [Double], weights: [Double],
                          probs: RawBuffer<Double>?, classes k: Int, output c: Int, into gh: RawBuffer<SIMD2<Double>>) {
        let n = labels.count
        Parallel.forRanges(n, grain: 16_384) { range in
            margin.withUnsafeBufferPointer { m in
                labels.withUnsafeBufferPointer { y in
                    weights.withUnsafeBufferPointer { w in
                        switch objective {
                        case .binary:
                            for i in range {
                                let p = 1 / (1 + Foundation.exp(-m[i]))
                                gh[i] = SIMD2((p - y[i]) * w[i], max(p * (1 - p), 1e-16) * w[i])
                            }
                        case .regression:
                            for i in range { gh[i] = SIMD2((m[i] - y[i]) * w[i], w[i]) }
                        case .multiclass:
                            guard let probs else { return }
                            for i in range {
                                let p = probs[i * k + c]
                                gh[i] = SIMD2((p - (Int(y[i]) == c ? 1 : 0)) * w[i], max(2 * p * (1 - p), 1e-16) * w[i])
                            }
                        }
                    }
                }
            }
        }
    }

    /// Softmax probabilities of every row (row-major, `k` per row), rows in parallel chunks; the same
    /// arithmetic as `softmax`.
    static func softmaxRows(_ margin: [[Double]], _ n: Int) -> RawBuffer<Double> {
        let k = margin.count
        let out = RawBuffer<Double>(repeating: 0, count: n * k)
        Parallel.forRanges(n, grain: 16_384) { range in
            var e = [Double](repeating: 0, count: k)
            for i in range {
                var top = -Double.infinity
                for c in 0..<k { top = max(top, margin[c][i]) }
                var s = 0.0
                for c in 0..<k { e[c] = Foundation.exp(margin[c][i] - top); s += e[c] }
                for c in 0..<k { out[i * k + c] = e[c] / s }
            }
        }
        return out
    }
}
