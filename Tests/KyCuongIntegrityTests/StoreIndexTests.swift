import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore
import Testing

/// Listing the store (issue 11, F16): the index beside the logs, checked against each log's content, so that
/// only a log that changed is read again.
@Suite("The store's listing index")
struct StoreIndexTests {
  static let indexName = ".index.json"

  /// An audit with `notes` notes: a log of `notes` × ~250 bytes, so that its middle is far from its ends.
  static func longAudit(id: String, notes: Int) throws -> Audit {
    var audit = try Sample.audit(id: id, finished: false)
    for index in 0..<notes {
      try audit.record(
        .noted(item: "A-1", text: "Ghi chú số \(index): cán bộ có mặt, một người không đeo thẻ"),
        by: Sample.inspector, at: Sample.start.addingTimeInterval(Double(3600 + index)))
    }
    return audit
  }

  static func write(_ audit: Audit, to store: AuditStore) throws {
    try store.create(try Audit(replaying: Array(audit.events.prefix(1))))
    for event in audit.events.dropFirst() { try store.append(event, to: audit.id) }
    store.close(audit.id)
  }

  @Test("the listing follows each log's content: an answer added, a log removed, an index lost or broken")
  func followsContent() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = AuditStore(directory: folder)
    let finished = try Sample.audit(id: "20261121-0930-done-0001")
    let open = try Audit(replaying: Array(try Sample.audit(id: "20261121-1030-open-0002").events.prefix(2)))
    try Self.write(finished, to: store)
    try Self.write(open, to: store)
    let first = store.list()
    #expect(first == [AuditListing(open), AuditListing(finished)])
    #expect(FileManager.default.fileExists(atPath: folder.appending(path: Self.indexName).path))
    // Another store (another process) answers one more item: the listing says so.
    let other = AuditStore(directory: folder)
    var next = try other.open(open.id).audit
    let event = try next.record(
      .answered(item: "A-2", outcome: .observation(compliant: 3, observed: 4), remark: nil),
      by: Sample.inspector, at: Sample.start)
    try other.append(event, to: open.id)
    other.close(open.id)
    #expect(store.list().first == AuditListing(next))
    #expect(store.list().first?.answered == 2)
    // A log removed: its entry goes too.
    try FileManager.default.removeItem(at: store.logURL(for: finished.id))
    #expect(store.list().map(\.id) == [open.id])
    let index = try String(contentsOf: folder.appending(path: Self.indexName), encoding: .utf8)
    #expect(!index.contains(finished.id))
    // A broken or missing index only means the logs are read again.
    try Data("{not json".utf8).write(to: folder.appending(path: Self.indexName))
    #expect(store.list() == [AuditListing(next)])
    try FileManager.default.removeItem(at: folder.appending(path: Self.indexName))
    #expect(store.list() == [AuditListing(next)])
  }

  @Test("an indexed log is not read again: only its size and its first and last 4 KiB are")
  func readsOnlyTheEnds() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = AuditStore(directory: folder)
    let audit = try Self.longAudit(id: "20261121-0930-long-0003", notes: 200)
    try Self.write(audit, to: store)
    #expect(store.list() == [AuditListing(audit)])
    let url = store.logURL(for: audit.id)
    var log = try Data(contentsOf: url)
    #expect(log.count > 40_000)
    // The middle replaced by bytes that are no log at all, same size: the index entry still matches, so the
    // listing comes from it; had the log been read, it would be left out.
    let middle = 10_000..<(log.count - 10_000)
    log.replaceSubrange(middle, with: Data(repeating: UInt8(ascii: "x"), count: middle.count))
    try log.write(to: url)
    #expect(store.list() == [AuditListing(audit)])
    // The same size but a different start: read again, and left out since it no longer replays.
    log[0] = UInt8(ascii: "x")
    try log.write(to: url)
    #expect(store.list().isEmpty)
  }

  @Test("a log is listed again when its content changes, whatever its times say")
  func contentNotTime() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = AuditStore(directory: folder)
    let audit = try Sample.audit(id: "20261121-0930-time-0004", finished: false)
    try Self.write(audit, to: store)
    #expect(store.list() == [AuditListing(audit)])
    // Its modification time moved back a year: nothing to read.
    let url = store.logURL(for: audit.id)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -365 * 86400)], ofItemAtPath: url.path)
    #expect(store.list() == [AuditListing(audit)])
    // Its content replaced by another audit's log of the same size, time kept: listed as the new content.
    let shorter = try Audit(replaying: Array(audit.events.dropLast()))
    var log = try Sample.chainedLog(shorter)
    let original = try Data(contentsOf: url)
    let padding = original.count - log.count
    #expect(padding > 0)
    log.append(Data(repeating: UInt8(ascii: " "), count: padding - 1) + Data("\n".utf8))
    #expect(log.count == original.count)
    try log.write(to: url)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -365 * 86400)], ofItemAtPath: url.path)
    #expect(store.list() == [AuditListing(shorter)])
  }

  @Test("the index is written by renaming a new file into place, never through a link")
  func indexLink() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = AuditStore(directory: folder)
    let audit = try Sample.audit(id: "20261121-0930-link-0005")
    try Self.write(audit, to: store)
    let target = folder.appending(path: "precious.txt")
    try Data("keep me".utf8).write(to: target)
    try FileManager.default.createSymbolicLink(
      at: folder.appending(path: Self.indexName), withDestinationURL: target)
    #expect(store.list() == [AuditListing(audit)])
    #expect(try Data(contentsOf: target) == Data("keep me".utf8))
  }
}
