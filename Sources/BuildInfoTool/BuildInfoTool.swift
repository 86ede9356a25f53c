import Foundation

// Two build-time jobs for msnb's plugins:
//   BuildInfoTool REPOSITORY OUTPUT        writes `enum BuildInfo { static let commit = "<short hash>" }`,
//                                          asking git in REPOSITORY (empty without git or a repository);
//   BuildInfoTool --stdlib FOLDER OUTPUT   writes `enum EmbeddedStdlib` with the text of every FOLDER/*.msq,
//                                          so the standard library is compiled into the binary.
@main
enum BuildInfoTool {
    /// Writes `text` to `path` unless it already holds it (so unchanged output does not trigger rebuilds).
    static func writeIfChanged(_ text: String, _ path: String) {
        let url = URL(fileURLWithPath: path)
        if (try? String(contentsOf: url, encoding: .utf8)) == text { return }
        do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
            FileHandle.standardError.write(Data("BuildInfoTool: cannot write \(url.path): \(error)\n".utf8))
            exit(1)
        }
    }

    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count == 4 && arguments[1] == "--stdlib" {
            let folder = URL(fileURLWithPath: arguments[2])
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".msq") }.sorted()
            var text = "/// Generated at build time by BuildInfoTool from Stdlib/*.msq.\nenum EmbeddedStdlib {\n"
            text += "    /// Module name → source text (the prelude is \"prelude\").\n    static let modules: [String: String] = [\n"
            for name in names {
                guard let source = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
                    FileHandle.standardError.write(Data("BuildInfoTool: cannot read \(name)\n".utf8))
                    exit(1)
                }
                // A raw string with enough #s that the text cannot close it.
                var hashes = "#"
                while source.contains("\"" + hashes) { hashes += "#" }
                text += "        \"\(name.dropLast(4))\": \(hashes)\"\"\"\n\(source)\n\"\"\"\(hashes),\n"
            }
            text += "    ]\n}\n"
            writeIfChanged(text, arguments[3])
            exit(0)
        }
        guard arguments.count == 3 else {
            FileHandle.standardError.write(Data("usage: BuildInfoTool REPOSITORY OUTPUT | BuildInfoTool --stdlib FOLDER OUTPUT\n".utf8))
            exit(2)
        }
        var commit = ""
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", arguments[1], "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        if (try? git.run()) != nil {
            git.waitUntilExit()
            if git.terminationStatus == 0 {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                commit = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        if !commit.allSatisfy({ $0.isHexDigit }) { commit = "" }
        let text = "/// Generated at build time by BuildInfoTool.\nenum BuildInfo {\n    /// The git commit msnb was built from (empty when unknown).\n    static let commit = \"\(commit)\"\n}\n"
        writeIfChanged(text, arguments[2])
    }
}

/// Never called. The fuzz build (Fuzz/Package.swift, `-sanitize=fuzzer`) links libFuzzer into every
/// executable it builds, this build tool included; libFuzzer's objects need this symbol. The tool's
/// own entry point still runs (SwiftPM links it as `main`), which is also why the tool is an `@main`
/// type: the fuzz build compiles every executable with `-parse-as-library`.
@_cdecl("LLVMFuzzerTestOneInput")
public func unusedFuzzerEntry(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { 0 }
