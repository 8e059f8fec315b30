import ArgumentParser
import Foundation
import KyCuong

extension KyCuongCommand {
  /// `kycuong show [CHECKLIST]`: lists the checklists, or prints one with its items and sources.
  struct Show: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "List the standard checklists, or print one: sections, items, sources."
    )

    @Argument(
      help: "A checklist id from the standard set, or a checklist file (- for standard input).",
      completion: .custom { _, _, _ in KyCuongCommand.checklistIDs })
    var checklist: String?

    @Option(help: "Language of the output: vi or en.")
    var lang: Language = .defaultFromEnvironment

    @Flag(help: "Print JSON: the list of checklists, or the checklist itself in its file format.")
    var json = false

    func execute() throws(CommandFailure) {
      guard let checklist else {
        let catalog = try standardCatalog()
        if json {
          let list = JSONValue.array(
            catalog.checklists.map { item in
              .object([
                ("id", .string(item.id)), ("version", .string(item.version)), ("title", item.title.jsonValue),
                ("items", .number(Double(item.items.count))), ("historical", .bool(item.historical)),
              ])
            })
          try CommandFiles.write(try Self.encode(list), to: nil, force: false)
        } else {
          let lines = catalog.checklists.map {
            "\($0.id)  \($0.version)  \($0.items.count) items  \($0.title[lang])"
          }
          try CommandFiles.write(lines.joined(separator: "\n") + "\n", to: nil, force: false)
        }
        return
      }
      let resolved = try resolveChecklist(checklist)
      if json {
        try CommandFiles.write(try Self.encode(resolved.jsonValue), to: nil, force: false)
      } else {
        try CommandFiles.write(
          TerminalText.sanitized(ChecklistText.render(resolved, language: lang)) + "\n", to: nil, force: false
        )
      }
    }

    static func encode(_ value: JSONValue) throws(CommandFailure) -> Data {
      do {
        return try JSONCoding.fileData(value)
      } catch {
        throw CommandFailure("cannot write JSON: \(error)")
      }
    }
  }
}

/// The standard catalog, or the failure that it is broken (the test suite makes sure it is not).
func standardCatalog() throws(CommandFailure) -> Catalog {
  do {
    return try Catalog.standard
  } catch {
    throw CommandFailure("the built-in checklists are invalid:\n\(error.description)")
  }
}

/// A checklist named on the command line: a standard id, a path to a file, or `-` for standard input.
func resolveChecklist(_ name: String) throws(CommandFailure) -> Checklist {
  let catalog = try standardCatalog()
  if let standard = catalog[name] { return standard }
  if name == "-" {
    let data = try CommandFiles.read("-", limit: BoundedFile.maximumChecklistSize)
    do {
      return try ChecklistParser.parse(data, file: "standard input")
    } catch {
      throw CommandFailure(ProblemListing.failure(error.issues), status: .negative)
    }
  }
  let url = URL(fileURLWithPath: name)
  guard FileManager.default.fileExists(atPath: url.path) else {
    let known = catalog.checklists.map(\.id).joined(separator: ", ")
    throw CommandFailure("no standard checklist \"\(name)\" and no such file; standard checklists: \(known)")
  }
  do {
    return try Catalog.load(file: url)
  } catch {
    throw CommandFailure(ProblemListing.failure(error.issues), status: .negative)
  }
}
