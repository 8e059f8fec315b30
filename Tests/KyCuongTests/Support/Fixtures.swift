import Foundation
import KyCuong

/// Fixed times, so tests do not depend on the clock.
enum Fixed {
  /// 2026-11-21T09:30:00Z.
  static let start = Date(timeIntervalSince1970: 1_795_253_400)
  /// `start` plus `seconds`.
  static func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }
  /// The inspector who records most events.
  static let inspector = "Nguyễn Văn An"
  /// A second inspector.
  static let colleague = "Trần Thị Bình"

  /// The day written `YYYY-MM-DD`; a test fixture that is not a day of the calendar is a bug of the test.
  static func day(_ text: String) -> CalendarDate {
    guard let day = CalendarDate(text) else { preconditionFailure("not a day YYYY-MM-DD: \(text)") }
    return day
  }
}

/// Small checklists built in code.
enum Build {
  /// The one citation every built checklist has.
  static let source = Citation(
    id: "SRC", type: .legal, title: LocalizedText(vi: "Quy định thử", en: "Test rule"))

  /// An item with the given id, kind and weight, citing ``source``.
  static func item(
    _ id: String, _ kind: ItemKind = .check, weight: Double = 1, critical: Bool = false, tags: [String] = [],
    when condition: ApplicabilityCondition? = nil
  ) -> Item {
    Item(
      id: ItemID(id), text: LocalizedText(vi: "Câu hỏi \(id)", en: "Question \(id)"),
      guidance: LocalizedText(vi: "Hướng dẫn \(id)"), kind: kind, weight: weight, critical: critical,
      source: ItemSource(ref: "SRC"), tags: tags, applicableWhen: condition)
  }

  /// A section.
  static func section(_ id: String, weight: Double = 1, _ items: [Item]) -> Section {
    Section(id: id, title: LocalizedText(vi: "Phần \(id)", en: "Section \(id)"), weight: weight, items: items)
  }

  /// A checklist of `sections` with the given scoring settings.
  static func checklist(
    _ sections: [Section], model: ScoringModel = .weighted, partialCredit: Double = 0.5,
    bands: [RatingBand] = RatingBand.defaultBands, tags: [TagDefinition] = []
  ) -> Checklist {
    Checklist(
      id: "test-list", version: "1.0.0", title: LocalizedText(vi: "Danh mục thử", en: "Test list"),
      description: LocalizedText(vi: "Dùng cho kiểm thử", en: "For tests"), sources: [source], tags: tags,
      scoring: ScoringSettings(model: model, partialCredit: partialCredit, ratingBands: bands),
      sections: sections)
  }

  /// A header for an audit of `checklist`.
  static func header(
    _ checklist: Checklist, id: String = "20261121-0930-ubnd-phuong-hang-bac-3f9a"
  )
    -> AuditHeader
  {
    AuditHeader(
      id: id, checklist: checklist,
      unit: InspectedUnit(name: "UBND phường Hàng Bạc", address: "Hà Nội"),
      team: InspectionTeam(leader: Fixed.inspector, members: [Fixed.colleague]), visitType: .surprise)
  }

  /// A new audit of `checklist`, started at ``Fixed/start``.
  static func audit(_ checklist: Checklist) -> Audit {
    Audit(header: header(checklist), by: Fixed.inspector, at: Fixed.start)
  }

  /// The worked example of the Scoring article (see `ScoringTests`): two sections weighted 2 and 1,
  /// item weights 1, 2, 3, a partial, an observation 9/12 and a scale 3/4.
  static func workedExample(model: ScoringModel = .weighted) -> Checklist {
    checklist(
      [
        section(
          "conduct", weight: 2,
          [
            item("C-01", weight: 1, tags: ["focus-2017-1"]),
            item("C-02", weight: 2, tags: ["focus-2017-1"]),
            item("C-03", .observation, weight: 3, tags: ["focus-2017-2"]),
          ]),
        section(
          "office", weight: 1,
          [
            item("O-01", .scale(max: 4), weight: 2, tags: ["focus-2017-2"]),
            item("O-02", weight: 2),
            item("O-03", weight: 3),
          ]),
      ], model: model)
  }

  /// The answers of the worked example.
  static let workedExampleStates: [ItemID: ItemState] = [
    "C-01": .answered(.pass),
    "C-02": .answered(.partial),
    "C-03": .answered(.observation(compliant: 9, observed: 12)),
    "O-01": .answered(.scale(3)),
    "O-02": .answered(.fail),
    "O-03": .answered(.notApplicable),
  ]
}

/// Checklist files as JSON text, for the validation tests.
enum ChecklistJSON {
  /// The one citation of a valid file.
  static let sources = #"[{"id": "SRC", "type": "legal", "title": {"vi": "Quy định thử"}}]"#

  /// An item; `kind` is a raw JSON fragment (`nil` leaves the field out); `extra` adds raw members.
  static func item(_ id: String, kind: String? = #""check""#, _ extra: String = "") -> String {
    var members = [
      #""id": "\#(id)""#, #""text": {"vi": "Câu hỏi \#(id)"}"#, #""guidance": {"vi": "Hướng dẫn"}"#,
    ]
    if let kind { members.append(#""kind": \#(kind)"#) }
    members.append(#""source": {"ref": "SRC"}"#)
    if !extra.isEmpty { members.append(extra) }
    return "{" + members.joined(separator: ", ") + "}"
  }

  /// A section; `extra` adds raw members.
  static func section(_ id: String, _ items: [String], _ extra: String = "") -> String {
    #"{"id": "\#(id)", "title": {"vi": "Phần \#(id)"}\#(extra.isEmpty ? "" : ", " + extra), "items": ["#
      + items.joined(separator: ",\n      ") + "]}"
  }

  /// A whole file, one member per line; `extra` adds raw top-level members.
  static func document(
    id: String = #""test-list""#, version: String = #""1.0.0""#, sources: String = sources,
    extra: [String] = [], sections: [String] = [section("first", [item("A-01")])]
  ) -> String {
    let members =
      [
        #""id": \#(id)"#, #""version": \#(version)"#, #""title": {"vi": "Danh mục thử", "en": "Test list"}"#,
        #""description": {"vi": "Mô tả"}"#, #""sources": \#(sources)"#,
      ] + extra + [#""sections": [\#n    "# + sections.joined(separator: ",\n    ") + "]"]
    return "{\n  " + members.joined(separator: ",\n  ") + "\n}\n"
  }

  /// The lines `kycuong validate` would print for `text`; empty when it is valid.
  static func issues(_ text: String, file: String = "Checklists/broken.json") -> [String] {
    do {
      _ = try ChecklistParser.parse(Array(text.utf8), file: file)
      return []
    } catch {
      return error.issues.map(\.description)
    }
  }

  /// The rules broken by `text`.
  static func rules(_ text: String) -> [ValidationIssue.Rule] {
    do {
      _ = try ChecklistParser.parse(Array(text.utf8), file: "x.json")
      return []
    } catch {
      return error.issues.map(\.rule)
    }
  }
}

/// Files and processes.
enum Environment {
  /// The package's root folder, found from this file's path.
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // KyCuongTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// A new empty folder under the system's temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(
      path: "kycuong-tests-\(UUID().uuidString)", directoryHint: .isDirectory)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Runs `executable` with `arguments`; returns its exit status, standard output and standard error.
  static func run(
    _ executable: String, _ arguments: [String], in folder: URL? = nil
  ) throws -> (
    status: Int32, output: String, error: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    if let folder { process.currentDirectoryURL = folder }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outputData, as: UTF8.self),
      String(decoding: errorData, as: UTF8.self)
    )
  }

  /// The digest `sha256sum` prints for the file at `url`.
  static func sha256sum(_ url: URL) throws -> String {
    let result = try run("sha256sum", [url.path])
    return String(result.output.prefix(64))
  }
}
