/// A dense row-major matrix of Doubles. The matrices in msnb's models are small (a few hundred rows
/// at most), so plain loops over one contiguous buffer are fast enough and need no BLAS.
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let cols: Int
    /// Entries, row by row.
    public var values: [Double]

    /// A matrix of zeros (or `value`).
    public init(rows: Int, cols: Int, value: Double = 0) {
        self.rows = rows
        self.cols = cols
        values = [Double](repeating: value, count: rows * cols)
    }

    /// A matrix from rows of equal length.
    public init(_ data: [[Double]]) {
        rows = data.count
        cols = data.first?.count ?? 0
        values = data.flatMap { $0 }
    }

    /// The n × n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, cols: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// Entry (i, j).
    @inline(__always) public subscript(i: Int, j: Int) -> Double {
        get { values[i * cols + j] }
        set { values[i * cols + j] = newValue }
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: cols, cols: rows)
        for i in 0..<rows { for j in 0..<cols { t[j, i] = self[i, j] } }
        return t
    }

    /// Matrix product.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.cols == b.rows, "matrix sizes do not match")
        var c = Matrix(rows: a.rows, cols: b.cols)
        a.values.withUnsafeBufferPointer { av in
            b.values.withUnsafeBufferPointer { bv in
                c.values.withUnsafeMutableBufferPointer { cv in
                    for i in 0..<a.rows {
                        for k in 0..<a.cols {
                            let x = av[i * a.cols + k]
                            if x == 0 { continue }
                            for j in 0..<b.cols { cv[i * b.cols + j] += x * bv[k * b.cols + j] }
                        }
                    }
                }
            }
        }
        return c
    }

    /// Element-wise sum.
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        var c = a
        for i in 0..<c.values.count { c.values[i] += b.values[i] }
        return c
    }

    /// Element-wise difference.
    public static func - (a: Matrix, b: Matrix) -> Matrix {
        var c = a
        for i in 0..<c.values.count { c.values[i] -= b.values[i] }
        return c
    }

    /// Scalar multiple.
    public static func * (s: Double, a: Matrix) -> Matrix {
        var c = a
        for i in 0..<c.values.count { c.values[i] *= s }
        return c
    }

    /// Matrix–vector product.
    public func apply(_ x: [Double]) -> [Double] {
        var y = [Double](repeating: 0, count: rows)
        for i in 0..<rows { var s = 0.0; for j in 0..<cols { s += self[i, j] * x[j] }; y[i] = s }
        return y
    }

    /// Sum of the diagonal.
    public var trace: Double { (0..<min(rows, cols)).reduce(0) { $0 + self[$1, $1] } }

    /// The diagonal.
    public var diagonal: [Double] { (0..<min(rows, cols)).map { self[$0, $0] } }

    public var description: String {
        (0..<rows).map { i in (0..<cols).map { String(format: "%10.4f", self[i, $0]) }.joined(separator: " ") }.joined(separator: "\n")
    }
}

import Foundation
