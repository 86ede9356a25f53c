import Foundation

/// A kernel connection file, as written by Jupyter: where to bind the five sockets and the signing key.
public struct ConnectionInfo: Codable, Sendable, Equatable {
    /// `tcp` or `ipc`.
    public var transport: String
    /// The address to bind, e.g. 127.0.0.1.
    public var ip: String
    /// Shell socket port.
    public var shellPort: Int
    /// IOPub socket port.
    public var iopubPort: Int
    /// Stdin socket port.
    public var stdinPort: Int
    /// Control socket port.
    public var controlPort: Int
    /// Heartbeat socket port.
    public var hbPort: Int
    /// The HMAC key ("" for unsigned messages).
    public var key: String
    /// Must be `hmac-sha256` when a key is given.
    public var signatureScheme: String

    enum CodingKeys: String, CodingKey {
        case transport, ip, key
        case shellPort = "shell_port", iopubPort = "iopub_port", stdinPort = "stdin_port"
        case controlPort = "control_port", hbPort = "hb_port", signatureScheme = "signature_scheme"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        transport = try c.decodeIfPresent(String.self, forKey: .transport) ?? "tcp"
        ip = try c.decodeIfPresent(String.self, forKey: .ip) ?? "127.0.0.1"
        shellPort = try c.decode(Int.self, forKey: .shellPort)
        iopubPort = try c.decode(Int.self, forKey: .iopubPort)
        stdinPort = try c.decode(Int.self, forKey: .stdinPort)
        controlPort = try c.decode(Int.self, forKey: .controlPort)
        hbPort = try c.decode(Int.self, forKey: .hbPort)
        key = try c.decodeIfPresent(String.self, forKey: .key) ?? ""
        signatureScheme = try c.decodeIfPresent(String.self, forKey: .signatureScheme) ?? "hmac-sha256"
    }

    /// Reads and checks a connection file.
    public static func read(_ path: String) throws -> ConnectionInfo {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw JupyterError.connectionFile("cannot read the connection file \(path)")
        }
        let info: ConnectionInfo
        do { info = try JSONDecoder().decode(ConnectionInfo.self, from: data) } catch {
            throw JupyterError.connectionFile("\(path) is not a Jupyter connection file: \(error)")
        }
        guard info.key.isEmpty || info.signatureScheme == "hmac-sha256" else {
            throw JupyterError.connectionFile("signature scheme '\(info.signatureScheme)' is not supported; use hmac-sha256")
        }
        return info
    }

    /// The ZeroMQ endpoint for `port`.
    public func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }
}

/// Problems starting or running the kernel that are not a statement's diagnostic.
public enum JupyterError: Error, CustomStringConvertible {
    /// A missing or malformed connection file.
    case connectionFile(String)
    /// A kernelspec that cannot be written.
    case install(String)
    /// A notebook that cannot be converted.
    case convert(String)

    public var description: String {
        switch self {
        case .connectionFile(let m), .install(let m), .convert(let m): return m
        }
    }
}
