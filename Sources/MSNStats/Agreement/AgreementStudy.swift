import Foundation

/// Agreement of several coders who coded the same respondents on several themes, with bootstrap
/// intervals that resample respondents (every theme of a respondent moves together).
public struct AgreementStudy: Sendable {
    /// `codes[theme][respondent][coder]`: the code (0/1 presence or a rating), nil when not coded.
    public let codes: [[[Double?]]]
    /// Krippendorff's level of measurement.
    public let level: InterRater.Level

    /// A study of `codes[theme][respondent][coder]`.
    public init(codes: [[[Double?]]], level: InterRater.Level) {
        self.codes = codes
        self.level = level
    }

    /// The number of respondents.
    public var respondents: Int { codes.first?.count ?? 0 }
    /// The number of coders.
    public var coders: Int { codes.first?.first?.count ?? 0 }

    /// The coefficients of one set of units (rows: units, columns: coders).
    public struct Coefficients: Sendable, Equatable {
        /// Share of units on which every coder agrees.
        public var percent: Double
        /// Cohen's κ of the first two coders (NaN unless there are exactly two).
        public var cohen: Double
        /// Fleiss' κ over units every coder coded.
        public var fleiss: Double
        /// Krippendorff's α at the study's level.
        public var alpha: Double
        /// The number of units coded by two or more coders.
        public var units: Int

        /// As a vector (percent, cohen, fleiss, alpha), for the bootstrap.
        var vector: [Double] { [percent, cohen, fleiss, alpha] }
    }

    /// The coefficients of `units` (rows: units, columns: coders).
    public func coefficients(_ units: [[Double?]]) -> Coefficients {
        Coefficients(percent: InterRater.percentAgreement(units),
                     cohen: coders == 2 ? InterRater.cohenKappa(units) : .nan,
                     fleiss: InterRater.fleissKappa(units),
                     alpha: InterRater.krippendorffAlpha(units, level: level),
                     units: units.filter { $0.compactMap { $0 }.count >= 2 }.count)
    }

    /// Every (respondent, theme) as one unit, for the given respondents (with repeats in a bootstrap draw).
    public func pooledUnits(_ rows: [Int]) -> [[Double?]] { codes.flatMap { theme in rows.map { theme[$0] } } }

    /// The pooled coefficients over all respondents and themes.
    public var pooled: Coefficients { coefficients(pooledUnits(Array(0..<respondents))) }

    /// Coefficients of each theme over all respondents.
    public var perTheme: [Coefficients] { codes.map { coefficients($0) } }

    /// The statistic of one draw: pooled percent, Cohen, Fleiss, α, then for each theme its κ
    /// (Cohen's for two coders, Fleiss' otherwise) and α.
    func statistic(_ rows: [Int]) -> [Double] {
        var out = coefficients(pooledUnits(rows)).vector
        for theme in codes {
            let c = coefficients(rows.map { theme[$0] })
            out += [coders == 2 ? c.cohen : c.fleiss, c.alpha]
        }
        return out
    }

    /// Percentile intervals at `level` from `draws` resamples of the respondents, seeded per draw, so
    /// they are the same for any number of threads. Draws where a coefficient is undefined (every
    /// resampled code the same) are left out of that coefficient's interval and counted.
    public func bootstrap(draws: Int, seed: UInt64, threads: Int, level: Double = 0.95) -> (intervals: [BootstrapInterval], undefined: [Int]) {
        let estimates = statistic(Array(0..<respondents))
        let outcomes = Bootstrap.run(n: respondents, draws: draws, seed: seed, threads: threads) { rows in .value(statistic(rows)) }
        let values: [[Double]] = outcomes.compactMap { if case .value(let v) = $0 { return v } else { return nil } }
        let undefined = estimates.indices.map { p in values.filter { !$0[p].isFinite }.count }
        return (Bootstrap.intervals(estimates: estimates, draws: values, jackknife: [], level: level), undefined)
    }
}
