import Foundation
import MSNPLS

/// The seminr models of `Fixtures/seminr/README.md`, written in lavaan syntax, with their settings.
enum SeminrModels {
    static let mobi4 = """
    Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    Expectation =~ CUEX1 + CUEX2 + CUEX3
    Value =~ PERV1 + PERV2
    Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    Satisfaction ~ Image + Expectation + Value
    """

    static let corpSimple = """
    COMP =~ comp_1 + comp_2 + comp_3
    LIKE =~ like_1 + like_2 + like_3
    CUSA =~ cusa
    CUSL =~ cusl_1 + cusl_2 + cusl_3
    CUSA ~ COMP + LIKE
    CUSL ~ COMP + LIKE + CUSA
    """

    static let corpExtended = """
    QUAL <~ qual_1 + qual_2 + qual_3 + qual_4 + qual_5 + qual_6 + qual_7 + qual_8
    PERF <~ perf_1 + perf_2 + perf_3 + perf_4 + perf_5
    CSOR <~ csor_1 + csor_2 + csor_3 + csor_4 + csor_5
    ATTR <~ attr_1 + attr_2 + attr_3
    COMP =~ comp_1 + comp_2 + comp_3
    LIKE =~ like_1 + like_2 + like_3
    CUSA =~ cusa
    CUSL =~ cusl_1 + cusl_2 + cusl_3
    COMP ~ QUAL + PERF + CSOR + ATTR
    LIKE ~ QUAL + PERF + CSOR + ATTR
    CUSA ~ COMP + LIKE
    CUSL ~ COMP + LIKE + CUSA
    """

    static let mobiModes = """
    Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    Quality =~ PERQ1
    Satisfaction <~ CUSA1 + CUSA2 + CUSA3
    Complaints =~ CUSCO
    Value =~ 1*PERV1 + 1*PERV2
    Satisfaction ~ Image + Quality + Complaints + Value
    """

    /// Model text, data file and options of each fixture stem.
    static func setup(_ stem: String) -> (model: String, data: String, options: PLSOptions)? {
        var o = PLSOptions()
        switch stem {
        case "mobi4_path": return (mobi4, "mobi.csv", o)
        case "mobi4_value": return (mobi4 + "\nValue ~ Image + Expectation", "mobi.csv", o)
        case "mobi4_factorial": o.scheme = .factorial; return (mobi4, "mobi.csv", o)
        case "mobi2": return ("Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5\nSatisfaction =~ CUSA1 + CUSA2 + CUSA3\nSatisfaction ~ Image", "mobi.csv", o)
        case "mobi4_plsc": o.scheme = .factorial; o.consistency = .all; return (mobi4, "mobi.csv", o)
        case "mobi4_mixed": o.consistency = .only(["Image", "Expectation"]); return (mobi4, "mobi.csv", o)
        case "mobi_modes": o.consistency = .only(["Image", "Quality"]); return (mobiModes, "mobi.csv", o)
        case "corp_rep_simple": o.missingValue = -99; return (corpSimple, "corp_rep_data.csv", o)
        case "corp_rep_ext_factorial_stop1":
            o.missingValue = -99; o.scheme = .factorial; o.stopCriterion = 1
            return (corpExtended, "corp_rep_data.csv", o)
        default: return nil
        }
    }
}
