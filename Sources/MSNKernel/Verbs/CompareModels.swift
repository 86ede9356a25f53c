import MSNLanguage
import MSNTable

/// Form 2 of `compare regions`: a fitted model refitted in each region.
enum CompareModels {
    static func run(_ ev: inout Evaluator, _ call: VerbCall, model: any PredictiveModel) throws -> ComparisonReport {
        throw Diagnostic(.model, "comparing models across regions is not available yet", at: call.nameSpan)
    }
}
