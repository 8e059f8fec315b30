import ArgumentParser
import Foundation
import KyCuong

extension KyCuongCommand {
  /// `kycuong validate PATH…`: checks checklist files and folders, printing every problem.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check checklist files against every rule of the format; exit 1 on any problem.",
      discussion: "A folder stands for every *.json file in it except *.schema.json."
    )

    @Argument(help: "Checklist files or folders.", completion: .file(extensions: ["json"]))
    var paths: [String]

    func run() throws {
      let urls = paths.map { URL(fileURLWithPath: $0) }
      var files = 0
      var problems: [ValidationIssue] = []
      for url in urls {
        guard FileManager.default.fileExists(atPath: url.path) else {
          problems.append(
            ValidationIssue(
              file: url.relativePath, path: "", rule: .unreadableFile, message: "no such file or folder"))
          continue
        }
        files += Catalog.checklistFiles(at: url).count
      }
      if problems.isEmpty {
        do {
          let catalog = try Catalog.load(urls)
          for checklist in catalog.checklists {
            print("ok  \(checklist.id) \(checklist.version): \(checklist.items.count) items")
          }
        } catch {
          problems += error.issues
        }
      }
      for problem in problems { print(problem.description) }
      if !problems.isEmpty {
        print("\(problems.count) problem(s) in \(files) file(s)")
        throw ExitCode.failure
      }
    }
  }
}
