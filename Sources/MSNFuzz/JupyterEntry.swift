import Foundation
import MSNJupyter

extension FuzzEntries {
    /// Bytes → the frames of a Jupyter message → `WireMessage.decode` (delimiter, HMAC-SHA256 check,
    /// the four JSON frames) → the reply the kernel would send to a socket-free request (complete,
    /// inspect, is_complete, history). The first byte picks the signing: 0 unsigned, 1 signed and
    /// checked as received, 2 signed with the right signature put in (so that the JSON frames are
    /// reached through the signed path). The rest is split into frames at every NUL byte (JSON text
    /// holds no raw NUL). A decoded message must survive encode → decode with its identities.
    public static func jupyter(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        var frames = bytes.dropFirst().split(separator: 0, omittingEmptySubsequences: false).map { Data($0) }
        let signer = MessageSigner(key: mode % 3 == 0 ? "" : "fuzz-key")
        if mode % 3 == 2, let d = frames.firstIndex(of: Data("<IDS|MSG>".utf8)), frames.count >= d + 6 {
            frames[d + 1] = Data(signer.signature(Array(frames[(d + 2)...(d + 5)])).utf8)
        }
        guard let message = try? WireMessage.decode(frames, signer: signer) else { return }
        let again = try? WireMessage.decode(message.encode(signer: signer), signer: signer)
        precondition(again?.identities == message.identities && again?.buffers == message.buffers,
                     "a decoded message did not survive encode → decode")
        if let reply = jupyterRequests.reply(to: message.type, content: message.content) {
            _ = message.reply(type: "reply", content: reply, session: "fuzz").encode(signer: signer)
        }
    }

    /// One interpreter for every input (a session with the prelude and a short history), made once:
    /// the requests fuzzed here read it and never run code.
    nonisolated(unsafe) static let jupyterRequests: ContentRequests = {
        let interpreter = KernelInterpreter(directory: scratchConfiguration.readDirectory)
        for code in ["t = load \"tiny.csv\"", "x = 1 + 2", "t | head 2"] { _ = interpreter.execute(code, storeHistory: true) }
        return ContentRequests(interpreter: interpreter)
    }()
}
