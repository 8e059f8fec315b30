import Foundation
import PackagePlugin

/// Compiles every checklist in the package's top-level `Checklists/` folder into the library as Swift source,
/// so `Catalog.standard` needs no path at run time and `Checklists/` stays the only copy.
@main
struct EmbedChecklistsPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "Checklists")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let inputs = names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted().map {
      folder.appending(path: $0)
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedChecklistFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) files from Checklists/",
        executable: try context.tool(named: "EmbedChecklists").url,
        arguments: [output.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
