import MSNStats

/// Harman's single-factor test for common-method bias: the share of the total variance of the items
/// taken by the first unrotated principal component. A share above 50% is read as a sign of common-method
/// variance. Its limits (Podsakoff et al. 2003): a single factor rarely emerges even when method
/// variance is large, so a share below 50% does not show that bias is absent, and the test does not
/// correct anything.
public struct HarmanTest: Sendable {
    /// The first eigenvalue, the number of items, and the share.
    public let firstEigenvalue: Double, items: Int
    /// Share of total variance in the first unrotated component.
    public var share: Double { firstEigenvalue / Double(items) }
    /// Whether the share exceeds one half.
    public var exceedsHalf: Bool { share > 0.5 }

    /// The test on the items' correlations.
    public init(_ data: CorrelationData) {
        firstEigenvalue = data.correlation.symmetricEigen().values.first ?? .nan
        items = data.names.count
    }

    /// The limits of the test, for the report.
    public static let limits = "Harman's test is a weak diagnostic: a single factor rarely emerges even when method variance is large, so a share below 50% does not show that common-method bias is absent, and the test corrects nothing (Podsakoff et al. 2003). Prefer design remedies, a marker variable or a method factor."
}
