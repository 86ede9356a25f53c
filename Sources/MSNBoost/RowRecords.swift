/// Each training row's gradient pair and bin codes side by side in one record (16 bytes of (g, h),
/// then the codes, padded to a multiple of 16; 32 bytes for up to 16 byte-coded features), records
/// aligned to cache lines: building a histogram gathers one cache line per row instead of two.
/// The codes are written once; the gradients every tree.
final class RowRecords: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    /// Bytes per record.
    let stride: Int
    let count: Int

    init(_ data: FeatureBins) {
        let n = data.rows, fcount = data.featureCount
        let codeBytes = fcount * (data.narrow != nil ? 1 : 2)
        stride = 16 + (codeBytes + 15) / 16 * 16
        count = n
        base = .allocate(byteCount: Swift.max(1, stride * n), alignment: 64)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: stride * n)
        let records = base, stride = stride
        Parallel.forRanges(n, grain: 16_384) { range in
            for f in 0..<fcount {
                if let codes = data.narrow?.base {
                    for r in range { records.storeBytes(of: codes[f * n + r], toByteOffset: r * stride + 16 + f, as: UInt8.self) }
                } else if let codes = data.wide?.base {
                    for r in range { records.storeBytes(of: codes[f * n + r], toByteOffset: r * stride + 16 + 2 * f, as: UInt16.self) }
                }
            }
        }
    }

    deinit { base.deallocate() }

    /// The (g, h) pair of row `r`.
    @inline(__always) func pair(_ r: Int) -> SIMD2<Double> { base.load(fromByteOffset: r &* stride, as: SIMD2<Double>.self) }

    /// Sets the (g, h) pair of row `r`.
    @inline(__always) func setPair(_ r: Int, _ v: SIMD2<Double>) { base.storeBytes(of: v, toByteOffset: r &* stride, as: SIMD2<Double>.self) }
}
