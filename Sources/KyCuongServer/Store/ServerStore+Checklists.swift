import Foundation
import KyCuong
import KyCuongArchive
import KyCuongIntegrity
import KyCuongSync
import SQLKit

extension ServerStore {
  /// What publishing a checklist file came to (``publishChecklist(_:file:by:at:)``).
  public enum ChecklistPublication: Hashable, Sendable {
    /// Published now.
    case published(PublishedChecklist)
    /// That id and version were published already with this content; the first file's bytes are kept.
    case alreadyPublished(PublishedChecklist)
  }

  /// Publishes the checklist file `data` for the devices to pull. The file must be a valid checklist; its
  /// id and version must not be published with another content, nor used by an archived audit whose
  /// snapshot differs (a version names one content for good). The entry itself says who published it and
  /// when; the table is never updated, so it is the history of publications.
  ///
  /// - Parameters:
  ///   - data: The file's bytes, kept as they are.
  ///   - file: Its name, for the validation's messages.
  ///   - publisher: Who publishes it (named in the entry and the request log).
  ///   - time: When.
  /// - Returns: Whether it was published now or had been before.
  /// - Throws: ``ServerStoreError`` saying what to fix: the file's validation issues, or the published or
  ///   archived content its version already names.
  public func publishChecklist(
    _ data: Data, file: String, by publisher: String, at time: Date = Date()
  ) async throws(ServerStoreError) -> ChecklistPublication {
    let checklist: Checklist
    do {
      checklist = try ChecklistParser.parse(data, file: file)
    } catch {
      throw ServerStoreError("\(file) is not a valid checklist; nothing was published:\n\(error)")
    }
    let entry = PublishedChecklist(
      checklist: checklist, data: data, publishedBy: publisher, publishedAt: Self.whole(time))
    let name = "\(entry.checklistID) \(entry.version)"
    enum Outcome: Sendable {
      case done(ChecklistPublication)
      case refused(String)
    }
    let outcome = try await write("publishing \(name)") { db -> Outcome in
      if let row = try await db.select().column("*").from("server_checklists")
        .where("checklist_id", .equal, entry.checklistID).where("version", .equal, entry.version).first()
      {
        let published = try Self.publishedChecklist(row)
        guard published.digest == entry.digest else {
          return .refused(
            "\(name) was published on \(ArchiveTime.string(published.publishedAt)) by \(published.publishedBy) "
              + "with digest \(published.digest), and \(file) differs (\(entry.digest)): a published version "
              + "is never replaced, so give the changed checklist a new version")
        }
        return .done(.alreadyPublished(published))
      }
      if let row = try await db.select().column("digest").from("checklists")
        .where("checklist_id", .equal, entry.checklistID).where("version", .equal, entry.version).first(),
        case let archived = try row.decode(column: "digest", as: String.self), archived != entry.digest
      {
        return .refused(
          "audits in the archive used \(name) with digest \(archived), and \(file) differs (\(entry.digest)): "
            + "give the changed checklist a new version")
      }
      try await db.insert(into: "server_checklists")
        .columns(
          "checklist_id", "version", "digest", "sha256", "byte_count", "title_vi", "title_en", "item_count",
          "published_by", "published_at", "content"
        )
        .values(
          SQLBind(entry.checklistID), SQLBind(entry.version), SQLBind(entry.digest), SQLBind(entry.sha256),
          SQLBind(entry.byteCount), SQLBind(entry.title.vi), SQLBind(entry.title.en),
          SQLBind(entry.itemCount),
          SQLBind(publisher), SQLBind(ArchiveTime.string(time)), SQLBind(data)
        ).run()
      return .done(.published(entry))
    }
    switch outcome {
    case .done(let publication): return publication
    case .refused(let reason): throw ServerStoreError(reason)
    }
  }

  /// Every published checklist version, newest publication first.
  public func publishedChecklists() async throws(ServerStoreError) -> [PublishedChecklist] {
    try await read("listing the published checklists") { db in
      try await db.select()
        .columns(
          "checklist_id", "version", "digest", "sha256", "byte_count", "title_vi", "title_en", "item_count",
          "published_by", "published_at"
        )
        .from("server_checklists").orderBy("published_at", .descending).orderBy("checklist_id")
        .orderBy("version", .descending).all().map(Self.publishedChecklist)
    }
  }

  /// A published checklist version and its file's bytes, or `nil` when that version was not published.
  ///
  /// - Throws: ``ServerStoreError`` when the database fails or the stored bytes are not the ones published
  ///   (the table was changed by hand): damaged bytes are never served.
  public func publishedChecklist(
    _ checklistID: String, version: String
  ) async throws(ServerStoreError) -> (entry: PublishedChecklist, data: Data)? {
    let found = try await read("reading \(checklistID) \(version)") { db -> (PublishedChecklist, Data)? in
      guard
        let row = try await db.select().column("*").from("server_checklists")
          .where("checklist_id", .equal, checklistID).where("version", .equal, version).first()
      else { return nil }
      return (try Self.publishedChecklist(row), try row.decode(column: "content", as: Data.self))
    }
    guard let (entry, data) = found else { return nil }
    do {
      _ = try entry.checklist(from: data)
    } catch {
      throw ServerStoreError(
        "the published \(checklistID) \(version) is \(error): the table server_checklists was changed by hand"
      )
    }
    return (entry, data)
  }

  private static func publishedChecklist(_ row: any SQLRow) throws -> PublishedChecklist {
    PublishedChecklist(
      checklistID: try row.decode(column: "checklist_id", as: String.self),
      version: try row.decode(column: "version", as: String.self),
      title: LocalizedText(
        vi: try row.decode(column: "title_vi", as: String.self),
        en: try row.decode(column: "title_en", as: String?.self)),
      itemCount: try row.decode(column: "item_count", as: Int.self),
      digest: try row.decode(column: "digest", as: String.self),
      sha256: try row.decode(column: "sha256", as: String.self),
      byteCount: try row.decode(column: "byte_count", as: Int.self),
      publishedBy: try row.decode(column: "published_by", as: String.self),
      publishedAt: ArchiveTime.date(try row.decode(column: "published_at", as: String.self)) ?? .distantPast)
  }
}
