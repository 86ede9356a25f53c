import CEditLine
import Foundation
import MSNKernel
import Synchronization

/// Set by the SIGINT handler; read by the REPL to tell Ctrl-C from end of input and to cancel.
let interruptFlag = Atomic<Bool>(false)

/// Completion state shared with libedit's C callbacks (one REPL per process).
nonisolated(unsafe) private var completionProvider: ((String, String) -> [String])? = nil
nonisolated(unsafe) private var completionMatches: [String] = []

/// Line editing through libedit (Debian libedit-dev): Emacs keys, Ctrl-R search, Tab completion and
/// history persisted to a file by appending each entry (libedit's own history file format is not
/// portable and a write on exit can be lost when a terminal closes).
public final class EditLineReader: LineReader {
    private let historyPath: String?
    private var lastEntry: String?
    private var warnedHistory = false

    /// A reader with history in `historyPath` and completion from `complete(before, word)`.
    public init(historyPath: String?, complete: @escaping (String, String) -> [String]) {
        self.historyPath = historyPath
        setlocale(LC_CTYPE, "")
        msnb_el_set_name("msnb")
        using_history()
        stifle_history(2000)
        completionProvider = complete
        msnb_el_set_completer { text, start, _ in
            msnb_el_set_completion_over(1)
            let word = text.map { String(cString: $0) } ?? ""
            let line = msnb_el_line_buffer().map { String(cString: $0) } ?? ""
            let utf8 = Array(line.utf8)
            let before = String(decoding: utf8.prefix(max(0, min(Int(start), utf8.count))), as: UTF8.self)
            completionMatches = completionProvider?(before, word) ?? []
            // A single folder match gets no trailing space, so completion can go on inside it; nor does a
            // file name inside a string, so the closing quote follows it directly.
            let noSpace = completionMatches.count == 1 && (completionMatches[0].hasSuffix("/") || Completer.insideString(before))
            msnb_el_set_append_char(noSpace ? 0 : 32)
            if completionMatches.isEmpty { return nil }
            return rl_completion_matches(text) { _, state in
                let i = Int(state)
                guard i < completionMatches.count else { return nil }
                return strdup(completionMatches[i])
            }
        }
        loadHistory()
        installSignalHandler()
    }

    private func installSignalHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have blocked SIGINT (the mask survives exec); Ctrl-C must reach us.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    private func loadHistory() {
        guard let historyPath, let text = try? String(contentsOfFile: historyPath, encoding: .utf8) else { return }
        var previous: String?
        for raw in text.split(separator: "\n").suffix(2000) {
            let entry = raw.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\\", with: "\\")
            if entry != previous { add_history(entry) }
            previous = entry
        }
        lastEntry = previous
    }

    public func readLine(prompt: String) -> LineResult {
        interruptFlag.store(false, ordering: .relaxed)
        guard let cLine = readline(prompt) else {
            if interruptFlag.exchange(false, ordering: .relaxed) { return .interrupted }
            return .eof
        }
        defer { free(cLine) }
        return .line(String(cString: cLine))
    }

    public func remember(_ entry: String) {
        guard entry != lastEntry, !entry.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        lastEntry = entry
        add_history(entry)
        guard let historyPath else { return }
        let escaped = entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") + "\n"
        if !FileManager.default.fileExists(atPath: historyPath) { FileManager.default.createFile(atPath: historyPath, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: historyPath) else {
            if !warnedHistory {
                FileHandle.standardError.write(Data("warning: cannot write history to \(historyPath); history will not be saved\n".utf8))
                warnedHistory = true
            }
            return
        }
        handle.seekToEndOfFile()
        handle.write(Data(escaped.utf8))
        try? handle.close()
    }
}
