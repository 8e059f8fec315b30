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
/// Lines are written in event format 2: each carries the SHA-256 of the line before it (``/KyCuongIntegrity/LogChain``), so a
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
///
/// What the store does with files, and what it never does:
/// - A log is opened once, with its lock, and read once, as a stream (``/KyCuong/EventLog/Reader``): the events, the
///   hash chain and the last line come out of one pass, in time linear in its size. The descriptor stays
///   open, in append mode, while the audit is; each append is one `write` and one `fsync`.
/// - No file of the store is opened through a symbolic link, and only regular files are read or written
///   (``AuditStoreError/unsafeFile(path:problem:)``). A log is only ever appended to, or cut back to the end
///   of its last complete line (a failed append, a crash-cut tail); nothing the store writes replaces one.
/// - Listing the store (``list()``) reads a small index beside the logs (`.index.json`), checked against
///   each log's content; only a log that changed since it was indexed is read.
public final class AuditStore {
  /// The folder holding the logs.
  public let directory: URL
  let clock: () -> Date
  /// The logs open for writing, by audit id.
  var logs: [String: OpenLog] = [:]

  /// An audit's log open for writing: its lock, its descriptor (append mode), how long it is and the exact
  /// bytes of its last line, whose digest the next line's `prev` is.
  final class OpenLog {
    let lock: AuditLock
    let file: StoreFile
    var size: Int
    var lastLine: Data?

    init(lock: AuditLock, file: StoreFile, size: Int, lastLine: Data?) {
      self.lock = lock
      self.file = file
      self.size = size
      self.lastLine = lastLine
    }
  }

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
  public func isOpenForWriting(_ id: String) -> Bool { logs[id] != nil }

  /// The chain head of the log of audit `id` as this store last wrote or read it (`sha256:` and the digest of
  /// its last line: an export's `integrity.chainHead`), without reading the file; `nil` unless it is open
  /// for writing here.
  ///
  /// - Parameter id: The audit.
  /// - Returns: `sha256:` and the hex digest of the log's last line, or `nil` when the audit is not open for
  ///   writing in this store or its log has no line yet.
  public func chainHead(for id: String) -> String? {
    logs[id]?.lastLine.map { Digest.labelled($0) }
  }

  /// Writes a new audit's log (its events so far, normally only `started`) and keeps it open for writing.
  ///
  /// - Throws: ``AuditStoreError`` when the id is taken, the folder cannot be written, or it is locked.
  public func create(_ audit: Audit) throws(AuditStoreError) {
    let id = audit.id
    try Self.checkID(id)
    try makeDirectory()
    let lock = try AuditLock.acquire(at: lockURL(for: id), id: id, holder: .current(at: clock()))
    let url = logURL(for: id)
    var data = Data()
    var lastLine: Data?
    for event in audit.events {
      let line = try Self.line(for: event, after: lastLine, in: url.path)
      data.append(line)
      lastLine = line.dropLast()
    }
    try createLog(id, data: data, lastLine: lastLine, lock: lock)
  }

  /// Writes the new log of audit `id` (complete lines, the last being `lastLine`) and keeps it open for
  /// writing under `lock`.
  ///
  /// - Throws: ``AuditStoreError/alreadyExists(id:)`` when a log of that id exists.
  func createLog(_ id: String, data: Data, lastLine: Data?, lock: AuditLock) throws(AuditStoreError) {
    let url = logURL(for: id)
    // O_EXCL: an id is never reused, even if two starts raced to the same random suffix.
    let file: StoreFile
    do {
      file = try StoreFile.open(url, O_RDWR | O_APPEND | O_CREAT | O_EXCL)
    } catch .ioFailed(_, let reason) where reason.code == EEXIST {
      throw .alreadyExists(id: id)
    }
    do {
      try file.write(data)
    } catch {
      // The file is the one just made, with nothing of value in it.
      _ = unlink(url.path)
      throw error
    }
    syncDirectory()
    logs[id] = OpenLog(lock: lock, file: file, size: data.count, lastLine: lastLine)
  }

  /// Appends one event as one line and forces it to disk before returning: one `write` and one `fsync` on
  /// the descriptor kept open since the audit was opened.
  ///
  /// If the write fails half-way the file is cut back to where it was, so the next line starts clean.
  ///
  /// - Throws: ``AuditStoreError/notOpenForWriting(id:)`` unless this store created or opened the audit for
  ///   writing; ``AuditStoreError/ioFailed(path:reason:)`` when the disk refuses, or when the log was removed,
  ///   replaced or changed by another program since it was opened (nothing is written then).
  public func append(_ event: AuditEvent, to id: String) throws(AuditStoreError) {
    guard let log = logs[id] else { throw .notOpenForWriting(id: id) }
    let line = try Self.line(for: event, after: log.lastLine, in: log.file.path)
    let info = try log.file.status()
    if info.st_nlink == 0 { throw .ioFailed(path: log.file.path, reason: .removedWhileOpen) }
    if Int(info.st_size) != log.size {
      throw .ioFailed(
        path: log.file.path, reason: .changedWhileOpen(expected: log.size, found: Int(info.st_size)))
    }
    do {
      try log.file.write(line)
    } catch {
      // Back to the end of the last line written: what this store wrote, and knows the length of.
      try? log.file.truncate(to: log.size)
      throw error
    }
    log.size += line.count
    log.lastLine = line.dropLast()
  }

  /// The exact bytes of the log of audit `id` as they are on disk (for sealing an export with its chain head).
  ///
  /// - Throws: ``AuditStoreError/ioFailed(path:reason:)`` when it cannot be read or is over the size limit,
  ///   ``AuditStoreError/unsafeFile(path:problem:)`` when it is a link or not a regular file.
  public func logData(for id: String) throws(AuditStoreError) -> Data {
    try Self.checkID(id)
    if let log = logs[id] { return try Self.readWhole(log.file) }
    return try logDataThroughOwnDescriptor(for: id)
  }

  /// The bytes of the log of audit `id`, read through a descriptor of its own and without looking at the
  /// logs this store holds open: the one read another thread may make while the store's owner appends, opens
  /// or closes logs (the REPL sends the log to the server from a thread of its own). Whole lines are what
  /// the owner has written; the last line may be half written.
  ///
  /// - Throws: As ``logData(for:)``.
  package func logDataThroughOwnDescriptor(for id: String) throws(AuditStoreError) -> Data {
    try Self.checkID(id)
    do {
      return try Self.readWhole(try StoreFile.open(logURL(for: id), O_RDONLY))
    } catch .ioFailed(_, let reason) where reason.code == ENOENT {
      throw .noSuchAudit(id: id, directory: directory.path)
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

  /// Opens audit `id`: takes its lock (unless `readOnly`), reads and replays its log, in one pass.
  ///
  /// A last line cut short by a crash loses no earlier answer. When opened for writing, the tail is repaired
  /// so the next append starts on a line of its own: truncating the broken bytes (kept aside) rather than
  /// writing a newline before the next event, because a leading newline would leave the broken fragment in
  /// the log for ever, reported as damage by every later read.
  ///
  /// - Throws: ``AuditStoreError/locked(id:holder:)`` when another store holds it (open read-only instead),
  ///   ``AuditStoreError/noSuchAudit(id:directory:)``, ``AuditStoreError/unreadableLog(id:error:)``,
  ///   ``AuditStoreError/unsafeFile(path:problem:)`` for a log or lock that is a link or not a regular file.
  public func open(_ id: String, readOnly: Bool = false) throws(AuditStoreError) -> OpenedAudit {
    try Self.checkID(id)
    if let log = logs[id] {
      // Already open for writing here: read it again through the descriptor held.
      let read = try read(id, from: log.file, readOnly: readOnly)
      if !readOnly {
        log.size = read.size
        log.lastLine = read.lastLine
      }
      return read.opened
    }
    let file: StoreFile
    do {
      file = try StoreFile.open(logURL(for: id), readOnly ? O_RDONLY : O_RDWR | O_APPEND)
    } catch .ioFailed(_, let reason) where reason.code == ENOENT {
      throw .noSuchAudit(id: id, directory: directory.path)
    }
    guard !readOnly else { return try read(id, from: file, readOnly: true).opened }
    let lock = try AuditLock.acquire(at: lockURL(for: id), id: id, holder: .current(at: clock()))
    let read = try read(id, from: file, readOnly: false)
    logs[id] = OpenLog(lock: lock, file: file, size: read.size, lastLine: read.lastLine)
    return read.opened
  }

  /// Reads the log open as `file` once (events, damage, chain and tail in one pass), replays it, and unless
  /// `readOnly` repairs its tail.
  ///
  /// - Returns: What was found, the last line's bytes, and the log's size after the repair.
  private func read(
    _ id: String, from file: StoreFile, readOnly: Bool
  ) throws(AuditStoreError) -> (opened: OpenedAudit, lastLine: Data?, size: Int) {
    var contents = try Self.scan(file)
    let audit: Audit
    do {
      audit = try Audit(replaying: contents.events)
    } catch {
      throw .unreadableLog(id: id, error: error)
    }
    // The events live on in the audit; the list is not needed any more.
    contents.events = []
    let verification = contents.chain.verification(
      endsWithNewline: contents.endsWithNewline, isEmpty: contents.size == 0, replay: nil)
    var repair: TailRepair?
    var size = contents.size
    if !readOnly, let tail = contents.unterminatedLine {
      repair = try repairTail(tail, isEvent: contents.tailIsEvent, of: file, size: &size, id: id)
    }
    // A line changed since it was written is reported beside the damage: the inspector sees it when resuming.
    let opened = OpenedAudit(
      audit: audit, damage: contents.damage, chainBreaks: verification.problems.filter(\.isChainBreak),
      repair: repair, readOnly: readOnly)
    return (opened, contents.chain.lastLine, size)
  }

  /// What one pass over a log found.
  private struct Scan {
    var chain = LogChain.Verifier()
    var events: [AuditEvent] = []
    var damage: [LogDamage] = []
    var size = 0
    var endsWithNewline = true
    /// The bytes after the last newline, and whether they are a whole event.
    var unterminatedLine: Data?
    var tailIsEvent = false
  }

  /// Reads the log open as `file` from start to end, once.
  private static func scan(_ file: StoreFile) throws(AuditStoreError) -> Scan {
    var scan = Scan()
    var reader = EventLog.Reader()
    func take(_ line: EventLog.Line) {
      scan.chain.check(line)
      switch line {
      case .event(let raw): scan.events.append(raw.event)
      case .damage(let damage): scan.damage.append(damage)
      }
    }
    scan.size = try file.forEachChunk(limit: BoundedFile.maximumLogSize) { chunk in
      reader.read(chunk, take)
    }
    reader.finish { line in
      if case .event = line { scan.tailIsEvent = true }
      take(line)
    }
    scan.endsWithNewline = reader.endsWithNewline
    scan.unterminatedLine = reader.unterminatedLine
    return scan
  }

  /// Makes the log end with a newline: adds the one a whole last event lacks, or cuts off a broken last line
  /// after copying it to the damaged-tail file.
  private func repairTail(
    _ tail: Data, isEvent: Bool, of file: StoreFile, size: inout Int, id: String
  ) throws(AuditStoreError) -> TailRepair {
    if isEvent {
      try file.write(Data([UInt8(ascii: "\n")]))
      size += 1
      return .newlineAdded
    }
    // Kept first, cut after: a failure to keep the bytes leaves the log as it was.
    let kept = try StoreFile.open(damagedTailURL(for: id), O_WRONLY | O_APPEND | O_CREAT)
    try kept.write(tail + Data([UInt8(ascii: "\n")]))
    size -= tail.count
    try file.truncate(to: size)
    return .truncated(bytes: tail.count)
  }

  /// Releases the lock of audit `id`, if this store holds it.
  public func close(_ id: String) {
    logs[id] = nil
  }

  /// Releases every lock this store holds.
  public func closeAll() {
    logs.removeAll()
  }

  /// A summary of every readable audit in the folder, unfinished ones first, then the most recent first.
  /// Logs that cannot be rebuilt, links and files that are not regular are left out (``open(_:readOnly:)`` on
  /// one says why).
  ///
  /// Only what is needed is read: the index beside the logs, and of each log its size and its first and last
  /// 4 KiB, to check that the index entry is of the log as it is now. A log that changed since it was indexed
  /// (or is new) is read once, and the index updated.
  public func list() -> [AuditListing] {
    var index = AuditIndex.read(in: directory)
    var changed = false
    var summaries: [AuditListing] = []
    var seen = Set<String>()
    for name in Self.logNames(in: directory) {
      let id = String(name.dropLast(".jsonl".count))
      guard (try? Self.checkID(id)) != nil,
        let file = try? StoreFile.open(directory.appending(path: name), O_RDONLY)
      else { continue }
      seen.insert(id)
      guard let entry = Self.entry(of: file, cached: index.entries[id]) else { continue }
      if index.entries[id] != entry {
        index.entries[id] = entry
        changed = true
      }
      if let listing = entry.listing { summaries.append(listing) }
    }
    for id in index.entries.keys where !seen.contains(id) {
      index.entries[id] = nil
      changed = true
    }
    if changed { index.write(in: directory) }
    return summaries.sorted { left, right in
      if left.isFinished != right.isFinished { return !left.isFinished }
      if left.startedAt != right.startedAt { return left.startedAt > right.startedAt }
      return left.id < right.id
    }
  }

  /// The index entry of the log open as `file`: `cached` when it is of the log's content as it is now, else
  /// made by reading the log (the key from the very bytes read, so a log written to meanwhile is not indexed
  /// under its new key with its old listing).
  private static func entry(of file: StoreFile, cached: AuditIndex.Entry?) -> AuditIndex.Entry? {
    guard let size = try? file.size() else { return nil }
    let window = AuditIndex.window
    if let cached, cached.size == size, let head = try? file.read(at: 0, count: min(window, size)),
      let tail = try? file.read(at: max(0, size - window), count: min(window, size)),
      AuditIndex.key(size: size, head: head, tail: tail) == cached.key
    {
      return cached
    }
    var reader = EventLog.Reader()
    var events: [AuditEvent] = []
    var head = Data()
    var tail = Data()
    func take(_ line: EventLog.Line) {
      if case .event(let raw) = line { events.append(raw.event) }
    }
    guard
      let read = try? file.forEachChunk(
        limit: BoundedFile.maximumLogSize,
        { chunk in
          if head.count < window { head.append(contentsOf: chunk.prefix(window - head.count)) }
          tail.append(contentsOf: chunk.suffix(window))
          if tail.count > window { tail.removeFirst(tail.count - window) }
          reader.read(chunk, take)
        })
    else { return nil }
    reader.finish(take)
    let listing = (try? Audit(replaying: events)).map(AuditListing.init)
    return AuditIndex.Entry(
      size: read, key: AuditIndex.key(size: read, head: head, tail: tail), listing: listing)
  }

  /// The names of the logs in `directory` (`*.jsonl`), without a `stat` each.
  private static func logNames(in directory: URL) -> [String] {
    guard let stream = opendir(directory.path) else { return [] }
    defer { closedir(stream) }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasSuffix(".jsonl") && !name.hasPrefix(".") { names.append(name) }
    }
    return names
  }

  /// The whole file open as `file`, read through its descriptor.
  static func readWhole(_ file: StoreFile) throws(AuditStoreError) -> Data {
    var data = Data()
    _ = try file.forEachChunk(limit: BoundedFile.maximumLogSize) { data.append(contentsOf: $0) }
    return data
  }

  /// One event as a chained line after `previous`.
  static func line(
    for event: AuditEvent, after previous: Data?, in path: String
  ) throws(AuditStoreError)
    -> Data
  {
    do {
      return try LogChain.line(for: event, after: previous)
    } catch {
      throw .ioFailed(path: path, reason: .unencodable(reason: error.description))
    }
  }

  /// Creates the store's folder (and its parents) when missing; the folder itself is private to its user.
  func makeDirectory(_ directory: URL? = nil) throws(AuditStoreError) {
    let components = (directory ?? self.directory).standardizedFileURL.pathComponents.filter { $0 != "/" }
    var path = ""
    for (index, component) in components.enumerated() {
      path += "/" + component
      if mkdir(path, index == components.count - 1 ? 0o700 : 0o755) != 0 && errno != EEXIST {
        throw .ioFailed(path: path, reason: .system(code: errno))
      }
    }
  }

  /// Makes a new file's name durable too: without it, a crash can lose the directory entry of a log whose
  /// contents were synced.
  func syncDirectory(_ directory: URL? = nil) {
    let fd = systemOpen((directory ?? self.directory).path, O_RDONLY | O_CLOEXEC)
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
