import CZMQ
import Foundation

/// A failed ZeroMQ call, with libzmq's message.
public struct ZMQError: Error, CustomStringConvertible {
    /// What was being done and why it failed.
    public let description: String
    init(_ what: String) { description = "\(what): \(String(cString: zmq_strerror(zmq_errno())))" }
}

/// One ZeroMQ context for the process (thread-safe in libzmq).
final class ZMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    init() throws {
        guard let h = zmq_ctx_new() else { throw ZMQError("zmq_ctx_new") }
        handle = h
    }
}

/// A ZeroMQ socket sending and receiving multipart messages. A socket is used by one thread at a time
/// (the kernel guards the shared iopub socket with a lock).
final class ZMQSocket: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    /// A socket of `type` (ZMQ_ROUTER, ZMQ_PUB, ZMQ_REP…) bound to `endpoint`.
    init(_ context: ZMQContext, type: Int32, bind endpoint: String) throws {
        guard let h = zmq_socket(context.handle, type) else { throw ZMQError("zmq_socket") }
        handle = h
        var linger: Int32 = 1000
        zmq_setsockopt(h, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
        guard zmq_bind(h, endpoint) == 0 else { throw ZMQError("cannot bind \(endpoint)") }
    }

    /// Sends `frames` as one multipart message.
    func send(_ frames: [Data]) throws {
        for (i, frame) in frames.enumerated() {
            let flags: Int32 = i < frames.count - 1 ? ZMQ_SNDMORE : 0
            let rc = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, frame.count, flags) }
            guard rc >= 0 else { throw ZMQError("zmq_send") }
        }
    }

    /// Receives one multipart message; nil on timeout (`timeoutMilliseconds`, -1 waits forever) or interruption.
    func receive(timeoutMilliseconds: Int = -1) -> [Data]? {
        if timeoutMilliseconds > 0 && !poll(timeoutMilliseconds: timeoutMilliseconds) { return nil }
        var frames: [Data] = []
        while true {
            var msg = zmq_msg_t()
            zmq_msg_init(&msg)
            defer { zmq_msg_close(&msg) }
            let flags: Int32 = frames.isEmpty && timeoutMilliseconds >= 0 ? ZMQ_DONTWAIT : 0
            guard zmq_msg_recv(&msg, handle, flags) >= 0 else { return frames.isEmpty ? nil : frames }
            let size = zmq_msg_size(&msg)
            if let p = zmq_msg_data(&msg), size > 0 { frames.append(Data(bytes: p, count: size)) } else { frames.append(Data()) }
            if zmq_msg_more(&msg) == 0 { return frames }
        }
    }

    /// Whether a message is waiting, after waiting up to `timeoutMilliseconds`.
    func poll(timeoutMilliseconds: Int) -> Bool {
        var item = zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        return zmq_poll(&item, 1, timeoutMilliseconds) > 0 && (item.revents & Int16(ZMQ_POLLIN)) != 0
    }

    /// The endpoint the socket is bound to (resolves a port chosen by the system).
    var lastEndpoint: String {
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size)
        return String(cString: buffer)
    }
}
