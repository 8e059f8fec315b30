import Foundation
import KyCuong

/// What a device does with its folder of checklist files to take the server's published versions
/// (`kycuong sync checklists --into DIR`): for each published checklist, its newest version, unless that
/// would lose a file nobody else has.
///
/// A file is replaced only when the server published the version it holds with the same content, or it is
/// a copy of a checklist the program carries (a standard checklist); a file holding a version the server
/// never published, or a published version with other content, is kept and named, and so are two files
/// with one id (a catalog refuses them). An audit keeps its checklist's snapshot in its log, so replacing
/// a file changes no audit under way.
public struct ChecklistFolderPlan: Hashable, Sendable {
  /// A checklist file in the folder, as read.
  public struct LocalFile: Hashable, Sendable {
    /// Which checklist a file holds.
    public struct Contents: Hashable, Sendable {
      /// The checklist's id.
      public var id: String
      /// Its version.
      public var version: String
      /// Its snapshot digest (``PublishedChecklist/digest``).
      public var digest: String

      /// What a file holds.
      public init(id: String, version: String, digest: String) {
        self.id = id
        self.version = version
        self.digest = digest
      }
    }

    /// Its name in the folder (`public-office-conduct.json`).
    public var name: String
    /// The checklist it holds, or `nil` when it does not read as a valid one.
    public var checklist: Contents?

    /// A file.
    public init(name: String, checklist: Contents?) {
      self.name = name
      self.checklist = checklist
    }
  }

  /// One step of the plan, for one published checklist.
  public enum Step: Hashable, Sendable {
    /// `file` holds the newest published version already.
    case upToDate(file: String, PublishedChecklist)
    /// No file holds this checklist: it is written to `file`.
    case add(file: String, PublishedChecklist)
    /// `file` holds the older `version`: it is replaced by the newest.
    case replace(file: String, version: String, PublishedChecklist)
    /// Nothing is written for this checklist, and why (what to do about it).
    case keep(checklistID: String, reason: String)
  }

  /// The steps, in the order of the checklists' ids.
  public var steps: [Step]

  /// The plan for a folder holding `files`, given every version the server publishes.
  ///
  /// - Parameters:
  ///   - published: Every published version (``SyncClient/publishedChecklists()``).
  ///   - files: The folder's checklist files.
  ///   - carried: Snapshot digests of checklists that are safe to replace because they exist elsewhere
  ///     (the standard checklists the program carries).
  public init(published: [PublishedChecklist], files: [LocalFile], carried: Set<String> = []) {
    steps = PublishedChecklist.newest(of: published).map { newest in
      Self.step(for: newest, published: published, files: files, carried: carried)
    }
  }

  /// Whether any checklist was kept back.
  public var keptAny: Bool {
    steps.contains { if case .keep = $0 { true } else { false } }
  }

  private static func step(
    for newest: PublishedChecklist, published: [PublishedChecklist], files: [LocalFile], carried: Set<String>
  ) -> Step {
    let id = newest.checklistID
    // The id names a file in the folder: a checklist id, as the parser checks it, so no path is reached.
    guard Patterns.isKebabID(id) else {
      return .keep(checklistID: id, reason: "the server lists \"\(id)\", which is not a checklist id")
    }
    let holding = files.filter { $0.checklist?.id == id }
    guard holding.count <= 1 else {
      return .keep(
        checklistID: id,
        reason:
          "\(holding.map(\.name).joined(separator: " and ")) both hold \(id), and a catalog refuses two "
          + "files with one id: remove one, then sync again")
    }
    guard let file = holding.first, let local = file.checklist else {
      let name = id + ".json"
      if files.contains(where: { $0.name == name }) {
        return .keep(
          checklistID: id,
          reason: "\(name) exists and does not hold \(id): move it away to take \(id) \(newest.version)")
      }
      return .add(file: name, newest)
    }
    if local.digest == newest.digest { return .upToDate(file: file.name, newest) }
    let sameVersion = published.first { $0.checklistID == id && $0.version == local.version }
    if let sameVersion, sameVersion.digest != local.digest {
      return .keep(
        checklistID: id,
        reason: "\(file.name) holds \(id) \(local.version) with other content than the server published "
          + "(\(local.digest), published \(sameVersion.digest)): a published version is never changed, so "
          + "give the edited file a new version or move it away")
    }
    guard sameVersion != nil || carried.contains(local.digest) else {
      return .keep(
        checklistID: id,
        reason: "\(file.name) holds \(id) \(local.version), which the server never published: it is kept; "
          + "move it away to take \(newest.version)")
    }
    guard PublishedChecklist.isVersion(local.version, olderThan: newest.version) else {
      return .keep(
        checklistID: id,
        reason: "\(file.name) holds \(id) \(local.version), newer than the server's \(newest.version): kept")
    }
    return .replace(file: file.name, version: local.version, newest)
  }
}
