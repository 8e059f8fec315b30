import Foundation
import KyCuong
import Testing

@Suite("Catalog")
struct CatalogTests {
  /// A checklist that uses every field of the format.
  static let rich = Checklist(
    id: "public-office-conduct", version: "1.2.3",
    title: LocalizedText(vi: "Kỷ cương hành chính", en: "Administrative discipline"),
    description: LocalizedText(vi: "Mô tả \"đầy đủ\"\nhai dòng"),
    sources: [
      Citation(
        id: "QD-129-2007", type: .legal, number: "129/2007/QĐ-TTg",
        title: LocalizedText(vi: "Quy chế văn hóa công sở", en: "Office culture rules"),
        issuer: LocalizedText(vi: "Thủ tướng Chính phủ", en: "Prime Minister"), date: "2007-08-02",
        article: "Điều 7", url: "https://example.org/129/2007", note: LocalizedText(vi: "[unverified]")),
      Citation(id: "SEED-001", type: .report, title: LocalizedText(vi: "Bài báo"), date: "2017"),
    ],
    tags: [TagDefinition(id: "badge", label: LocalizedText(vi: "Thẻ công chức", en: "ID card"))],
    scoring: ScoringSettings(
      model: .flat, partialCredit: 0.25,
      ratingBands: [
        RatingBand(id: "pass", from: 62.5, to: 100, label: LocalizedText(vi: "Đạt", en: "Pass")),
        RatingBand(id: "fail", from: 0, to: 62.5, label: LocalizedText(vi: "Không đạt")),
      ]),
    sections: [
      Section(
        id: "badge", title: LocalizedText(vi: "Thẻ"), weight: 2.5,
        items: [
          Item(
            id: "BADGE-01", text: LocalizedText(vi: "Đeo thẻ", en: "Badge worn"),
            guidance: LocalizedText(vi: "Quan sát"), kind: .observation, weight: 3, critical: true,
            source: ItemSource(
              ref: "QD-129-2007", article: "Điều 6", note: LocalizedText(vi: "Ghi chú", en: "Note"),
              seeAlso: [
                ItemSource.Reference(ref: "SEED-001", article: "đoạn 2", note: LocalizedText(vi: "x"))
              ]),
            tags: ["badge", "focus-2017-2"]),
          Item(
            id: "POST-00", text: LocalizedText(vi: "Có bảng tin"), guidance: LocalizedText(vi: "Xem"),
            kind: .check, weight: 0, source: ItemSource(ref: "QD-129-2007")),
          Item(
            id: "POST-01", text: LocalizedText(vi: "Bảng tin cập nhật"), guidance: LocalizedText(vi: "Xem"),
            kind: .scale(max: 5), weight: 0.5, source: ItemSource(ref: "SEED-001"),
            applicableWhen: ApplicabilityCondition(item: "POST-00", outcomes: [.pass, .partial])),
        ]),
      Section(
        id: "notes", title: LocalizedText(vi: "Ghi chép"),
        items: [
          Item(
            id: "NOTE-1", text: LocalizedText(vi: "Nhận xét"), guidance: LocalizedText(vi: "Ghi"),
            kind: .text,
            source: ItemSource(ref: "QD-129-2007"))
        ]),
    ])

  func write(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url)
  }

  @Test("the rich checklist is valid")
  func richIsValid() {
    #expect(ChecklistParser.validate(Self.rich) == [])
  }

  @Test("jsonValue read back through the parser gives the same checklist")
  func jsonValueRoundTrip() throws {
    #expect(try ChecklistParser.parse(Self.rich.jsonValue, file: "x") == Self.rich)
    #expect(try ChecklistParser.parse(Build.workedExample().jsonValue, file: "x") == Build.workedExample())
  }

  @Test("Codable encode then decode gives the same checklist")
  func codableRoundTrip() throws {
    for checklist in [Self.rich, Build.workedExample(), SampleAudit.checklist()] {
      let data = try JSONEncoder().encode(checklist)
      #expect(try JSONDecoder().decode(Checklist.self, from: data) == checklist)
      // And the encoded text is a valid checklist file.
      #expect(try ChecklistParser.parse(data, file: "x") == checklist)
    }
  }

  @Test("decoding an invalid snapshot fails with the validation issues")
  func decodingInvalid() throws {
    var broken = Self.rich
    broken.sections[0].items[0].weight = -1
    let data = try JSONEncoder().encode(broken)
    do {
      _ = try JSONDecoder().decode(Checklist.self, from: data)
      Issue.record("an invalid snapshot was decoded")
    } catch DecodingError.dataCorrupted(let context) {
      #expect(
        context.debugDescription
          == "checklist snapshot: sections[0].items[0].weight: weight must be a number ≥ 0, found -1")
    }
  }

  @Test("a folder of files loads, skipping *.schema.json, sorted by id")
  func loadFolder() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try write(ChecklistJSON.document(id: #""zeta""#), to: folder.appending(path: "a.json"))
    try write(ChecklistJSON.document(id: #""alpha""#), to: folder.appending(path: "b.json"))
    try write(
      #"{"$schema": "https://json-schema.org/draft/2020-12/schema"}"#,
      to: folder.appending(path: "checklist.schema.json"))
    try write("not a checklist", to: folder.appending(path: "notes.txt"))
    #expect(Catalog.checklistFiles(at: folder).map(\.lastPathComponent) == ["a.json", "b.json"])
    let catalog = try Catalog.load([folder])
    #expect(catalog.checklists.map(\.id) == ["alpha", "zeta"])
    #expect(catalog["zeta"]?.version == "1.0.0")
    #expect(catalog["none"] == nil)
    // A single file loads too.
    #expect(try Catalog.load([folder.appending(path: "a.json")]).checklists.map(\.id) == ["zeta"])
    #expect(try Catalog.load(file: folder.appending(path: "b.json")).id == "alpha")
  }

  @Test(
    "checklist file names",
    arguments: [
      ("a.json", true), ("checklist.schema.json", false), ("audit-export.schema.json", false),
      ("a.jsonl", false),
      ("a.json.bak", false), ("schema.json", true),
    ])
  func fileNames(name: String, isChecklist: Bool) {
    #expect(Catalog.isChecklistFileName(name) == isChecklist)
  }

  @Test("a checklist id used by two files is reported, naming the file")
  func duplicateChecklistID() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appending(path: "a.json")
    let second = folder.appending(path: "b.json")
    try write(ChecklistJSON.document(), to: first)
    try write(ChecklistJSON.document(), to: second)
    do {
      _ = try Catalog.load([folder])
      Issue.record("two checklists with one id were loaded")
    } catch {
      #expect(
        error.issues.map(\.description) == [
          #"\#(second.relativePath): id: the checklist id "test-list" is also defined in \#(first.relativePath)"#
        ])
      #expect(error.issues.map(\.rule) == [.duplicateID])
    }
  }

  @Test("an unreadable file is reported with the problems of the other files")
  func unreadableFile() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A folder whose name looks like a checklist file cannot be read as one.
    let unreadable = folder.appending(path: "a.json", directoryHint: .isDirectory)
    try FileManager.default.createDirectory(at: unreadable, withIntermediateDirectories: true)
    try write(ChecklistJSON.document(version: #""1""#), to: folder.appending(path: "b.json"))
    let missing = folder.appending(path: "missing.json")
    do {
      _ = try Catalog.load([folder, missing])
      Issue.record("loaded")
    } catch {
      #expect(error.issues.map(\.rule) == [.unreadableFile, .badVersion, .unreadableFile])
      #expect(error.issues[0].path == "")
      #expect(
        error.issues[0].description.hasPrefix(
          "\(folder.appending(path: "a.json").relativePath): cannot read the file: "))
      #expect(error.issues[2].description.hasPrefix("\(missing.relativePath): cannot read the file: "))
      #expect(error.description.split(separator: "\n").count == 3)
    }
  }

  @Test("malformed JSON in a file names the file, line and column")
  func malformedFile() throws {
    let folder = try Environment.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "broken.json")
    try write("{\n  \"id\": \"x\",,\n}", to: file)
    #expect(throws: CatalogError.self) { try Catalog.load(file: file) }
    do {
      _ = try Catalog.load(file: file)
    } catch {
      #expect(
        error.issues.map(\.description) == [
          "\(file.relativePath): malformed JSON at line 2, column 13: expected a member name in double quotes, found ','"
        ])
    }
  }

  @Test("the standard catalog loads, and every checklist in it is valid")
  func standardCatalog() throws {
    let catalog = try Catalog.standard
    for checklist in catalog.checklists {
      #expect(ChecklistParser.validate(checklist, file: checklist.id) == [])
      #expect(try ChecklistParser.parse(checklist.jsonValue, file: checklist.id) == checklist)
    }
  }
}
