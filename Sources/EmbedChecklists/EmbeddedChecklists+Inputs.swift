import Foundation

extension EmbeddedChecklists {
  /// The files this run embeds, read from the command line (`EmbedChecklists OUTPUT.swift FILE.json…`), sorted
  /// by path: in this tool they stand where the generated `files` stands in the library, so
  /// ``Catalog/standard`` judges them with the loader's own code before they are written out.
  static let files: [(name: String, text: String)] = CommandLine.arguments.dropFirst(2).sorted().map { path in
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      FileHandle.standardError.write(Data("EmbedChecklists: cannot read \(path) as UTF-8\n".utf8))
      exit(1)
    }
    return (url.lastPathComponent, text)
  }
}
