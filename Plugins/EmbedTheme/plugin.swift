import Foundation
import PackagePlugin

/// Compiles the files under `Sources/ProtositeTheme/files` into the
/// ProtositeTheme module, re-run whenever one of them changes.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = target.directoryURL.appending(path: "files")
        let files = try themeFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme+Contents.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) theme files",
                executable: try context.tool(named: "theme-embedder").url,
                arguments: [output.path, root.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }

    private func themeFiles(under root: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var files: [URL] = []
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey])
            if values.isRegularFile == true, !url.lastPathComponent.hasPrefix(".") {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
