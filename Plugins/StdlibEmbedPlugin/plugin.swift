import Foundation
import PackagePlugin

/// Compiles the standard library (`Stdlib/*.msq`) into the kernel as `EmbeddedStdlib`, so a copied or
/// installed binary needs no files beside it. Reruns when any library file changes.
@main
struct StdlibEmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Stdlib")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedStdlib.swift")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".msq") }.sorted().map { folder.appending(path: $0) }
        return [.buildCommand(displayName: "Embedding the standard library",
                              executable: try context.tool(named: "BuildInfoTool").url,
                              arguments: ["--stdlib", folder.path, output.path],
                              inputFiles: files + [folder], outputFiles: [output])]
    }
}
