import Foundation
import Testing

/// The core library's floors point down only: Support → Model → Catalog → Audit → Scoring → Export →
/// Reports. Each floor is a module of its own, so the compiler refuses most upward uses already; this test
/// reads every source file and fails on an `import` of a floor above (or beside) the file's own, or of
/// anything but Foundation and the C library, so that the rule holds even where SwiftPM would let a built
/// module be found.
@Suite("The library's floors")
struct LayeringTests {
  static let floors = ["Support", "Model", "Catalog", "Audit", "Scoring", "Export", "Reports"]
  static let system: Set<String> = ["Foundation", "FoundationEssentials", "Glibc", "Darwin", "Dispatch"]

  static var sources: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appending(path: "Sources/KyCuong")
  }

  /// The modules `text` imports (`import X`, `@_exported import X`, `import struct X.Y`).
  static func imports(in text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
      let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
      guard let index = words.firstIndex(of: "import") else { return nil }
      let before = words[..<index]
      guard before.allSatisfy({ $0.hasPrefix("@") || ["public", "package", "internal"].contains($0) }) else {
        return nil
      }
      var rest = words[(index + 1)...]
      if let first = rest.first,
        ["struct", "enum", "class", "protocol", "func", "var", "typealias"].contains(first)
      {
        rest = rest.dropFirst()
      }
      return rest.first.map { String($0.split(separator: ".")[0]) }
    }
  }

  @Test("every floor imports only floors below it", arguments: floors)
  func importsPointDown(floor: String) throws {
    let allowed = Self.system.union(Self.floors.prefix { $0 != floor }.map { "KyCuong" + $0 })
    let folder = Self.sources.appending(path: floor)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasSuffix(".swift")
    }
    #expect(!files.isEmpty, "no sources found in \(folder.path)")
    for file in files {
      let text = try String(contentsOf: folder.appending(path: file), encoding: .utf8)
      for module in Self.imports(in: text) {
        #expect(allowed.contains(module), "\(floor)/\(file) imports \(module), which is not below \(floor)")
      }
    }
  }

  @Test("the check sees an upward import")
  func detectsUpwardImports() {
    let text =
      "import Foundation\n@_exported import KyCuongReports\nimport struct KyCuongAudit.Audit\n// import X\n"
    #expect(Self.imports(in: text) == ["Foundation", "KyCuongReports", "KyCuongAudit"])
  }

  @Test("the umbrella re-exports every floor")
  func umbrellaExportsEveryFloor() throws {
    let text = try String(contentsOf: Self.sources.appending(path: "KyCuong.swift"), encoding: .utf8)
    #expect(Set(Self.imports(in: text)) == Set(Self.floors.map { "KyCuong" + $0 }))
  }
}
