import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Atomic file writes: a temporary file in the destination folder, then a rename, so a reader never
/// sees a half-written file and a failed write leaves the previous file in place.
///
/// A symlink is written through: its target is replaced atomically and the link stays. Anything that
/// is neither a regular file nor a new path (a device, a folder, a pipe, a dangling link) is refused.
/// The temporary file is named `.NAME.msnb-unfinished-write-PID-N`; one left behind by a process that
/// died mid-write is removed by the next write to the same target.
public enum AtomicFile {
    /// Why a write was refused.
    public enum Refusal: Error, LocalizedError, CustomStringConvertible, Equatable {
        /// The path exists and is not a regular file (`kind` says what it is).
        case notARegularFile(path: String, kind: String)
        /// The path is a symlink whose target does not exist.
        case danglingLink(path: String)

        public var description: String {
            switch self {
            case .notARegularFile(let p, let k): return "\(p) is \(k), not a regular file; export writes only regular files"
            case .danglingLink(let p): return "\(p) is a symbolic link to a file that does not exist"
            }
        }
        public var errorDescription: String? { description }
    }

    /// The marker in temporary file names.
    static let marker = ".msnb-unfinished-write-"

    /// Writes `data` to `path`, creating parent folders.
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { sink in
            try data.withUnsafeBytes { raw in
                if let base = raw.baseAddress { try sink(base.assumingMemoryBound(to: UInt8.self), raw.count) }
            }
        }
    }

    /// Writes the bytes that `body` passes to its sink, in order, to `path` atomically, creating parent
    /// folders: each call of the sink is one `write` to the temporary file (repeated only if the system
    /// writes less). If `body` or a write throws, the target is left as it was.
    public static func write(to path: String, _ body: (_ sink: (UnsafePointer<UInt8>, Int) throws -> Void) throws -> Void) throws {
        let target = try destination(of: path)
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        removeStaleTemporaries(of: url)
        let prefix = ".\(url.lastPathComponent)\(marker)\(ProcessInfo.processInfo.processIdentifier)-"
        let temp = folder.appendingPathComponent(prefix + "\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw posixError(path) }
        do {
            defer { close(fd) }
            try body { bytes, count in
                var done = 0
                while done < count {
                    let n = Glibc.write(fd, bytes + done, count - done)
                    if n < 0 { if errno == EINTR { continue }; throw posixError(path) }
                    done += n
                }
            }
        } catch {
            unlink(temp.path)
            throw error
        }
        do {
            if let mode = (try? FileManager.default.attributesOfItem(atPath: target))?[.posixPermissions] {
                try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temp.path)
            }
            guard rename(temp.path, target) == 0 else { throw posixError(path) }
        } catch {
            unlink(temp.path)
            throw error
        }
    }

    private static func posixError(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }

    /// Writes UTF-8 `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// The file to replace: `path` itself (a regular file or a new path) or a symlink's final target.
    static func destination(of path: String) throws -> String {
        var st = stat()
        guard lstat(path, &st) == 0 else { return path }            // a new path
        let type = st.st_mode & S_IFMT
        if type == S_IFREG { return path }
        if type == S_IFLNK {
            guard let real = realpath(path, nil) else { throw Refusal.danglingLink(path: path) }
            defer { free(real) }
            let target = String(cString: real)
            guard stat(target, &st) == 0 else { throw Refusal.danglingLink(path: path) }
            guard st.st_mode & S_IFMT == S_IFREG else { throw Refusal.notARegularFile(path: path, kind: kindName(st.st_mode)) }
            return target
        }
        throw Refusal.notARegularFile(path: path, kind: kindName(st.st_mode))
    }

    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a pipe"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    /// Removes temporary files of earlier writes to `url` whose process is gone: this naming, and the
    /// older `.NAME.tmp-PID-N`.
    static func removeStaleTemporaries(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for entry in entries {
            let rest: Substring
            if entry.hasPrefix(".\(name)\(marker)") { rest = entry.dropFirst(name.count + 1 + marker.count) }
            else if entry.hasPrefix(".\(name).tmp-") { rest = entry.dropFirst(name.count + 6) }
            else { continue }
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), UInt32(rest[rest.index(after: dash)...]) != nil else { continue }
            // A live process (this one included) may be writing it now; kill with signal 0 only asks
            // whether the process exists.
            if pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
        }
    }
}
