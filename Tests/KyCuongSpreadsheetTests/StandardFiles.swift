import Foundation
import KyCuong
import KyCuongSpreadsheet

/// The repository's `Checklists/` folder and the standard checklist files in it, as the tests read them.
enum StandardFiles {
  static var root: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  static var folder: URL { root.appending(path: "Checklists") }

  /// The checklist files, sorted by name.
  static var names: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter(Catalog.isChecklistFileName).sorted()
  }

  /// The bytes of a standard checklist file.
  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: folder.appending(path: name))
  }

  /// The checklist of a standard file and the schema its file names.
  static func file(_ name: String) throws -> ChecklistFile {
    try ChecklistFile(data: data(name), file: name)
  }
}
