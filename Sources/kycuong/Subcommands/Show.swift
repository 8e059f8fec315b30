import ArgumentParser
import Foundation
import KyCuong

extension KyCuongCommand {
  /// `kycuong show [CHECKLIST]`: lists the checklists, or prints one with its items and sources.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the standard checklists, or print one: sections, items, sources."
    )

    @Argument(help: "A checklist id from the standard set, or a checklist file.")
    var checklist: String?

    @Option(help: "Language of the output: vi or en.")
    var lang: Language = .defaultFromEnvironment

    func run() throws {
      guard let checklist else {
        for item in try Catalog.standard.checklists {
          print("\(item.id)  \(item.version)  \(item.items.count) items  \(item.title[lang])")
        }
        return
      }
      print(ChecklistText.render(try resolveChecklist(checklist), language: lang))
    }
  }
}

extension Language: ExpressibleByArgument {
  /// The language named by `KYCUONG_LANG`, else Vietnamese.
  static var defaultFromEnvironment: Language {
    ProcessInfo.processInfo.environment["KYCUONG_LANG"].flatMap(Language.init(rawValue:)) ?? .vi
  }
}

/// A checklist named on the command line: a standard id, or a path to a file.
func resolveChecklist(_ name: String) throws -> Checklist {
  if let standard = try Catalog.standard[name] { return standard }
  let url = URL(fileURLWithPath: name)
  guard FileManager.default.fileExists(atPath: url.path) else {
    let known = try Catalog.standard.checklists.map(\.id).joined(separator: ", ")
    throw ValidationError("no standard checklist \"\(name)\" and no such file; standard checklists: \(known)")
  }
  do {
    return try Catalog.load(file: url)
  } catch {
    throw ValidationError(error.description)
  }
}
