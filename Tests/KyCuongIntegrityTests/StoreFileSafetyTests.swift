import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongStore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files of the store that are not what they seem (issue 11, F6 and F7): a link, a hard link, a FIFO, a log
/// renamed to a lock, a log replaced or changed while open. The store touches none of them, and says so in
/// its own words.
@Suite("Store files: links, FIFOs, replaced logs")
struct StoreFileSafetyTests {
  /// A store with audit `a` (the sample, finished, a few KB) written through the store, and the id of a second
  /// audit `b`.
  final class Fixture {
    let folder: URL
    let store: AuditStore
    let a: Audit
    let b: Audit
    let aLog: Data

    init() throws {
      folder = try Sample.temporaryFolder()
      store = AuditStore(directory: folder)
      a = try Sample.audit(id: "20261121-0930-a-1111")
      b = try Sample.audit(id: "20261121-0930-b-2222", finished: false)
      try store.create(try Audit(replaying: Array(a.events.prefix(1))))
      for event in a.events.dropFirst() { try store.append(event, to: a.id) }
      store.close(a.id)
      aLog = try Data(contentsOf: store.logURL(for: a.id))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Whether `a`'s log is byte for byte what the store wrote.
    var aIsIntact: Bool { (try? Data(contentsOf: store.logURL(for: a.id))) == aLog }

    /// Writes `b`'s log (all but its last event) by the store, and closes it.
    func writeB() throws {
      try store.create(try Audit(replaying: Array(b.events.prefix(1))))
      for event in b.events.dropFirst().dropLast() { try store.append(event, to: b.id) }
      store.close(b.id)
    }
  }

  static func refusal(_ body: () throws(AuditStoreError) -> Void) -> AuditStoreError? {
    do {
      try body()
      return nil
    } catch {
      return error
    }
  }

  @Test("F7: a lock symlinked to another audit's log is refused, and that log is left whole")
  func lockSymlinkedToAnotherLog() throws {
    let fixture = try Fixture()
    // The attack of issue 11: `<b>.lock` pointed at a's log; taking b's lock cut a's log to 70 bytes.
    try FileManager.default.createSymbolicLink(
      at: fixture.store.lockURL(for: fixture.b.id),
      withDestinationURL: fixture.store.logURL(for: fixture.a.id))
    let error = Self.refusal { () throws(AuditStoreError) in try fixture.store.create(fixture.b) }
    #expect(error == .unsafeFile(path: fixture.store.lockURL(for: fixture.b.id).path, problem: .symbolicLink))
    #expect(error?.description.contains("is a symbolic link; the store follows no links") == true)
    #expect(fixture.aIsIntact)
    // Resuming through the link is refused the same way; a's log is still whole and still verifies.
    try FileManager.default.removeItem(at: fixture.store.lockURL(for: fixture.b.id))
    try fixture.writeB()
    try FileManager.default.removeItem(at: fixture.store.lockURL(for: fixture.b.id))
    try FileManager.default.createSymbolicLink(
      at: fixture.store.lockURL(for: fixture.b.id),
      withDestinationURL: fixture.store.logURL(for: fixture.a.id))
    #expect(
      throws: AuditStoreError.unsafeFile(
        path: fixture.store.lockURL(for: fixture.b.id).path, problem: .symbolicLink)
    ) {
      try fixture.store.open(fixture.b.id)
    }
    #expect(fixture.aIsIntact)
    #expect(LogChain.verify(fixture.aLog).isIntact)
  }

  @Test("F7: a lock hard-linked to another audit's log, or a log renamed to a lock, is refused untouched")
  func lockThatIsALog() throws {
    let fixture = try Fixture()
    try fixture.writeB()
    let lock = fixture.store.lockURL(for: fixture.b.id)
    try FileManager.default.removeItem(at: lock)
    #expect(link(fixture.store.logURL(for: fixture.a.id).path, lock.path) == 0)
    #expect(throws: AuditStoreError.unsafeFile(path: lock.path, problem: .notALockFile)) {
      try fixture.store.open(fixture.b.id)
    }
    #expect(fixture.aIsIntact)
    // A copy of a log (one name, a few KB of events) where the lock should be.
    try FileManager.default.removeItem(at: lock)
    try fixture.aLog.write(to: lock)
    #expect(throws: AuditStoreError.unsafeFile(path: lock.path, problem: .notALockFile)) {
      try fixture.store.open(fixture.b.id)
    }
    #expect(try Data(contentsOf: lock) == fixture.aLog)
    // A lock file the store made, or an empty one, is taken as before.
    try FileManager.default.removeItem(at: lock)
    try Data().write(to: lock)
    #expect(try fixture.store.open(fixture.b.id).readOnly == false)
  }

  @Test("F7: a log that is a symbolic link is refused for writing and for reading, and left out of the list")
  func logSymlink() throws {
    let fixture = try Fixture()
    let bLog = fixture.store.logURL(for: fixture.b.id)
    try FileManager.default.createSymbolicLink(
      at: bLog, withDestinationURL: fixture.store.logURL(for: fixture.a.id))
    for readOnly in [false, true] {
      #expect(throws: AuditStoreError.unsafeFile(path: bLog.path, problem: .symbolicLink)) {
        try fixture.store.open(fixture.b.id, readOnly: readOnly)
      }
    }
    #expect(throws: AuditStoreError.unsafeFile(path: bLog.path, problem: .symbolicLink)) {
      try fixture.store.logData(for: fixture.b.id)
    }
    #expect(fixture.store.list().map(\.id) == [fixture.a.id])
    #expect(fixture.aIsIntact)
  }

  @Test("F7: a damaged-tail file that is a link stops the repair before the log is cut")
  func damagedTailSymlink() throws {
    let fixture = try Fixture()
    try fixture.writeB()
    let bLog = fixture.store.logURL(for: fixture.b.id)
    var torn = try Data(contentsOf: bLog)
    let fragment = Data(#"{"by":"Nguyễn Văn An","item":"A-"#.utf8)
    torn.append(fragment)
    try torn.write(to: bLog)
    let damaged = fixture.store.damagedTailURL(for: fixture.b.id)
    try FileManager.default.createSymbolicLink(
      at: damaged, withDestinationURL: fixture.store.logURL(for: fixture.a.id))
    #expect(throws: AuditStoreError.unsafeFile(path: damaged.path, problem: .symbolicLink)) {
      try fixture.store.open(fixture.b.id)
    }
    #expect(fixture.aIsIntact)
    #expect(try Data(contentsOf: bLog) == torn)
    // Once the link is gone, the repair goes ahead.
    try FileManager.default.removeItem(at: damaged)
    fixture.store.closeAll()
    #expect(try fixture.store.open(fixture.b.id).repair == .truncated(bytes: fragment.count))
  }

  @Test("F7/F15: a FIFO or a folder where a log or a lock should be is refused at once, in the store's words")
  func specialFiles() throws {
    let fixture = try Fixture()
    let bLog = fixture.store.logURL(for: fixture.b.id)
    #expect(mkfifo(bLog.path, 0o600) == 0)
    for readOnly in [false, true] {
      let error = Self.refusal { () throws(AuditStoreError) in
        _ = try fixture.store.open(fixture.b.id, readOnly: readOnly)
      }
      #expect(error == .unsafeFile(path: bLog.path, problem: .notRegularFile))
      #expect(
        error?.description
          == "\(bLog.path) is not a regular file (a folder, pipe, device or socket); kycuong leaves it untouched"
      )
    }
    #expect(fixture.store.list().map(\.id) == [fixture.a.id])
    try FileManager.default.removeItem(at: bLog)
    try FileManager.default.createDirectory(at: bLog, withIntermediateDirectories: false)
    #expect(throws: AuditStoreError.unsafeFile(path: bLog.path, problem: .notRegularFile)) {
      try fixture.store.open(fixture.b.id, readOnly: true)
    }
    try FileManager.default.removeItem(at: bLog)
    let lock = fixture.store.lockURL(for: fixture.b.id)
    #expect(mkfifo(lock.path, 0o600) == 0)
    let error = Self.refusal { () throws(AuditStoreError) in try fixture.store.create(fixture.b) }
    #expect(error == .unsafeFile(path: lock.path, problem: .notRegularFile))
    for text in [error?.description ?? ""] {
      #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("permission"), "\(text)")
    }
  }

  @Test("F6: a log replaced while open (an export written over it) is not written into, nor the export")
  func logReplacedWhileOpen() throws {
    let fixture = try Fixture()
    let audit = try Audit(replaying: Array(fixture.b.events.prefix(2)))
    try fixture.store.create(audit)
    let log = fixture.store.logURL(for: audit.id)
    // What `export store/<id>.jsonl` did: a new file renamed over the live log.
    let export = Data("{\"format\":\"kycuong.audit/1.1\"}\n".utf8)
    try export.write(to: log, options: .atomic)
    let error = Self.refusal { () throws(AuditStoreError) in
      try fixture.store.append(fixture.b.events[2], to: audit.id)
    }
    #expect(error == .ioFailed(path: log.path, reason: .removedWhileOpen))
    #expect(error?.description.contains("nothing was written") == true)
    #expect(try Data(contentsOf: log) == export)
  }

  @Test("F6: a log another program appended to while open is not appended to out of chain")
  func logChangedWhileOpen() throws {
    let fixture = try Fixture()
    let audit = try Audit(replaying: Array(fixture.b.events.prefix(2)))
    try fixture.store.create(audit)
    let log = fixture.store.logURL(for: audit.id)
    let before = try Data(contentsOf: log)
    let handle = try FileHandle(forWritingTo: log)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("x\n".utf8))
    try handle.close()
    #expect(
      throws: AuditStoreError.ioFailed(
        path: log.path, reason: .changedWhileOpen(expected: before.count, found: before.count + 2))
    ) {
      try fixture.store.append(fixture.b.events[2], to: audit.id)
    }
    #expect(try Data(contentsOf: log) == before + Data("x\n".utf8))
  }

  /// The descriptors of this process open on `path`.
  static func descriptors(on path: String) -> Int {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return names.filter {
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == path
    }
    .count
  }

  @Test(
    "issue 13: the log's descriptor stays open with the lock while the audit is open; each append uses it",
    .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
  func descriptorKeptOpen() throws {
    let fixture = try Fixture()
    let log = fixture.store.logURL(for: fixture.a.id).path
    #expect(Self.descriptors(on: log) == 0)
    let opened = try fixture.store.open(fixture.a.id)
    #expect(opened.audit == fixture.a)
    #expect(Self.descriptors(on: log) == 1)
    #expect(Self.descriptors(on: fixture.store.lockURL(for: fixture.a.id).path) == 1)
    fixture.store.close(fixture.a.id)
    #expect(Self.descriptors(on: log) == 0)
    // A new audit: the head kept in memory is the head of the file, after every append.
    try fixture.store.create(try Audit(replaying: Array(fixture.b.events.prefix(1))))
    for event in fixture.b.events.dropFirst() {
      try fixture.store.append(event, to: fixture.b.id)
      let bytes = try Data(contentsOf: fixture.store.logURL(for: fixture.b.id))
      #expect(fixture.store.chainHead(for: fixture.b.id) == LogChain.head(of: bytes))
    }
    #expect(Self.descriptors(on: fixture.store.logURL(for: fixture.b.id).path) == 1)
    #expect(fixture.store.chainHead(for: fixture.a.id) == nil)
  }

  @Test("the store's folder is private to its user (0700), its logs and locks 0600")
  func permissions() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = AuditStore(directory: folder.appending(path: "deep/audits"))
    let audit = try Sample.audit()
    try store.create(audit)
    func mode(_ url: URL) throws -> Int {
      (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? -1
    }
    #expect(try mode(store.directory) == 0o700)
    #expect(try mode(store.logURL(for: audit.id)) == 0o600)
    #expect(try mode(store.lockURL(for: audit.id)) == 0o600)
  }
}
