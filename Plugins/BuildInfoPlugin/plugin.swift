import Foundation
import PackagePlugin

/// Generates `BuildInfo.swift` (the git commit the binary is built from) for `msnb --version`. It
/// reruns when git's HEAD log changes (every commit, checkout or pull).
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo.swift")
        let gitDir = root.appending(path: ".git")
        let inputs = ["HEAD", "logs/HEAD"].map { gitDir.appending(path: $0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        return [.buildCommand(displayName: "Recording the git commit for msnb --version",
                              executable: try context.tool(named: "BuildInfoTool").url,
                              arguments: [root.path, output.path],
                              inputFiles: inputs, outputFiles: [output])]
    }
}
