import Foundation
import KyCuong
import KyCuongIntegrity

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A folder of audits, one event log `<audit-id>.jsonl` each, that the REPL writes as the inspector works.
///
/// Every accepted change is appended as one line and forced to disk (`fsync`) before ``append(_:to:)``
/// returns, so an answer the inspector saw accepted survives a crash or a flat battery. A process writes an
/// audit only while it holds the audit's lock (`<id>.lock`, see ``open(_:readOnly:)``).
///
/// Lines are written in event format 2: each carries the SHA-256 of the line before it (``LogChain``), so a
/// changed, removed or inserted line is detected by `kycuong verify`. A log of version 1 opened for writing
/// stays readable; the events added to it are chained from its last line on.
///
/// ```swift
/// let store = AuditStore(directory: AuditStore.defaultDirectory())
/// try store.create(audit)
/// var next = audit
/// let event = try next.record(change, by: inspector, at: .now)
/// try store.append(event, to: audit.id)   // on disk: now the change may be shown as accepted
/// audit = next
/// ```
public final class AuditStore {
  /// The folder holding the logs.
  public let directory: URL
  private let clock: () -> Date
  private var locks: [String: AuditLock] = [:]
  /// The exact bytes of the last line written or read, by audit id: the next line's `prev` is their digest.
  private var lastLines: [String: Data] = [:]

  /// A store in `directory` (created when the first audit is); `clock` dates the lock files.
  public init(directory: URL, clock: @escaping () -> Date = Date.init) {
    self.directory = directory
    self.clock = clock
  }

  /// The log file of audit `id`.
  public func logURL(for id: String) -> URL { directory.appending(path: "\(id).jsonl") }

  /// The lock file of audit `id`.
  public func lockURL(for id: String) -> URL { directory.appending(path: "\(id).lock") }

  /// Where the bytes cut from a damaged log tail are kept, for whoever wants to look at them.
  public func damagedTailURL(for id: String) -> URL { directory.appending(path: "\(id).jsonl.damaged") }

  /// Whether this store holds the write lock of audit `id`.
  public func isOpenForWriting(_ id: String) -> Bool { locks[id] != nil }

  /// Writes a new audit's log (its events so far, normally only `started`) and keeps it open for writing.
  ///
  /// - Throws: ``AuditStoreError`` when the id is taken, the folder cannot be written, or it is locked.
  public func create(_ audit: Audit) throws(AuditStoreError) {
    let id = audit.id
    try Self.checkID(id)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .ioFailed(path: directory.path, reason: error.localizedDescription)
    }
    let lock = try AuditLock.acquire(at: lockURL(for: id), id: id, holder: .current(at: clock()))
    let url = logURL(for: id)
    var data = Data()
    var lastLine: Data?
    do {
      for event in audit.events {
        let line = try LogChain.line(for: event, after: lastLine)
        data.append(line)
        lastLine = line.dropLast()
      }
    } catch {
      throw .ioFailed(path: url.path, reason: error.description)
    }
    // O_EXCL: an id is never reused, even if two starts raced to the same random suffix.
    let fd = systemOpen(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      let code = errno
      if code == EEXIST { throw .alreadyExists(id: id) }
      throw .ioFailed(path: url.path, reason: String(cString: strerror(code)))
    }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    do {
      try handle.write(contentsOf: data)
      try handle.synchronize()
      try handle.close()
    } catch {
      try? FileManager.default.removeItem(at: url)
      throw .ioFailed(path: url.path, reason: error.localizedDescription)
    }
    syncDirectory()
    locks[id] = lock
    lastLines[id] = lastLine
  }

  /// Appends one event as one line and forces it to disk before returning.
  ///
  /// If the write fails half-way the file is cut back to where it was, so the next line starts clean.
  ///
  /// - Throws: ``AuditStoreError/notOpenForWriting(id:)`` unless this store created or opened the audit for
  ///   writing; ``AuditStoreError/ioFailed(path:reason:)`` when the disk refuses.
  public func append(_ event: AuditEvent, to id: String) throws(AuditStoreError) {
    guard locks[id] != nil else { throw .notOpenForWriting(id: id) }
    let url = logURL(for: id)
    let line: Data
    do {
      line = try LogChain.line(for: event, after: lastLines[id])
    } catch {
      throw .ioFailed(path: url.path, reason: error.description)
    }
    let handle: FileHandle
    do {
      handle = try FileHandle(forWritingTo: url)
    } catch {
      throw .ioFailed(path: url.path, reason: error.localizedDescription)
    }
    defer { try? handle.close() }
    // Where the log ended before this write; unknown until the seek succeeds. Rolling back to an unknown
    // offset (0, say) would destroy every answer already saved, so a failed seek rolls back nothing.
    var start: UInt64?
    do {
      start = try handle.seekToEnd()
      try handle.write(contentsOf: line)
      try handle.synchronize()
    } catch {
      if let start {
        try? handle.truncate(atOffset: start)
        try? handle.synchronize()
      }
      throw .ioFailed(path: url.path, reason: error.localizedDescription)
    }
    lastLines[id] = line.dropLast()
  }

  /// The exact bytes of the log of audit `id` as they are on disk (for sealing an export with its chain head).
  ///
  /// - Throws: ``AuditStoreError/ioFailed(path:reason:)`` when it cannot be read or is over the size limit.
  public func logData(for id: String) throws(AuditStoreError) -> Data {
    try Self.checkID(id)
    let url = logURL(for: id)
    do {
      return try BoundedFile.read(url, limit: BoundedFile.maximumLogSize)
    } catch {
      throw .ioFailed(path: url.path, reason: error.description)
    }
  }

  /// What ``open(_:readOnly:)`` found.
  public struct OpenedAudit: Sendable {
    /// The audit rebuilt from its log.
    public var audit: Audit
    /// Lines that could not be read (empty for an intact log).
    public var damage: [LogDamage]
    /// Lines changed, removed, inserted or reordered since they were written (the hash chain says so).
    public var chainBreaks: [LogVerification.Problem]
    /// What was done to a damaged tail so that the next line starts clean, if anything.
    public var repair: TailRepair?
    /// Whether the audit was opened read-only (no lock taken, no change allowed).
    public var readOnly: Bool
  }

  /// How a log whose last line lacked its newline was made ready for the next append.
  public enum TailRepair: Hashable, Sendable {
    /// The last line was a whole event missing only its newline (the crash came between the two writes):
    /// the newline was added; nothing was lost.
    case newlineAdded
    /// The last line was cut off mid-event: it was removed from the log and its bytes kept in
    /// ``AuditStore/damagedTailURL(for:)``. Every earlier, complete event is intact.
    case truncated(bytes: Int)
  }

  /// Opens audit `id`: takes its lock (unless `readOnly`), reads and replays its log.
  ///
  /// A last line cut short by a crash loses no earlier answer. When opened for writing, the tail is repaired
  /// so the next append starts on a line of its own: truncating the broken bytes (kept aside) rather than
  /// writing a newline before the next event, because a leading newline would leave the broken fragment in
  /// the log for ever, reported as damage by every later read.
  ///
  /// - Throws: ``AuditStoreError/locked(id:holder:)`` when another store holds it (open read-only instead),
  ///   ``AuditStoreError/noSuchAudit(id:directory:)``, ``AuditStoreError/unreadableLog(id:reason:)``.
  public func open(_ id: String, readOnly: Bool = false) throws(AuditStoreError) -> OpenedAudit {
    try Self.checkID(id)
    let url = logURL(for: id)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw .noSuchAudit(id: id, directory: directory.path)
    }
    var newLock: AuditLock?
    if !readOnly && locks[id] == nil {
      newLock = try AuditLock.acquire(at: lockURL(for: id), id: id, holder: .current(at: clock()))
    }
    let data: Data
    do throws(FileReadError) {
      data = try BoundedFile.read(url, limit: BoundedFile.maximumLogSize)
    } catch {
      throw .ioFailed(path: url.path, reason: error.description)
    }
    let lines = EventLog.readLines(data)
    let audit: Audit
    do {
      audit = try Audit(replaying: lines.events.map(\.event))
    } catch {
      throw .unreadableLog(id: id, error: error)
    }
    var repair: TailRepair?
    if !readOnly {
      repair = try repairTail(of: data, at: url, id: id)
      if let newLock { locks[id] = newLock }
      // After the repair the log ends with its last complete line, which the next line chains to.
      lastLines[id] = lines.events.last?.bytes
    }
    // A line changed since it was written is reported beside the damage: the inspector sees it when resuming.
    let chainBreaks = LogChain.verify(lines, isEmpty: data.isEmpty).problems.filter(\.isChainBreak)
    return OpenedAudit(
      audit: audit, damage: lines.damage, chainBreaks: chainBreaks, repair: repair, readOnly: readOnly)
  }

  /// Releases the lock of audit `id`, if this store holds it.
  public func close(_ id: String) {
    locks[id] = nil
    lastLines[id] = nil
  }

  /// Releases every lock this store holds.
  public func closeAll() {
    locks.removeAll()
    lastLines.removeAll()
  }

  /// A summary of every readable audit in the folder, unfinished ones first, then the most recent first.
  /// Logs that cannot be rebuilt are left out (``open(_:readOnly:)`` on one says why).
  public func list() -> [AuditListing] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    var summaries: [AuditListing] = []
    for name in names where name.hasSuffix(".jsonl") {
      guard
        let data = try? BoundedFile.read(directory.appending(path: name), limit: BoundedFile.maximumLogSize),
        let audit = try? EventLog.audit(from: data).audit
      else { continue }
      summaries.append(AuditListing(audit))
    }
    return summaries.sorted { left, right in
      if left.isFinished != right.isFinished { return !left.isFinished }
      if left.startedAt != right.startedAt { return left.startedAt > right.startedAt }
      return left.id < right.id
    }
  }

  private func repairTail(of data: Data, at url: URL, id: String) throws(AuditStoreError) -> TailRepair? {
    guard let last = data.last, last != UInt8(ascii: "\n") else { return nil }
    let newline = data.lastIndex(of: UInt8(ascii: "\n"))
    let tailStart = newline.map { data.index(after: $0) } ?? data.startIndex
    let tail = data[tailStart...]
    do {
      let handle = try FileHandle(forWritingTo: url)
      defer { try? handle.close() }
      if (try? JSONCoding.decoder().decode(AuditEvent.self, from: Data(tail))) != nil {
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([UInt8(ascii: "\n")]))
        try handle.synchronize()
        return .newlineAdded
      }
      try keepDamagedTail(Data(tail), id: id)
      try handle.truncate(atOffset: UInt64(tailStart - data.startIndex))
      try handle.synchronize()
      return .truncated(bytes: tail.count)
    } catch {
      throw .ioFailed(path: url.path, reason: error.localizedDescription)
    }
  }

  private func keepDamagedTail(_ tail: Data, id: String) throws {
    let url = damagedTailURL(for: id)
    if !FileManager.default.fileExists(atPath: url.path) {
      _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    }
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: tail + Data([UInt8(ascii: "\n")]))
    try handle.synchronize()
  }

  /// Makes a new file's name durable too: without it, a crash can lose the directory entry of a log whose
  /// contents were synced.
  private func syncDirectory() {
    let fd = systemOpen(directory.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    systemClose(fd)
  }

  /// Refuses ids that would name a file outside the folder or a hidden one.
  static func checkID(_ id: String) throws(AuditStoreError) {
    let allowed = id.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
    }
    if id.isEmpty || !allowed || id.hasPrefix(".") || id.count > 200 { throw .badID(id) }
  }
}
