/// The events-per-variable rule of thumb for logistic models (Peduzzi et al. 1996): fewer than 10
/// outcomes of the rarer class per estimated coefficient risks overfitting and biased coefficients.
public enum EventsPerVariable {
    /// The rarer class's count divided by `parameters` (coefficients besides the intercept).
    public static func ratio(labels: [Double], parameters: Int) -> Double {
        let events = labels.filter { $0 == 1 }.count
        return Double(min(events, labels.count - events)) / Double(max(1, parameters))
    }

    /// A warning when the ratio is below 10, nil otherwise.
    public static func warning(labels: [Double], parameters: Int) -> String? {
        let events = labels.filter { $0 == 1 }.count, rarer = min(events, labels.count - events)
        let epv = ratio(labels: labels, parameters: parameters)
        guard parameters > 0, epv < 10 else { return nil }
        return "\(rarer) events of the rarer class for \(parameters) coefficients: \(SummaryNumber.oneDecimal(epv)) events per variable, below the rule of thumb of 10 (Peduzzi et al. 1996); coefficients and apparent performance may be optimistic — validate on held-out rows or shrink"
    }
}

/// Number words without Foundation formatters.
enum SummaryNumber {
    /// `v` with one decimal.
    static func oneDecimal(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        let whole = Int(r), tenth = Int(((abs(r) - Double(abs(whole))) * 10).rounded())
        return "\(whole).\(tenth)"
    }
}
