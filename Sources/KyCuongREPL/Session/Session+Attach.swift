import Foundation
import KyCuong
import KyCuongStore

extension Session {
  /// The store's copies of attached files.
  var attachmentStore: AttachmentStore { AttachmentStore(for: store) }

  /// `attach [ITEM] [--general] PATH`: copies the file into the store under its SHA-256 (showing progress
  /// for a large one; Ctrl-C cancels) and records it. The same file attached twice to one item is refused;
  /// to another item it is recorded, and the reply says it is the same file.
  func attach(_ rest: String) -> SessionReply {
    guard let audit else { return refuse(.noAudit) }
    if isReadOnly { return refuse(.readOnly(id: audit.id)) }
    let target: Target
    switch self.target(rest, for: .attach) {
    case .success(let found): target = found
    case .failure(let refusal): return refusal.reply
    }
    let path = target.arguments.joined
    guard !path.isEmpty else { return refuse(.usage(.attach)) }
    let url = resolve(path, against: configuration.attachmentDirectory)
    let progress = configuration.progress
    let added: AttachmentStore.Added
    do {
      let reader = try AttachmentReaderProbe(url: url)
      // Only a large file is worth a progress line.
      let large = reader.size >= 16 << 20
      if large { progress.begin(url.lastPathComponent, reader.size) }
      defer { if large { progress.end() } }
      added = try attachmentStore.add(
        fileAt: url, by: author, at: configuration.clock(),
        progress: { done in if large { progress.update(done) } }, isCancelled: progress.isCancelled)
    } catch {
      return refuse(.auditRefused(error))
    }
    let sha256 = added.attachment.sha256
    let earlier = attachments(of: audit).filter { $0.attachment.sha256 == sha256 }
    if let same = earlier.first(where: { $0.item == target.item }) {
      return refuse(.alreadyAttached(item: same.item, event: same.attachment.event))
    }
    if let refusal = commit(.attached(item: target.item, attachment: added.attachment)) { return refusal }
    var lines = [text(.attached(added.attachment, item: target.item))]
    if let other = earlier.first {
      lines.append(text(.sameFileAs(item: other.item, event: other.attachment.event)))
    }
    return SessionReply(text: lines.joined(separator: "\n"))
  }

  /// Every attachment in effect, with its item (`nil` for the audit's own).
  func attachments(of audit: Audit) -> [(item: ItemID?, attachment: Attachment)] {
    audit.general.attachments.map { (nil, $0) }
      + audit.checklist.items.flatMap { item in
        (audit.records[item.id]?.attachments ?? []).map { (item.id, $0) }
      }
  }

  /// `path` as an absolute file URL: a leading `~` is the home folder (`$HOME`), relative paths are against
  /// `base`.
  func resolve(_ path: String, against base: URL) -> URL {
    var expanded = path
    if let home = configuration.homeDirectory, path == "~" || path.hasPrefix("~/") {
      expanded = home.path + path.dropFirst()
    }
    let url =
      expanded.hasPrefix("/")
      ? URL(fileURLWithPath: expanded).standardizedFileURL
      : base.appending(path: expanded).standardizedFileURL
    return Self.existingSpelling(of: url)
  }

  /// `url`, or the file that exists under another Unicode spelling of its name: typed text is kept in NFC,
  /// but a file copied from a Mac or a camera may be named in NFD (`ả` as `a` + two marks), and Linux
  /// compares names byte for byte. Each missing component is looked for among its folder's entries by
  /// canonical equivalence (Swift's `==` on strings).
  static func existingSpelling(of url: URL) -> URL {
    let manager = FileManager.default
    guard !manager.fileExists(atPath: url.path) else { return url }
    var found = URL(fileURLWithPath: "/")
    for component in url.pathComponents.dropFirst() {
      let next = found.appending(path: component)
      if manager.fileExists(atPath: next.path) {
        found = next
      } else if let entry = (try? manager.contentsOfDirectory(atPath: found.path))?.first(where: {
        $0 == component
      }) {
        found = found.appending(path: entry)
      } else {
        return url
      }
    }
    return found
  }
}

/// The size of a file about to be attached, for deciding whether to show progress (the store reads it
/// again, the one read that counts).
private struct AttachmentReaderProbe {
  var size: Int64

  init(url: URL) throws(AuditError) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw .attachmentUnreadable(path: url.path, problem: .missing)
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
  }
}
