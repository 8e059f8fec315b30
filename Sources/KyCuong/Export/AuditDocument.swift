import Foundation
import KyCuongAudit
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

/// A file that holds an audit: its event log (`.jsonl`) or its export (`.json`).
public enum AuditDocument: Sendable {
  /// An event log, rebuilt into its audit, with any damage found while reading.
  case log(Audit, damage: [LogDamage])
  /// An export.
  case export(AuditExport)

  /// Reads either kind of file, telling them apart by content: an export is one JSON object with a `format`
  /// field; a log has one event per line.
  ///
  /// - Parameter data: The file's bytes.
  /// - Throws: ``AuditDocumentError`` saying why the file is neither.
  public init(data: Data) throws(AuditDocumentError) {
    // One parse: the export is read from the value that says the file is one.
    let document = try? JSONReader.parseDocument(data, memo: AuditExport.snapshotMemo)
    if Self.looksLikeExport(data, parsed: document?.value) {
      do {
        // A file that does not parse is given to the export's reader, which says where and why.
        if let document {
          self = .export(try AuditExport.read(document, data: data))
        } else {
          self = .export(try AuditExport(data: data))
        }
        return
      } catch {
        throw .export(error)
      }
    }
    let contents = EventLog.read(data)
    guard !contents.events.isEmpty else {
      if data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) { throw .empty }
      if document != nil { throw .notAnAudit }
      let events = contents.damage.first { if case .invalidEvent = $0.kind { true } else { false } }
      throw events.map(AuditDocumentError.noEvent) ?? .notJSON
    }
    do {
      self = .log(try Audit(replaying: contents.events), damage: contents.damage)
    } catch {
      throw .log(error)
    }
  }

  /// Reads the file at `url`, refusing one over 256 MiB before reading it.
  ///
  /// - Parameter url: The file.
  /// - Returns: The document.
  /// - Throws: ``AuditDocumentError``.
  public static func read(from url: URL) throws(AuditDocumentError) -> AuditDocument {
    let data: Data
    do {
      data = try BoundedFile.read(url, limit: BoundedFile.maximumLogSize)
    } catch {
      throw .unreadable(error)
    }
    return try AuditDocument(data: data)
  }

  /// Whether `data` is one JSON object whose first member names a format, rather than lines of events: an
  /// export starts `{` then `"format"` (the encoder sorts keys, and writes `audit` … later), while every
  /// event line starts `{"by"`. Anything else that parses as one object with a `format` string counts too,
  /// and so does a file that does not parse but whose first line is a lone `{`: a pretty-printed object,
  /// never a line of events (each event is a whole object on one line), so the JSON reader says what is
  /// wrong with it and where.
  package static func looksLikeExport(_ data: Data) -> Bool {
    looksLikeExport(data, parsed: try? JSONReader.parse(data))
  }

  /// ``looksLikeExport(_:)`` for `data` already parsed: `json` is its value, `nil` when it does not parse.
  private static func looksLikeExport(_ data: Data, parsed json: JSONValue?) -> Bool {
    guard let json else {
      let firstLine = data.drop { [0x20, 0x0A, 0x0D, 0x09].contains($0) }.prefix { $0 != 0x0A }
      return firstLine.allSatisfy { [0x20, 0x0D, 0x09, UInt8(ascii: "{")].contains($0) }
        && firstLine.contains(UInt8(ascii: "{")) && firstLine.count < data.count
    }
    guard case .object = json else { return false }
    if case .string? = json["format"] { return true }
    // One object without a format: an export with its format removed, or a single-event log without a
    // newline; an event has "type" and "seq".
    return json["type"] == nil && json["seq"] == nil
  }

  /// The audit's export (built from the log where the file is a log).
  public var export: AuditExport {
    switch self {
    case .log(let audit, _): AuditExport(audit)
    case .export(let export): export
    }
  }

  /// Scores: recomputed from the log, or from the export's snapshot and item states (never the stored ones).
  ///
  /// - Parameter model: A scoring model; the checklist's own by default.
  /// - Returns: A report computed now from the audit's answers, never the scores an export stores.
  public func score(model: ScoringModel? = nil) -> ScoreReport {
    switch self {
    case .log(let audit, _): audit.score(model: model)
    case .export(let export): export.rescore(model: model)
    }
  }
}

/// A file is neither a readable audit log nor a readable export, and why.
public enum AuditDocumentError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable(FileReadError)
  /// The file is an export, and the export is refused.
  case export(ExportError)
  /// The file is an event log whose events do not make an audit.
  case log(AuditError)
  /// The file is empty.
  case empty
  /// The file is JSON, but neither an export nor an event.
  case notAnAudit
  /// The file is not JSON, nor lines of JSON.
  case notJSON
  /// Lines of JSON, none of them an event (the first line that is not, and why).
  case noEvent(LogDamage)

  /// Why, in English.
  public var description: String {
    switch self {
    case .unreadable(let error): error.description
    case .export(let error): error.description
    case .log(let error): error.description
    case .empty: "an empty file, not an audit"
    case .notAnAudit: "JSON, but neither an audit export nor an event log"
    case .notJSON: "not JSON: neither an audit export nor an event log"
    case .noEvent(let damage): "neither an audit export nor an event log (\(damage))"
    }
  }
}
