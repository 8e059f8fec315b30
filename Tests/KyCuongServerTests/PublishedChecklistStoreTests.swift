import Foundation
import KyCuong
import KyCuongArchive
import KyCuongIntegrity
import KyCuongSync
import SQLKit
import Testing

@testable import KyCuongServer

/// The checklist versions the server publishes: each id and version names one content for good, checked
/// against what archived audits used, and never served changed.
@Suite("The server's published checklists")
struct PublishedChecklistStoreTests {
  let stores = ServerStoreTests()

  /// The standard public-office-conduct checklist at `version`, with `note` added to its description, as
  /// a file's bytes.
  static func file(version: String, note: String = "") throws -> Data {
    var checklist = try #require(try Catalog.standard["public-office-conduct"])
    checklist.version = version
    checklist.description.vi += note
    return try CanonicalJSON.data(checklist.jsonValue)
  }

  @Test("a file is published once; the same content again changes nothing; other content is refused")
  func publishOnce() async throws {
    let (store, folder) = try await stores.makeStore()
    let first = try Self.file(version: "3.0.0")
    guard case .published(let entry) = try await store.publishChecklist(first, file: "a.json", by: "lan")
    else { Issue.record("not published"); return }
    #expect(entry.checklistID == "public-office-conduct" && entry.version == "3.0.0")
    #expect(entry.sha256 == Digest.hex(of: first) && entry.byteCount == first.count)
    #expect(entry.itemCount == (try Catalog.standard["public-office-conduct"]?.items.count))
    // The same checklist in other bytes (pretty-printed) is the same content: the first bytes are kept.
    let pretty = try JSONSerialization.data(
      withJSONObject: try JSONSerialization.jsonObject(with: first), options: [.prettyPrinted])
    guard
      case .alreadyPublished(let kept) = try await store.publishChecklist(pretty, file: "b.json", by: "an")
    else { Issue.record("published twice"); return }
    #expect(kept.publishedBy == "lan" && kept.sha256 == entry.sha256)
    let other = try Self.file(version: "3.0.0", note: " Sửa.")
    await #expect(throws: ServerStoreError.self) {
      try await store.publishChecklist(other, file: "c.json", by: "lan")
    }
    do {
      _ = try await store.publishChecklist(other, file: "c.json", by: "lan")
    } catch {
      #expect(error.description.contains("is never replaced, so give the changed checklist a new version"))
    }
    let pulled = try #require(try await store.publishedChecklist("public-office-conduct", version: "3.0.0"))
    #expect(pulled.data == first)
    #expect(try await store.publishedChecklist("public-office-conduct", version: "9.9.9") == nil)
    await stores.remove(store, folder)
  }

  @Test("an invalid file is refused with its issues, and nothing is published")
  func invalid() async throws {
    let (store, folder) = try await stores.makeStore()
    do {
      _ = try await store.publishChecklist(
        Data(#"{"id": "x", "version": "1"}"#.utf8), file: "x.json", by: "lan")
      Issue.record("an invalid checklist was published")
    } catch {
      #expect(error.description.contains("x.json is not a valid checklist"))
      #expect(error.description.contains("x.json"))
    }
    #expect(try await store.publishedChecklists().isEmpty)
    await stores.remove(store, folder)
  }

  @Test("a version archived audits used with another snapshot is refused; with the same one it is published")
  func archivedSnapshot() async throws {
    let (store, folder) = try await stores.makeStore()
    let archived = try ChecklistParser.parse(try Self.file(version: "3.1.0"), file: "archived.json")
    try await store.archive.withDatabase("an audit's snapshot", writing: true) { db in
      try await db.insert(into: "checklists")
        .columns("digest", "checklist_id", "version", "title_vi", "title_en", "item_count", "first_seen_at")
        .values(
          SQLBind(ExportIntegrity.snapshotDigest(of: archived)), SQLBind(archived.id),
          SQLBind(archived.version),
          SQLBind(archived.title.vi), SQLBind(archived.title.en), SQLBind(archived.items.count),
          SQLBind("2026-11-30T08:00:00Z")
        ).run()
    }
    let changed = try Self.file(version: "3.1.0", note: " Khác.")
    do {
      _ = try await store.publishChecklist(changed, file: "d.json", by: "lan")
      Issue.record("published over an archived snapshot")
    } catch {
      #expect(error.description.contains("audits in the archive used public-office-conduct 3.1.0"))
    }
    let same = try await store.publishChecklist(try Self.file(version: "3.1.0"), file: "e.json", by: "lan")
    #expect(same == .published(try #require(try await store.publishedChecklists().first)))
    await stores.remove(store, folder)
  }

  @Test("the list is newest publication first; bytes changed by hand are not served")
  func listAndDamage() async throws {
    let (store, folder) = try await stores.makeStore()
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    _ = try await store.publishChecklist(try Self.file(version: "1.9.0"), file: "a", by: "lan", at: start)
    _ = try await store.publishChecklist(
      try Self.file(version: "1.10.0"), file: "b", by: "lan", at: start + 60)
    _ = try await store.publishChecklist(
      try Self.file(version: "1.9.1"), file: "c", by: "lan", at: start + 120)
    let listed = try await store.publishedChecklists()
    #expect(listed.map(\.version) == ["1.9.1", "1.10.0", "1.9.0"])
    #expect(PublishedChecklist.newest(of: listed).map(\.version) == ["1.10.0"])
    try await store.archive.withDatabase("tampering", writing: true) { db in
      try await db.update("server_checklists").set(
        "content", to: SQLBind(try Self.file(version: "1.9.0", note: "!"))
      )
      .where("version", .equal, "1.9.0").run()
    }
    do {
      _ = try await store.publishedChecklist("public-office-conduct", version: "1.9.0")
      Issue.record("damaged bytes were served")
    } catch {
      #expect(error.description.contains("the table server_checklists was changed by hand"))
    }
    await stores.remove(store, folder)
  }
}
