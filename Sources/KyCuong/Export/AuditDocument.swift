import Foundation

/// A file that holds an audit: its event log (`.jsonl`) or its export (`.json`).
public enum AuditDocument: Sendable {
  /// An event log, rebuilt into its audit, with any damage found while reading.
  case log(Audit, damage: [String])
  /// An export.
  case export(AuditExport)

  /// Reads either kind of file, telling them apart by content: an export is one JSON object with a `format`
  /// field; a log has one event per line.
  ///
  /// - Throws: ``AuditDocumentError`` saying why the file is neither.
  public static func read(_ data: Data, file: String) throws(AuditDocumentError) -> AuditDocument {
    if let json = try? JSONReader.parse(data), case .string(let format)? = json["format"] {
      guard format.hasPrefix("kycuong.audit/") else {
        throw AuditDocumentError(file: file, reason: "unknown format \"\(format)\"")
      }
      do {
        return .export(try AuditExport.read(data))
      } catch {
        throw AuditDocumentError(file: file, reason: error.description)
      }
    }
    let contents = EventLog.read(data)
    guard !contents.events.isEmpty else {
      throw AuditDocumentError(
        file: file,
        reason: "neither an audit export nor an event log"
          + (contents.damage.first.map { " (\($0))" } ?? " (empty)"))
    }
    do {
      return .log(try Audit(replaying: contents.events), damage: contents.damage)
    } catch {
      throw AuditDocumentError(file: file, reason: error.description)
    }
  }

  /// Reads the file at `url`.
  public static func read(contentsOf url: URL) throws(AuditDocumentError) -> AuditDocument {
    let data: Data
    do throws(FileReadError) {
      // Refused before it is read when over 256 MiB, a folder, or not a regular file.
      data = try BoundedFile.read(url, limit: BoundedFile.maximumLogSize)
    } catch {
      throw AuditDocumentError(file: url.relativePath, reason: "cannot read the file: \(error.description)")
    }
    return try read(data, file: url.relativePath)
  }

  /// The audit's export (built from the log where the file is a log).
  public var export: AuditExport {
    switch self {
    case .log(let audit, _): AuditExport(audit)
    case .export(let export): export
    }
  }

  /// Scores: recomputed from the log, or from the export's snapshot and item states.
  public func score(model: ScoringModel? = nil) -> ScoreReport {
    switch self {
    case .log(let audit, _): audit.score(model: model)
    case .export(let export): export.rescore(model: model)
    }
  }
}

/// A file is neither an audit's event log nor its export.
public struct AuditDocumentError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file.
  public var file: String
  /// Why.
  public var reason: String

  /// Creates the error.
  public init(file: String, reason: String) {
    self.file = file
    self.reason = reason
  }

  /// "FILE: REASON".
  public var description: String { "\(file): \(reason)" }
}
