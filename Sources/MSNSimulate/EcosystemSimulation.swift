import Foundation
import MSNStats
import MSNTable

/// `simulate ecosystem`: firms in six Asian markets using four digital drivers whose effects on
/// international sales interact, under a Chinese "algorithmic" regime and a Southeast-Asian
/// "relational" regime (see docs/simulate.md).
public enum EcosystemSimulation {
    /// Countries, their shares and their bloc.
    public static let countries: [(name: String, share: Double, bloc: String)] = [
        ("China", 0.30, "China"), ("Indonesia", 0.20, "Southeast Asia"), ("Thailand", 0.125, "Southeast Asia"),
        ("Vietnam", 0.125, "Southeast Asia"), ("Malaysia", 0.125, "Southeast Asia"), ("India", 0.125, "South Asia"),
    ]
    /// Share of firms using a personal-shopper channel (daigou in China, jastip in Indonesia).
    static let shopperShare = ["China": 0.35, "Indonesia": 0.45, "Thailand": 0.3, "Vietnam": 0.3, "Malaysia": 0.3, "India": 0.2]

    /// One regime's coefficients on log international sales. Drivers enter on a 0–1 scale (the 0–10
    /// indices divided by 10; `shopper` is 0/1).
    public struct Regime: Sendable {
        /// Intercept of log sales (USD thousand).
        public var intercept: Double
        /// Main effects: cbec, influencer, ugc, shopper, social_media.
        public var cbec, influencer, ugc, shopper, social: Double
        /// Synergies: cbec × influencer, influencer × ugc, shopper × social_media, cbec × shopper.
        public var cbecInfluencer, influencerUGC, shopperSocial, cbecShopper: Double

        func logSales(_ c: Double, _ i: Double, _ u: Double, _ s: Double, _ m: Double) -> Double {
            intercept + cbec * c + influencer * i + ugc * u + shopper * s + social * m
                + cbecInfluencer * c * i + influencerUGC * i * u + shopperSocial * s * m + cbecShopper * c * s
        }

        static func mean(_ a: Regime, _ b: Regime) -> Regime {
            Regime(intercept: (a.intercept + b.intercept) / 2, cbec: (a.cbec + b.cbec) / 2, influencer: (a.influencer + b.influencer) / 2,
                   ugc: (a.ugc + b.ugc) / 2, shopper: (a.shopper + b.shopper) / 2, social: (a.social + b.social) / 2,
                   cbecInfluencer: (a.cbecInfluencer + b.cbecInfluencer) / 2, influencerUGC: (a.influencerUGC + b.influencerUGC) / 2,
                   shopperSocial: (a.shopperSocial + b.shopperSocial) / 2, cbecShopper: (a.cbecShopper + b.cbecShopper) / 2)
        }
    }

    /// China: platform algorithms reward cross-border e-commerce, content volume and their pairing with influencers.
    public static let algorithmic = Regime(intercept: 4.0, cbec: 1.2, influencer: 0.4, ugc: 0.9, shopper: 0.1, social: 0.1,
                                           cbecInfluencer: 1.5, influencerUGC: 0.4, shopperSocial: 0.1, cbecShopper: 0.2)
    /// Southeast Asia: trust travels through people — personal shoppers, social media and influencers with their audiences.
    public static let relational = Regime(intercept: 3.8, cbec: 0.4, influencer: 0.7, ugc: 0.3, shopper: 0.6, social: 0.5,
                                          cbecInfluencer: 0.3, influencerUGC: 1.2, shopperSocial: 1.4, cbecShopper: 0.8)
    /// Standard deviation of the noise on log sales.
    public static let noiseSD = 0.45

    /// The regime of a bloc (South Asia: halfway between the two).
    public static func regime(bloc: String) -> Regime {
        bloc == "China" ? algorithmic : bloc == "Southeast Asia" ? relational : Regime.mean(algorithmic, relational)
    }

    /// A table of `n` firms drawn with `seed`.
    public static func table(n: Int, seed: UInt64) throws -> Table {
        guard n >= 60 else { throw SimulationError.tooFewRows(n, needed: 60) }
        var d = SimulationDraws(seed: seed)
        let country = d.allocate(countries.map(\.name), shares: countries.map(\.share), count: n)
        let blocOf = Dictionary(uniqueKeysWithValues: countries.map { ($0.name, $0.bloc) })
        let bloc = country.map { blocOf[$0] ?? "" }
        var age = [Int64](), employees = [Int64](), cbec = [Double](), influencer = [Double](), ugc = [Double]()
        var shopper = [Int64](), social = [Double](), sales = [Double]()
        func index(_ orientation: Double, _ d: inout SimulationDraws) -> Double {
            SimulationDraws.round(10 * Distributions.normalCDF(0.5 * orientation + 0.75.squareRoot() * d.normal()), 1)
        }
        for k in 0..<n {
            age.append(Int64(1 + min(39, Int(exp(d.normal(log(8), 0.6))))))
            employees.append(Int64(max(1, min(250, exp(d.normal(log(25), 0.9)).rounded()))))
            let orientation = d.normal()   // a firm's digital orientation makes the drivers correlate
            let c = index(orientation, &d), i = index(orientation, &d), u = index(orientation, &d), m = index(orientation, &d)
            let s: Int64 = d.bernoulli(shopperShare[country[k]] ?? 0.3) ? 1 : 0
            cbec.append(c); influencer.append(i); ugc.append(u); social.append(m); shopper.append(s)
            let y = regime(bloc: bloc[k]).logSales(c / 10, i / 10, u / 10, Double(s), m / 10) + d.normal(0, noiseSD)
            sales.append(SimulationDraws.round(exp(y), 1))
        }
        var b = SimulatedTableBuilder()
        b.int("firm_id", (1...n).map { Int64($0) })
        b.string("country", country)
        b.string("bloc", bloc)
        b.int("firm_age", age)
        b.int("employees", employees)
        b.float("cbec", cbec)
        b.float("influencer", influencer)
        b.float("ugc", ugc)
        b.int("shopper", shopper)
        b.float("social_media", social)
        b.float("intl_sales", sales)
        return try b.table()
    }

    /// The true coefficients per regime, one row per term.
    public static func truth() throws -> Table {
        let south = Regime.mean(algorithmic, relational)
        let terms: [(String, KeyPath<Regime, Double>)] = [
            ("intercept", \.intercept), ("cbec", \.cbec), ("influencer", \.influencer), ("ugc", \.ugc), ("shopper", \.shopper),
            ("social_media", \.social), ("cbec:influencer", \.cbecInfluencer), ("influencer:ugc", \.influencerUGC),
            ("shopper:social_media", \.shopperSocial), ("cbec:shopper", \.cbecShopper),
        ]
        var b = SimulatedTableBuilder()
        b.string("term", terms.map(\.0))
        b.float("china", terms.map { algorithmic[keyPath: $0.1] })
        b.float("southeast_asia", terms.map { relational[keyPath: $0.1] })
        b.float("south_asia", terms.map { south[keyPath: $0.1] })
        return try b.table()
    }
}
