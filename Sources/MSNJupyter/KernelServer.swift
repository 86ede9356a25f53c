import CZMQ
import Dispatch
import Foundation

/// The Jupyter kernel process: binds the five sockets of a connection file and serves protocol 5.3.
/// Threads: heartbeat (echo), control (interrupt, shutdown, kernel_info), shell (every other request;
/// it hands statements to the kernel's `Runner`, whose worker thread has a known large stack, and waits). iopub is shared and guarded by a lock. Messages
/// with a bad signature are logged to stderr and dropped; the kernel keeps serving.
public final class KernelServer: @unchecked Sendable {
    let connection: ConnectionInfo
    let signer: MessageSigner
    /// This kernel's session id (the `session` field of every header it sends).
    let sessionID = UUID().uuidString.lowercased()
    let context: ZMQContext
    let shell, control, stdin, iopub, heartbeat: ZMQSocket
    let iopubLock = NSLock()
    let interpreter: KernelInterpreter
    let completion: KernelCompletion
    let finished = DispatchSemaphore(value: 0)
    var signalSource: DispatchSourceSignal?

    /// Binds the sockets of `connection`.
    public init(connection: ConnectionInfo, directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws {
        self.connection = connection
        signer = MessageSigner(key: connection.key)
        context = try ZMQContext()
        shell = try ZMQSocket(context, type: ZMQ_ROUTER, bind: connection.endpoint(connection.shellPort))
        control = try ZMQSocket(context, type: ZMQ_ROUTER, bind: connection.endpoint(connection.controlPort))
        stdin = try ZMQSocket(context, type: ZMQ_ROUTER, bind: connection.endpoint(connection.stdinPort))
        iopub = try ZMQSocket(context, type: ZMQ_PUB, bind: connection.endpoint(connection.iopubPort))
        heartbeat = try ZMQSocket(context, type: ZMQ_REP, bind: connection.endpoint(connection.hbPort))
        interpreter = KernelInterpreter(directory: directory)
        completion = KernelCompletion(session: interpreter.session, directory: directory)
    }

    /// Serves until a shutdown request; returns the exit status.
    public func run() -> Int32 {
        installInterruptHandler()
        for w in interpreter.session.startupWarnings { log(w) }
        publish(WireMessage(identities: [], header: WireMessage.header(type: "status", session: sessionID),
                            parentHeader: [:], metadata: [:], content: ["execution_state": "starting"]))
        startThread("msnb-heartbeat", stackSize: 1 << 20) { [self] in heartbeatLoop() }
        startThread("msnb-control", stackSize: 8 << 20) { [self] in serve(control, channel: .control) }
        startThread("msnb-shell", stackSize: 8 << 20) { [self] in serve(shell, channel: .shell) }
        startThread("msnb-parent", stackSize: 1 << 20) { [self] in watchParent() }
        finished.wait()
        return 0
    }

    enum Channel { case shell, control }

    private func startThread(_ name: String, stackSize: Int, _ body: @escaping @Sendable () -> Void) {
        let t = Thread(block: body)
        t.name = name
        t.stackSize = stackSize
        t.start()
    }

    /// SIGINT (kernelspec interrupt_mode "signal") cancels the running statement.
    private func installInterruptHandler() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [interpreter] in interpreter.cancel() }
        source.resume()
        signalSource = source
    }

    /// Ends the kernel when the process that started it dies (as IPython's parent poller does), so
    /// that a crashed notebook server or test run leaves no kernel behind.
    private func watchParent() {
        let parent = getppid()
        while true {
            Thread.sleep(forTimeInterval: 1)
            if getppid() != parent {
                log("msnb kernel: the parent process \(parent) is gone; exiting")
                finished.signal()
                return
            }
        }
    }

    private func heartbeatLoop() {
        while true {
            guard let frames = heartbeat.receive() else { continue }
            try? heartbeat.send(frames)
        }
    }

    private func serve(_ socket: ZMQSocket, channel: Channel) {
        while true {
            guard let frames = socket.receive() else { continue }
            guard let message = decode(frames, channel: channel) else { continue }
            handle(message, on: socket, channel: channel)
            if message.type == "shutdown_request" { finished.signal() }
        }
    }

    func decode(_ frames: [Data], channel: Channel) -> WireMessage? {
        do { return try WireMessage.decode(frames, signer: signer) } catch {
            log("msnb kernel: rejected a message on \(channel): \(error)")
            return nil
        }
    }

    /// Handles one request, between busy and idle status messages on iopub.
    func handle(_ m: WireMessage, on socket: ZMQSocket, channel: Channel) {
        publish(m.reply(type: "status", content: ["execution_state": "busy"], session: sessionID).toIOPub())
        defer { publish(m.reply(type: "status", content: ["execution_state": "idle"], session: sessionID).toIOPub()) }
        let handlers = RequestHandlers(server: self)
        switch (m.type, channel) {
        case ("kernel_info_request", _): send(m.reply(type: "kernel_info_reply", content: RequestHandlers.kernelInfo(), session: sessionID), on: socket)
        case ("interrupt_request", _):
            interpreter.cancel()
            send(m.reply(type: "interrupt_reply", content: ["status": "ok"], session: sessionID), on: socket)
        case ("shutdown_request", _):
            let restart = m.content["restart"] as? Bool ?? false
            send(m.reply(type: "shutdown_reply", content: ["status": "ok", "restart": restart], session: sessionID), on: socket)
        case ("comm_info_request", _):
            send(m.reply(type: "comm_info_reply", content: ["status": "ok", "comms": [String: Any]()], session: sessionID), on: socket)
        case ("execute_request", .shell): handlers.execute(m, on: socket)
        case ("complete_request", .shell): send(m.reply(type: "complete_reply", content: handlers.complete(m.content), session: sessionID), on: socket)
        case ("inspect_request", .shell): send(m.reply(type: "inspect_reply", content: handlers.inspect(m.content), session: sessionID), on: socket)
        case ("is_complete_request", .shell): send(m.reply(type: "is_complete_reply", content: handlers.isComplete(m.content), session: sessionID), on: socket)
        case ("history_request", .shell): send(m.reply(type: "history_reply", content: handlers.history(m.content), session: sessionID), on: socket)
        default: log("msnb kernel: ignoring \(m.type) on \(channel)")
        }
    }

    /// Sends a reply on a ROUTER socket.
    func send(_ m: WireMessage, on socket: ZMQSocket) {
        do { try socket.send(m.encode(signer: signer)) } catch { log("msnb kernel: cannot send \(m.type): \(error)") }
    }

    /// Publishes on iopub (any thread).
    func publish(_ m: WireMessage) {
        iopubLock.lock()
        defer { iopubLock.unlock() }
        do { try iopub.send(m.encode(signer: signer)) } catch { log("msnb kernel: cannot publish \(m.type): \(error)") }
    }

    /// Replies `aborted` to execute requests already queued on the shell socket (after a failure with
    /// stop_on_error, as IPython does); other queued requests are served normally.
    func abortQueuedExecutions() {
        while let frames = shell.receive(timeoutMilliseconds: 0) {
            guard let m = decode(frames, channel: .shell) else { continue }
            guard m.type == "execute_request" else { handle(m, on: shell, channel: .shell); continue }
            publish(m.reply(type: "status", content: ["execution_state": "busy"], session: sessionID).toIOPub())
            send(m.reply(type: "execute_reply", content: ["status": "aborted", "execution_count": interpreter.executionCount], session: sessionID), on: shell)
            publish(m.reply(type: "status", content: ["execution_state": "idle"], session: sessionID).toIOPub())
        }
    }

    func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
}

extension WireMessage {
    /// The same message for iopub: the message type as topic instead of routing identities.
    func toIOPub() -> WireMessage {
        var m = self
        m.identities = [Data("kernel.\(type)".utf8)]
        return m
    }
}
