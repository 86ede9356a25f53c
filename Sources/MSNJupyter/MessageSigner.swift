import COpenSSLCrypto
import Foundation

/// Signs and verifies Jupyter messages: HMAC-SHA256 (system OpenSSL libcrypto) over the header, parent
/// header, metadata and content frames, as lowercase hex. An empty key means unsigned messages.
public struct MessageSigner: Sendable {
    let key: [UInt8]

    /// A signer for the connection file's `key`.
    public init(key: String) { self.key = Array(key.utf8) }

    /// Whether messages are signed at all.
    public var isSigning: Bool { !key.isEmpty }

    /// The hex signature of the four frames, or "" when not signing.
    public func signature(_ frames: [Data]) -> String {
        guard isSigning else { return "" }
        return digest(frames).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` (hex) is right for the frames, compared in constant time.
    public func verify(_ signature: Data, frames: [Data]) -> Bool {
        guard isSigning else { return true }
        let expected = Array(self.signature(frames).utf8)
        let given = Array(signature)
        guard given.count == expected.count else { return false }
        return msnb_constant_time_compare(given, expected, expected.count) == 0
    }

    private func digest(_ frames: [Data]) -> [UInt8] {
        var joined = Data()
        for f in frames { joined.append(f) }
        var out = [UInt8](repeating: 0, count: 32)
        let ok = joined.withUnsafeBytes { bytes in
            msnb_hmac_sha256(key, Int32(key.count), bytes.bindMemory(to: UInt8.self).baseAddress, joined.count, &out)
        }
        return ok == 1 ? out : []
    }
}
