import Foundation
import KyCuongAudit
import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// Reads audits for a summary: many files at once, on every core.
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

  /// Reads `files` concurrently, each through the full readers (``AuditExport/init(data:)``, the audit
  /// fold for logs), so that the summary refuses exactly what `kycuong score` and `report record` refuse.
  ///
  /// - Parameter files: Exports and logs.
  /// - Returns: What was read.
  public static func read(_ files: [URL]) -> Result {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    // Small chunks balance the load when file sizes differ; more chunks than workers keep both cores busy.
    let chunkSize = max(1, min(64, files.count / (workers * 8) + 1))
    let chunks = stride(from: 0, to: files.count, by: chunkSize).map { $0..<min($0 + chunkSize, files.count) }
    let slots = Slots(count: chunks.count)
    DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
      var outcomes: [Outcome] = []
      outcomes.reserveCapacity(chunks[index].count)
      for position in chunks[index] { outcomes.append(readOne(files[position])) }
      slots.store(outcomes, at: index)
    }
    var byID: [String: AuditFacts] = [:]
    var skipped: [SkippedFile] = []
    var warnings: [SkippedFile] = []
    var duplicates = 0
    for outcome in slots.all() {
      switch outcome {
      case .skipped(let file): skipped.append(file)
      case .audit(let facts, let damage):
        if let damage { warnings.append(damage) }
        if !facts.inconsistencies.isEmpty {
          warnings.append(
            SkippedFile(
              path: facts.file,
              reason: "stored figures differ from the items (counted as the items give): "
                + facts.inconsistencies.map(\.description).joined(separator: "; ")))
        }
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

  enum Outcome: Sendable {
    case audit(AuditFacts, damage: SkippedFile?)
    case skipped(SkippedFile)
  }

  /// One slot per chunk, written once each from the worker threads.
  final class Slots: @unchecked Sendable {
    private var slots: [[Outcome]]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ outcomes: [Outcome], at index: Int) {
      lock.lock()
      slots[index] = outcomes
      lock.unlock()
    }

    func all() -> [Outcome] {
      lock.lock()
      defer { lock.unlock() }
      return slots.flatMap { $0 }
    }
  }

  static func readOne(_ url: URL) -> Outcome {
    let path = url.relativePath
    do {
      switch try AuditDocument.read(from: url) {
      case .log(let audit, let damage):
        let report =
          damage.isEmpty
          ? nil : SkippedFile(path: path, reason: damage.map(\.description).joined(separator: "; "))
        return .audit(AuditFacts(AuditExport(audit), file: path), damage: report)
      case .export(let export):
        return .audit(AuditFacts(export, file: path), damage: nil)
      }
    } catch {
      return .skipped(SkippedFile(path: path, reason: error.description))
    }
  }

  /// Every `*.jsonl` and `*.json` file under `paths` (folders searched recursively, hidden files left out),
  /// sorted, each once; a path that does not exist is kept, for the reader to report.
  ///
  /// A file found in a folder is named as the folder was, then its path inside: under
  /// `URL(fileURLWithPath: "exports")`, `exports/a.json` (its `relativePath`), not the absolute path the
  /// folder's listing gives, so that messages and records name it as the user wrote it.
  ///
  /// - Parameter paths: Files and folders.
  /// - Returns: The files, sorted by path.
  public static func auditFiles(in paths: [URL]) -> [URL] {
    var files: [URL] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        files.append(path)
        continue
      }
      let given = path.relativePath.hasSuffix("/") ? String(path.relativePath.dropLast()) : path.relativePath
      let absolute = path.standardizedFileURL.path
      let enumerator = FileManager.default.enumerator(
        at: path, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
      while let url = enumerator?.nextObject() as? URL {
        let ext = url.pathExtension.lowercased()
        guard ext == "json" || ext == "jsonl" else { continue }
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let found = url.standardizedFileURL.path
        files.append(
          found.hasPrefix(absolute + "/")
            ? URL(fileURLWithPath: given + found.dropFirst(absolute.count), relativeTo: path.baseURL) : url)
      }
    }
    var seen = Set<String>()
    return files.sorted { $0.path < $1.path }.filter { seen.insert($0.standardizedFileURL.path).inserted }
  }
}
