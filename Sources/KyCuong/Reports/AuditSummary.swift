import Foundation

/// Which audits a summary counts.
public struct SummaryFilter: Hashable, Sendable {
  /// Units whose name contains this text, ignoring case and diacritics ("hang bac" finds "Hàng Bạc").
  public var unit: String?
  /// Only this checklist id.
  public var checklist: String?
  /// Audits started on or after this day (`YYYY-MM-DD`, Vietnam time).
  public var from: String?
  /// Audits started on or before this day (`YYYY-MM-DD`, Vietnam time).
  public var to: String?
  /// Only audits whose checklist has items of this focus area; item figures count only its items.
  public var focus: FocusArea?

  /// Creates a filter, checking the dates and the focus-area tag.
  ///
  /// - Throws: ``ReportError/badDate(option:value:)`` or ``ReportError/badFocusArea(_:)``.
  public init(
    unit: String? = nil, checklist: String? = nil, from: String? = nil, to: String? = nil,
    focus: String? = nil
  ) throws(ReportError) {
    for (option, value) in [("--from", from), ("--to", to)] {
      if let value, !Audit.isCalendarDate(value) { throw .badDate(option: option, value: value) }
    }
    if let focus {
      guard let area = FocusArea(tag: focus) else { throw .badFocusArea(focus) }
      self.focus = area
    }
    self.unit = unit
    self.checklist = checklist
    self.from = from
    self.to = to
  }
}

/// The figures of one audit that the summary needs, read from an export or a log.
public struct AuditFacts: Hashable, Sendable {
  /// A failing or passing item.
  public struct ItemFact: Hashable, Sendable {
    /// The item's id.
    public var id: String
    /// Its text.
    public var text: LocalizedText
    /// Whether it is critical.
    public var critical: Bool
    /// Its tags.
    public var tags: [String]
    /// Its score 0…1 (only scored items are kept).
    public var score: Double
  }

  /// The audit's id.
  public var id: String
  /// The file it was read from.
  public var file: String
  /// Number of events (to keep the most recent of a log and its export).
  public var eventCount: Int
  /// The unit's name.
  public var unit: String
  /// The checklist's id.
  public var checklist: String
  /// The checklist's version.
  public var checklistVersion: String
  /// The checklist's title.
  public var checklistTitle: LocalizedText
  /// Start of the visit.
  public var startedAt: Date
  /// Overall score.
  public var overall: Double?
  /// Rating band.
  public var rating: RatingBand?
  /// Score per focus-area tag.
  public var focusAreas: [String: Double?]
  /// The scored items, in checklist order.
  public var items: [ItemFact]
  /// Ids of the critical items that failed.
  public var criticalFailures: [String]
  /// Corrective actions.
  public var actions: [CorrectiveActionFact]
  /// Whether the item texts are still to be read from the checklist snapshot.
  var needsTexts = false

  /// A corrective action, without who recorded it.
  public struct CorrectiveActionFact: Hashable, Sendable, Codable {
    /// What must be done.
    public var what: String
    /// Who is responsible.
    public var owner: String
    /// Deadline, `YYYY-MM-DD`.
    public var due: String
    /// The item it remedies, if any.
    public var item: String?
  }

  init(
    id: String, file: String, eventCount: Int, unit: String, checklist: String, checklistVersion: String,
    checklistTitle: LocalizedText, startedAt: Date, overall: Double?, rating: RatingBand?,
    focusAreas: [String: Double?], items: [ItemFact], criticalFailures: [String],
    actions: [CorrectiveActionFact],
    needsTexts: Bool
  ) {
    self.id = id
    self.file = file
    self.eventCount = eventCount
    self.unit = unit
    self.checklist = checklist
    self.checklistVersion = checklistVersion
    self.checklistTitle = checklistTitle
    self.startedAt = startedAt
    self.overall = overall
    self.rating = rating
    self.focusAreas = focusAreas
    self.items = items
    self.criticalFailures = criticalFailures
    self.actions = actions
    self.needsTexts = needsTexts
  }

  /// The facts of a full export.
  public init(_ export: AuditExport, file: String) {
    id = export.audit.id
    self.file = file
    eventCount = export.audit.eventCount
    unit = export.audit.unit.name
    checklist = export.checklist.id
    checklistVersion = export.checklist.version
    checklistTitle = export.checklist.title
    startedAt = export.audit.startedAt
    overall = export.scores.overall
    rating = export.scores.rating
    focusAreas = Dictionary(
      export.scores.focusAreas.map { ($0.tag, $0.score) }, uniquingKeysWith: { first, _ in first })
    let snapshot = export.checklist.snapshot
    items = export.items.compactMap { item in
      guard item.applicable, let score = item.score else { return nil }
      return ItemFact(
        id: item.id, text: snapshot.item(withID: item.id)?.text ?? LocalizedText(vi: item.id),
        critical: item.critical, tags: item.tags, score: score)
    }
    criticalFailures = export.scores.criticalFailures
    actions = export.correctiveActions.map {
      CorrectiveActionFact(what: $0.what, owner: $0.owner, due: $0.due, item: $0.item)
    }
  }
}

/// A file the summary could not use, and why.
public struct SkippedFile: Hashable, Sendable, Codable {
  /// The file.
  public var path: String
  /// Why it was skipped.
  public var reason: String
}

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

  /// Reads `files` concurrently: exports by skimming their bytes for only the fields the summary needs
  /// (an internal reader of export bytes), logs through the audit fold.
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
        if let existing = byID[facts.id] {
          duplicates += 1
          if facts.eventCount > existing.eventCount { byID[facts.id] = facts }
        } else {
          byID[facts.id] = facts
        }
      }
    }
    var audits = byID.values.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
    fillItemTexts(&audits)
    return Result(
      audits: audits, skipped: skipped, warnings: warnings, duplicates: duplicates, files: files.count)
  }

  /// Reads the item texts of each checklist version once, from the snapshot of one of its audits.
  static func fillItemTexts(_ audits: inout [AuditFacts]) {
    var texts: [String: [String: LocalizedText]] = [:]
    for index in audits.indices where audits[index].needsTexts {
      let version = "\(audits[index].checklist)@\(audits[index].checklistVersion)"
      if texts[version] == nil {
        let export = (try? Data(contentsOf: URL(fileURLWithPath: audits[index].file))).flatMap {
          try? AuditExport.read($0)
        }
        texts[version] = Dictionary(
          (export?.checklist.snapshot.items ?? []).map { ($0.id, $0.text) },
          uniquingKeysWith: { first, _ in first })
      }
      let known = texts[version] ?? [:]
      for item in audits[index].items.indices {
        if let text = known[audits[index].items[item].id] { audits[index].items[item].text = text }
      }
      audits[index].needsTexts = false
    }
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
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      return .skipped(SkippedFile(path: path, reason: "cannot read the file: \(error.localizedDescription)"))
    }
    if data.isEmpty { return .skipped(SkippedFile(path: path, reason: "empty file")) }
    if url.pathExtension.lowercased() != "jsonl", let facts = AuditFacts(exportBytes: data, file: path) {
      return .audit(facts, damage: nil)
    }
    // Not an export the fast path reads: the full reader tells a log from a damaged file, with the reason.
    do {
      switch try AuditDocument.read(data, file: path) {
      case .log(let audit, let damage):
        let report = damage.isEmpty ? nil : SkippedFile(path: path, reason: damage.joined(separator: "; "))
        return .audit(AuditFacts(AuditExport(audit), file: path), damage: report)
      case .export(let export):
        return .audit(AuditFacts(export, file: path), damage: nil)
      }
    } catch {
      return .skipped(SkippedFile(path: path, reason: error.reason))
    }
  }
}
