import Foundation
import PackagePlugin

/// Compiles the files under the package's top-level `templates/` into the
/// ProtositeTheme module.
///
/// `templates/` sits at the top because the repository is also the example
/// site project, whose `templates/` is the folder a project overrides the
/// built-in files from: the default theme and a project's overrides have
/// the same shape, and the example's copy is the built-in one.
///
/// SwiftPM runs this plugin only when it plans the build again, which a file
/// added outside every target's folder does not cause. So the command's
/// inputs are every file (an edit re-runs it) and every folder (a file added
/// or removed changes its folder), and the embedder lists the folder itself
/// each time it runs rather than being handed a list made at planning time.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "templates")
        let (files, folders) = try contents(of: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme+Contents.swift")
        return [
            .buildCommand(
                displayName: "Embedding the theme in templates/ (\(files.count) files)",
                executable: try context.tool(named: "theme-embedder").url,
                arguments: [output.path, root.path],
                inputFiles: [root] + folders + files,
                outputFiles: [output]
            ),
        ]
    }

    /// The regular files and the folders below `root`, dot files left out.
    private func contents(of root: URL) throws -> (files: [URL], folders: [URL]) {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey]) else {
            return ([], [])
        }
        var files: [URL] = [], folders: [URL] = []
        for case let url as URL in walker where !url.lastPathComponent.hasPrefix(".") {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
            if values.isRegularFile == true { files.append(url) }
            if values.isDirectory == true { folders.append(url) }
        }
        return (files.sorted { $0.path < $1.path }, folders.sorted { $0.path < $1.path })
    }
}
