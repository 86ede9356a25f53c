import Foundation

/// A JSON object as Foundation's JSONSerialization reads and writes it.
public typealias JSONObject = [String: Any]

/// One Jupyter message (protocol 5.3): routing identities, header, parent header, metadata, content,
/// buffers. Turned into and read from ZeroMQ frames by `encode`/`decode`.
public struct WireMessage: @unchecked Sendable {
    /// ROUTER routing identities (empty on iopub, where the topic takes their place).
    public var identities: [Data]
    /// `msg_id`, `session`, `username`, `date`, `msg_type`, `version`.
    public var header: JSONObject
    /// The header of the request this message answers ({} when none).
    public var parentHeader: JSONObject
    /// Metadata.
    public var metadata: JSONObject
    /// Content.
    public var content: JSONObject
    /// Extra binary buffers.
    public var buffers: [Data] = []

    static let delimiter = Data("<IDS|MSG>".utf8)

    /// The message type from the header.
    public var type: String { header["msg_type"] as? String ?? "" }

    /// Why a list of frames is not a message.
    public enum DecodeError: Error, CustomStringConvertible {
        case noDelimiter, tooFewFrames, badJSON(String), badSignature
        public var description: String {
            switch self {
            case .noDelimiter: return "no <IDS|MSG> delimiter"
            case .tooFewFrames: return "fewer than five frames after the delimiter"
            case .badJSON(let which): return "the \(which) frame is not a JSON object"
            case .badSignature: return "bad signature"
            }
        }
    }

    /// A message.
    public init(identities: [Data], header: JSONObject, parentHeader: JSONObject, metadata: JSONObject, content: JSONObject) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
    }

    /// Reads frames, checking the signature over the four JSON frames as received.
    public static func decode(_ frames: [Data], signer: MessageSigner) throws -> WireMessage {
        guard let d = frames.firstIndex(of: delimiter) else { throw DecodeError.noDelimiter }
        guard frames.count >= d + 6 else { throw DecodeError.tooFewFrames }
        let json = Array(frames[(d + 2)...(d + 5)])
        guard signer.verify(frames[d + 1], frames: json) else { throw DecodeError.badSignature }
        func object(_ data: Data, _ name: String) throws -> JSONObject {
            guard let o = try? JSONSerialization.jsonObject(with: data) as? JSONObject else { throw DecodeError.badJSON(name) }
            return o
        }
        var m = WireMessage(identities: Array(frames[..<d]), header: try object(json[0], "header"),
                            parentHeader: try object(json[1], "parent header"), metadata: try object(json[2], "metadata"),
                            content: try object(json[3], "content"))
        m.buffers = Array(frames[(d + 6)...])
        return m
    }

    /// The frames to send: identities, delimiter, signature, the four JSON frames, buffers.
    public func encode(signer: MessageSigner) -> [Data] {
        let json = [header, parentHeader, metadata, content].map(WireMessage.serialize)
        return identities + [WireMessage.delimiter, Data(signer.signature(json).utf8)] + json + buffers
    }

    static func serialize(_ o: JSONObject) -> Data {
        (try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])) ?? Data("{}".utf8)
    }

    /// A reply or broadcast to this message: same identities (for ROUTER sockets), this header as parent.
    public func reply(type: String, content: JSONObject, session: String, metadata: JSONObject = [:]) -> WireMessage {
        WireMessage(identities: identities, header: WireMessage.header(type: type, session: session),
                    parentHeader: header, metadata: metadata, content: content)
    }

    /// A fresh header.
    public static func header(type: String, session: String) -> JSONObject {
        ["msg_id": UUID().uuidString.lowercased(), "session": session, "username": "msnb",
         "date": timestamp(), "msg_type": type, "version": "5.3"]
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}
