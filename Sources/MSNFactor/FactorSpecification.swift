/// What an exploratory factor analysis estimates: how many factors, by which method, rotated how.
public struct FactorSpecification: Sendable, Equatable {
    /// Extraction methods.
    public enum Method: String, Sendable, CaseIterable {
        /// Maximum likelihood (as R's `factanal`).
        case ml
        /// Iterated principal-axis factoring from squared multiple correlations (as `psych::fa(fm = "pa")`).
        case pa
    }

    /// Rotations.
    public enum Rotation: String, Sendable, CaseIterable {
        /// No rotation.
        case none
        /// Varimax with Kaiser normalisation (orthogonal).
        case varimax
        /// Promax with power 4 on a varimax start (oblique).
        case promax
        /// Direct quartimin (oblimin with γ = 0), without Kaiser normalisation (oblique).
        case oblimin

        /// Whether the factors may correlate.
        public var isOblique: Bool { self == .promax || self == .oblimin }
    }

    /// The number of factors.
    public var factors: Int
    /// The extraction method.
    public var method: Method
    /// The rotation.
    public var rotation: Rotation

    /// A specification.
    public init(factors: Int, method: Method = .ml, rotation: Rotation = .oblimin) {
        self.factors = factors
        self.method = method
        self.rotation = rotation
    }
}

/// Why a factor analysis could not be done.
public enum FactorError: Error, Equatable, CustomStringConvertible {
    /// Fewer than three variables, or more factors than the data can identify.
    case tooManyFactors(factors: Int, variables: Int, maximum: Int)
    /// Too few complete rows.
    case tooFewRows(Int)
    /// A variable does not vary.
    case constant(String)
    /// The correlation matrix is singular (a variable is a combination of others).
    case singular
    /// The estimation did not converge.
    case notConverged(String)

    public var description: String {
        switch self {
        case .tooManyFactors(let k, let p, let m):
            return "\(k) factors cannot be identified from \(p) variables (at most \(m), so that the model has degrees of freedom left)"
        case .tooFewRows(let n): return "only \(n) complete rows; a factor analysis needs more rows than variables"
        case .constant(let v): return "'\(v)' has the same value in every row"
        case .singular: return "the correlation matrix is singular: a variable is an exact combination of others"
        case .notConverged(let what): return "\(what) did not converge"
        }
    }

    /// The most factors `p` variables identify: the largest k with (p − k)² ≥ p + k.
    public static func maximumFactors(_ p: Int) -> Int {
        var k = 0
        while (p - (k + 1)) * (p - (k + 1)) >= p + k + 1 && k + 1 < p { k += 1 }
        return k
    }
}
