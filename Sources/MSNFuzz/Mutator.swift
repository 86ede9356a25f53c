/// libFuzzer-style mutations of byte strings from a seeded generator (SplitMix64): how the smoke
/// fuzzer of `make test` (Sources/FuzzSmoke) explores from the seed corpora without coverage
/// instrumentation. The same seed gives the same sequence of inputs.
public struct Mutator {
    private var state: UInt64
    private let dictionary: [[UInt8]]

    /// A mutator with a seed and the tokens of a libFuzzer dictionary (see `parseDictionary`).
    public init(seed: UInt64, dictionary: [[UInt8]]) {
        state = seed
        self.dictionary = dictionary
    }

    /// The next pseudo-random number (SplitMix64).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (n > 0).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    /// `input` changed by one to five mutations, `other` supplying the cross-over material; at most
    /// `maxLength` bytes.
    public mutating func mutate(_ input: [UInt8], other: [UInt8], maxLength: Int) -> [UInt8] {
        var b = input
        for _ in 0..<(1 + below(5)) { mutateOnce(&b, other: other) }
        return b.count > maxLength ? Array(b.prefix(maxLength)) : b
    }

    private mutating func mutateOnce(_ b: inout [UInt8], other: [UInt8]) {
        switch below(b.isEmpty ? 3 : 10) {
        case 0: b.insert(UInt8(truncatingIfNeeded: next()), at: below(b.count + 1))
        case 1: insertToken(&b)
        case 2: if !other.isEmpty { crossOver(&b, other) } else { insertToken(&b) }
        case 3: b.remove(at: below(b.count))
        case 4: // erase a run
            let start = below(b.count)
            b.removeSubrange(start..<min(b.count, start + 1 + below(16)))
        case 5: b[below(b.count)] ^= UInt8(1) << UInt8(below(8))
        case 6: b[below(b.count)] = UInt8(truncatingIfNeeded: next())
        case 7: // repeat a run
            let start = below(b.count), run = Array(b[start..<min(b.count, start + 1 + below(8))])
            b.insert(contentsOf: Array(repeating: run, count: 1 + below(8)).joined(), at: below(b.count + 1))
        case 8: replaceDigit(&b)
        default: // copy part of itself elsewhere
            let start = below(b.count), part = Array(b[start..<min(b.count, start + 1 + below(32))])
            b.insert(contentsOf: part, at: below(b.count + 1))
        }
    }

    private mutating func insertToken(_ b: inout [UInt8]) {
        guard !dictionary.isEmpty else { return b.append(UInt8(truncatingIfNeeded: next())) }
        b.insert(contentsOf: dictionary[below(dictionary.count)], at: below(b.count + 1))
    }

    private mutating func crossOver(_ b: inout [UInt8], _ other: [UInt8]) {
        let start = below(other.count), part = other[start..<min(other.count, start + 1 + below(64))]
        let at = below(b.count + 1)
        if below(2) == 0 { b.insert(contentsOf: part, at: at) } else {
            b.replaceSubrange(at..<min(b.count, at + part.count), with: part)
        }
    }

    /// Replaces a digit with an interesting number (0, -1, a large or tiny one).
    private mutating func replaceDigit(_ b: inout [UInt8]) {
        guard let i = b.indices.filter({ b[$0] >= 48 && b[$0] <= 57 }).randomElement(using: &self) else { return }
        let numbers = ["0", "-1", "255", "65536", "2147483648", "9223372036854775807", "1e308", "1e-320", "99999999999999999999"]
        b.replaceSubrange(i...i, with: Array(numbers[below(numbers.count)].utf8))
    }

    /// The tokens of a libFuzzer dictionary: one `"token"` (optionally `name="token"`) per line, with
    /// `\\`, `\"` and `\xNN` escapes; comments and blank lines skipped.
    public static func parseDictionary(_ text: String) -> [[UInt8]] {
        text.split(separator: "\n").compactMap { line -> [UInt8]? in
            let s = Array(line.utf8)
            guard let open = s.firstIndex(of: 34), s.first != 35, let close = s.lastIndex(of: 34), close > open else { return nil }
            var out: [UInt8] = [], i = open + 1
            while i < close {
                if s[i] == 92, i + 1 < close {
                    if s[i + 1] == 120, i + 3 < close, let v = UInt8(String(decoding: s[(i + 2)...(i + 3)], as: UTF8.self), radix: 16) {
                        out.append(v); i += 4; continue
                    }
                    out.append(s[i + 1]); i += 2; continue
                }
                out.append(s[i]); i += 1
            }
            return out.isEmpty ? nil : out
        }
    }
}

extension Mutator: RandomNumberGenerator {}
