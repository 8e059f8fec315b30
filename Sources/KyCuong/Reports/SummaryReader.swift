import Foundation
import KyCuongAudit
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// Reads audits for a summary: many files at once, on every core.
///
/// Each file is read once, whole, refused over 256 MiB, then through the full readers
/// (``AuditDocument/init(data:)``), which say why one is refused. So the summary refuses exactly what
/// `kycuong score` and `report record` refuse, and never counts a stored score.
public enum SummaryReader {
  /// What reading found.
  public struct Result: Sendable {
    /// The audits read, one per audit id, sorted by start time then id.
    public var audits: [AuditFacts]
    /// Files that are not audits or are damaged, with the reason.
    public var skipped: [SkippedFile]
    /// Files read with damage that did not stop them (a log's cut-off last line), with the damage.
    public var warnings: [SkippedFile]
    /// Files holding an audit another file also holds (a log and its export); the one with more events
    /// is kept.
    public var duplicates: Int
    /// Number of files looked at.
    public var files: Int
  }

  /// Reads `files` concurrently and keeps every audit's facts (``AuditSummary/init(files:filter:today:timeZone:checkLog:)``
  /// folds them as it reads instead, in memory that does not grow with the audits).
  ///
  /// - Parameter files: Exports and logs.
  /// - Returns: What was read.
  public static func read(_ files: [URL]) -> Result {
    let outcomes = work(files, excluding: []) {
      [Outcome]()
    } add: { outcomes, _, outcome in
      outcomes.append(outcome)
    }
    var byID: [String: AuditFacts] = [:]
    var skipped: [SkippedFile] = []
    var warnings: [SkippedFile] = []
    var duplicates = 0
    for outcome in outcomes.flatMap({ $0 }).sorted(by: { $0.file < $1.file }) {
      switch outcome.result {
      case .skipped(let file): skipped.append(file)
      case .audit(let facts, let found):
        warnings += found
        if let existing = byID[facts.id] {
          duplicates += 1
          if facts.eventCount > existing.eventCount { byID[facts.id] = facts }
        } else {
          byID[facts.id] = facts
        }
      }
    }
    let audits = byID.values.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
    return Result(
      audits: audits, skipped: skipped, warnings: warnings, duplicates: duplicates, files: files.count)
  }

  /// What folding files into running totals found.
  struct Folded {
    var totals: AuditSummary.Accumulator
    var duplicates: Int
    var skipped: [SkippedFile]
    var warnings: [SkippedFile]
  }

  /// One worker's share of a fold.
  struct Share {
    var totals: AuditSummary.Accumulator
    /// Every audit folded: its id's hash, its events, its file (to find files that hold one audit).
    var seen: [(hash: Int, events: Int, file: Int)] = []
    var notes: [(file: Int, skipped: SkippedFile?, warnings: [SkippedFile])] = []
  }

  /// Reads `files` and folds each audit into totals as it is read.
  ///
  /// Two files may hold one audit (a log and its export); the one with more events counts, the first in
  /// file order among equals. Totals cannot take an audit back out, so when the first pass finds such
  /// files (by the hash of the audit id, confirmed on the ids themselves), the files are folded again
  /// without the ones that do not count; this costs time only when there are duplicates.
  static func fold(
    _ files: [URL], into empty: AuditSummary.Accumulator, checkLog: (@Sendable (Data) -> [String])?
  ) -> Folded {
    func pass(excluding: Set<Int>) -> [Share] {
      work(files, excluding: excluding, checkLog: checkLog) {
        Share(totals: empty)
      } add: { share, file, outcome in
        switch outcome.result {
        case .skipped(let skipped): share.notes.append((file, skipped, []))
        case .audit(let facts, let warnings):
          if !warnings.isEmpty { share.notes.append((file, nil, warnings)) }
          share.seen.append((facts.id.hashValue, facts.eventCount, file))
          share.totals.add(facts)
        }
      }
    }
    func merged(_ shares: [Share]) -> AuditSummary.Accumulator {
      var totals = empty
      for share in shares { totals.merge(share.totals) }
      return totals
    }
    let first = pass(excluding: [])
    let notes = first.flatMap(\.notes).sorted { $0.file < $1.file }
    let skipped = notes.compactMap(\.skipped)
    let warnings = notes.flatMap(\.warnings)
    let losers = duplicateFiles(first.flatMap(\.seen), files: files)
    guard !losers.isEmpty else {
      return Folded(totals: merged(first), duplicates: 0, skipped: skipped, warnings: warnings)
    }
    return Folded(
      totals: merged(pass(excluding: losers)), duplicates: losers.count, skipped: skipped, warnings: warnings)
  }

  /// The files whose audit another file holds too and does not count (see ``fold(_:into:checkLog:)``).
  static func duplicateFiles(_ seen: [(hash: Int, events: Int, file: Int)], files: [URL]) -> Set<Int> {
    var byHash: [Int: [(events: Int, file: Int)]] = [:]
    var shared: Set<Int> = []
    for entry in seen {
      if byHash[entry.hash] != nil { shared.insert(entry.hash) }
      byHash[entry.hash, default: []].append((entry.events, entry.file))
    }
    guard !shared.isEmpty else { return [] }
    // The few files involved are read again for their audit id: a hash may be shared by two ids.
    var byID: [String: [(events: Int, file: Int)]] = [:]
    for hash in shared {
      for entry in byHash[hash] ?? [] {
        guard case .audit(let facts, _) = readOne(files[entry.file], checkLog: nil) else {
          continue
        }
        byID[facts.id, default: []].append(entry)
      }
    }
    var losers: Set<Int> = []
    for entries in byID.values where entries.count > 1 {
      let ordered = entries.sorted { $0.file < $1.file }
      let winner = ordered.reduce(ordered[0]) { best, next in next.events > best.events ? next : best }
      for entry in ordered where entry.file != winner.file { losers.insert(entry.file) }
    }
    return losers
  }

  /// What reading one file gave.
  package struct Outcome: Sendable {
    /// An audit, or a file skipped.
    package enum Result: Sendable, Equatable {
      /// An audit, with warnings about its file (damage, stored figures that differ, a broken chain).
      case audit(AuditFacts, warnings: [SkippedFile])
      /// A file that is not a readable audit, and why.
      case skipped(SkippedFile)
    }

    /// The file's index.
    package var file: Int
    /// What it gave.
    package var result: Result
  }

  /// Reads `files` on every core, but those at the indices `excluding`: each worker takes chunks in turn,
  /// reads their files, and adds each outcome to its own state.
  static func work<State>(
    _ files: [URL], excluding: Set<Int>, checkLog: (@Sendable (Data) -> [String])? = nil,
    start: () -> State, add: @Sendable (inout State, Int, Outcome) -> Void
  ) -> [State] {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    // Small chunks balance the load when file sizes differ; more chunks than workers keep every core busy.
    let chunkSize = max(1, min(64, files.count / (workers * 8) + 1))
    let chunks = stride(from: 0, to: files.count, by: chunkSize).map { $0..<min($0 + chunkSize, files.count) }
    let states = Slots<State>(count: min(workers, max(1, chunks.count)), start)
    let next = Counter()
    DispatchQueue.concurrentPerform(iterations: states.count) { worker in
      var state = states.take(worker)
      while let index = next.take(below: chunks.count) {
        for file in chunks[index] where !excluding.contains(file) {
          add(
            &state, file, Outcome(file: file, result: readOne(files[file], checkLog: checkLog)))
        }
      }
      states.put(state, at: worker)
    }
    return states.all()
  }

  /// Reads one file, at most 256 MiB, through the full readers, which say why a file is refused.
  package static func readOne(
    _ url: URL, checkLog: (@Sendable (Data) -> [String])?
  ) -> Outcome.Result {
    let path = url.relativePath
    let data: Data
    do {
      data = try BoundedFile.read(url, limit: BoundedFile.maximumLogSize)
    } catch {
      return .skipped(SkippedFile(path: path, reason: AuditDocumentError.unreadable(error).description))
    }
    return readFully(data, path: path, checkLog: checkLog)
  }

  /// Reads one file's bytes through the full readers, as `kycuong score` and `report record` do.
  package static func readFully(
    _ data: Data, path: String, checkLog: (@Sendable (Data) -> [String])?
  ) -> Outcome.Result {
    do {
      switch try AuditDocument(data: data) {
      case .log(let audit, let damage):
        let facts = AuditFacts(AuditExport(audit), file: path)
        var found: [SkippedFile] = []
        if !damage.isEmpty {
          found.append(SkippedFile(path: path, reason: damage.map(\.description).joined(separator: "; ")))
        }
        found += (checkLog?(data) ?? []).map { SkippedFile(path: path, reason: $0) }
        return .audit(facts, warnings: found + warnings(facts))
      case .export(let export):
        let facts = AuditFacts(export, file: path)
        return .audit(facts, warnings: warnings(facts))
      }
    } catch {
      return .skipped(SkippedFile(path: path, reason: error.description))
    }
  }

  /// The warning that an export's stored figures differ from what its items give, if they do.
  static func warnings(_ facts: AuditFacts) -> [SkippedFile] {
    guard !facts.inconsistencies.isEmpty else { return [] }
    return [
      SkippedFile(
        path: facts.file,
        reason: "stored figures differ from the items (counted as the items give): "
          + facts.inconsistencies.map(\.description).joined(separator: "; "))
    ]
  }

  /// The next chunk to read, shared by the workers.
  final class Counter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(below count: Int) -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard next < count else { return nil }
      next += 1
      return next - 1
    }
  }

  /// Each worker's state, handed out and given back once, from the worker threads.
  final class Slots<State>: @unchecked Sendable {
    private var slots: [State]
    private let lock = NSLock()
    let count: Int

    init(count: Int, _ start: () -> State) {
      self.count = count
      slots = (0..<count).map { _ in start() }
    }

    func take(_ index: Int) -> State {
      lock.lock()
      defer { lock.unlock() }
      return slots[index]
    }

    func put(_ state: State, at index: Int) {
      lock.lock()
      slots[index] = state
      lock.unlock()
    }

    func all() -> [State] {
      lock.lock()
      defer { lock.unlock() }
      return slots
    }
  }
}
