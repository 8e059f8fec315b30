import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongSync
import Testing

/// What a device does with its folder of checklists: the newest published version of each, and never a
/// file nobody else has.
@Suite("A device's checklist folder")
struct ChecklistFolderPlanTests {
  static func entry(_ id: String, _ version: String, digest: String) -> PublishedChecklist {
    PublishedChecklist(
      checklistID: id, version: version, title: LocalizedText(vi: id), itemCount: 3, digest: digest,
      sha256: String(repeating: "0", count: 64), byteCount: 10, publishedBy: "lan",
      publishedAt: Date(timeIntervalSince1970: 0))
  }

  static func file(
    _ name: String, _ id: String, _ version: String, digest: String
  ) -> ChecklistFolderPlan.LocalFile {
    ChecklistFolderPlan.LocalFile(name: name, checklist: .init(id: id, version: version, digest: digest))
  }

  let published = [
    entry("conduct", "1.0.0", digest: "d1"), entry("conduct", "1.10.0", digest: "d10"),
    entry("conduct", "1.9.0", digest: "d9"), entry("posting", "2.0.0", digest: "p2"),
  ]

  @Test("a missing checklist is added; a published older version is replaced; the newest is up to date")
  func updates() {
    let plan = ChecklistFolderPlan(
      published: published, files: [Self.file("mine.json", "conduct", "1.9.0", digest: "d9")])
    #expect(
      plan.steps == [
        .replace(file: "mine.json", version: "1.9.0", published[1]), .add(file: "posting.json", published[3]),
      ])
    #expect(!plan.keptAny)
    let current = ChecklistFolderPlan(
      published: published, files: [Self.file("c.json", "conduct", "1.10.0", digest: "d10")])
    #expect(current.steps.first == .upToDate(file: "c.json", published[1]))
  }

  @Test("a copy of a carried (standard) checklist is replaced; an unpublished version is kept")
  func carried() {
    let standard = Self.file("conduct.json", "conduct", "0.5.0", digest: "std")
    #expect(
      ChecklistFolderPlan(published: published, files: [standard], carried: ["std"]).steps.first
        == .replace(file: "conduct.json", version: "0.5.0", published[1]))
    let draft = ChecklistFolderPlan(published: published, files: [standard])
    guard case .keep(let id, let reason) = draft.steps.first else {
      Issue.record("a draft would be replaced")
      return
    }
    #expect(id == "conduct" && reason.contains("which the server never published"))
    #expect(draft.keptAny)
  }

  @Test("an edited published version, a newer local one, two files of one id and a taken name are kept")
  func kept() {
    func reason(_ files: [ChecklistFolderPlan.LocalFile], _ entries: [PublishedChecklist]? = nil) -> String {
      guard
        case .keep(_, let reason) = ChecklistFolderPlan(published: entries ?? published, files: files).steps[
          0]
      else { return "not kept" }
      return reason
    }
    #expect(reason([Self.file("c.json", "conduct", "1.9.0", digest: "edited")]).contains("other content"))
    #expect(
      reason(
        [Self.file("c.json", "conduct", "2.0.0", digest: "x")], [Self.entry("conduct", "1.0.0", digest: "x1")]
      )
      .contains("never published"))
    #expect(
      reason([
        Self.file("a.json", "conduct", "1.0.0", digest: "d1"),
        Self.file("b.json", "conduct", "1.0.0", digest: "d1"),
      ])
      .contains("a.json and b.json both hold conduct"))
    #expect(
      reason([ChecklistFolderPlan.LocalFile(name: "conduct.json", checklist: nil)]).contains(
        "does not hold conduct"))
  }

  @Test("an id that could reach outside the folder is never a file name")
  func hostileID() {
    let plan = ChecklistFolderPlan(
      published: [Self.entry("../../etc/passwd", "1.0.0", digest: "x")], files: [])
    guard case .keep(_, let reason) = plan.steps.first else {
      Issue.record("a path was planned")
      return
    }
    #expect(reason.contains("not a checklist id"))
  }

  @Test("pulled bytes are checked against their entry: size and SHA-256, validity, id, version and digest")
  func pulledBytes() throws {
    let checklist = try #require(try Catalog.standard["public-office-conduct"])
    let data = try CanonicalJSON.data(checklist.jsonValue)
    let entry = PublishedChecklist(checklist: checklist, data: data, publishedBy: "lan", publishedAt: Date())
    #expect(try entry.checklist(from: data) == checklist)
    #expect(throws: PublishedChecklistError.self) { try entry.checklist(from: data + Data(" ".utf8)) }
    var other = entry
    other.version = "9.0.0"
    #expect {
      try other.checklist(from: data)
    } throws: { error in
      if case PublishedChecklistError.describesAnother = error { true } else { false }
    }
    var garbage = entry
    let junk = Data("{}".utf8)
    garbage.sha256 = Digest.hex(of: junk)
    garbage.byteCount = junk.count
    #expect {
      try garbage.checklist(from: junk)
    } throws: { error in
      if case PublishedChecklistError.invalid = error { true } else { false }
    }
  }
}
