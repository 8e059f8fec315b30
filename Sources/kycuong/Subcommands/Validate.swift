import ArgumentParser
import Foundation
import KyCuong

extension KyCuongCommand {
  /// `kycuong validate PATH…`: checks checklist files and folders, printing every problem.
  struct Validate: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Check checklist files against every rule of the format; exit 1 on any problem.",
      discussion: """
        A folder stands for every *.json file in it except *.schema.json; - reads one checklist from standard
        input. Every problem is printed as FILE: JSON-PATH: message; at most --limit are printed, then the total.
        """
    )

    @Argument(help: "Checklist files or folders.", completion: .file(extensions: ["json"]))
    var paths: [String]

    @Flag(help: "Print the result as JSON: the checklists read and every problem with its rule.")
    var json = false

    @Option(help: "The most problems printed (0: all); the total is always given.")
    var limit = ProblemListing.defaultLimit

    func execute() throws(CommandFailure) {
      var checklists: [Checklist] = []
      var problems: [ValidationIssue] = []
      var files = 0
      var urls: [URL] = []
      for path in paths {
        if path == "-" {
          files += 1
          let data = try CommandFiles.read("-", limit: BoundedFile.maximumChecklistSize)
          do {
            checklists.append(try ChecklistParser.parse(data, file: "standard input"))
          } catch {
            problems += error.issues
          }
          continue
        }
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else {
          throw CommandFailure("\(path): no such file or folder")
        }
        files += Catalog.checklistFiles(at: url).count
        urls.append(url)
      }
      if !urls.isEmpty {
        do {
          checklists += try Catalog.load(urls).checklists
        } catch {
          problems += error.issues
        }
      }
      if json {
        try writeJSON(checklists: checklists, problems: problems, files: files)
      } else {
        var lines = checklists.map { "ok  \($0.id) \($0.version): \($0.items.count) items" }
        lines += ProblemListing.lines(problems, limit: limit)
        if !lines.isEmpty {
          try CommandFiles.write(
            TerminalText.sanitized(lines.joined(separator: "\n")) + "\n", to: nil, force: false)
        }
      }
      if !problems.isEmpty {
        throw CommandFailure("\(problems.count) problem(s) in \(files) file(s)", status: .negative)
      }
    }

    private func writeJSON(
      checklists: [Checklist], problems: [ValidationIssue], files: Int
    ) throws(CommandFailure) {
      let value = JSONValue.object([
        ("files", .number(Double(files))),
        (
          "checklists",
          .array(
            checklists.map {
              .object([
                ("id", .string($0.id)), ("version", .string($0.version)),
                ("items", .number(Double($0.items.count))),
              ])
            })
        ),
        (
          "problems",
          .array(
            problems.map {
              .object([
                ("file", .string($0.file)), ("path", .string($0.path)), ("rule", .string($0.rule.rawValue)),
                ("message", .string($0.message)),
              ])
            })
        ),
      ])
      try CommandFiles.write(try Show.encode(value), to: nil, force: false)
    }
  }
}
