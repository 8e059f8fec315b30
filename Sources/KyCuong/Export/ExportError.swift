import KyCuongAudit
import KyCuongModel
import KyCuongSupport

/// A file is not a KyCuong export this library reads, and why.
public enum ExportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file could not be read (missing, too large, not a regular file).
  case unreadable(FileReadError)
  /// Not JSON: where and why.
  case notJSON(line: Int, column: Int, reason: String)
  /// A key occurs twice in one object, at this JSON path.
  case duplicateKey(path: String)
  /// A `format` this library does not read.
  case unknownFormat(String)
  /// A field missing or of the wrong type, or a snapshot that breaks a rule of the checklist format.
  case decoding(reason: String)
  /// An item listed twice in `items`.
  case itemListedTwice(ItemID)
  /// An item of the snapshot missing from `items`.
  case itemMissing(ItemID)
  /// An item in `items` that the snapshot does not have.
  case itemNotInChecklist(ItemID)
  /// An answer the item's kind does not take.
  case outcomeNotAccepted(item: ItemID, problem: OutcomeProblem)
  /// A part of the export that contradicts another (the snapshot, the item's status).
  case inconsistent(path: String, reason: String)

  /// "not a KyCuong export: …".
  public var description: String {
    let reason: String
    switch self {
    case .unreadable(let error): return error.description
    case .notJSON(let line, let column, let why):
      reason = "not JSON at line \(line), column \(column): \(why)"
    case .duplicateKey(let path): reason = "the key \"\(path)\" occurs twice; each key is given once"
    case .unknownFormat(let format):
      reason = "unknown format \"\(format)\"; this version reads kycuong.audit/1 and kycuong.audit/1.x"
    case .decoding(let why): reason = why
    case .itemListedTwice(let id):
      reason = "item \"\(id)\" is listed twice in `items`; each item has one record"
    case .itemMissing(let id): reason = "item \"\(id)\" of the checklist snapshot is missing from `items`"
    case .itemNotInChecklist(let id): reason = "item \"\(id)\" is not in the checklist snapshot"
    case .outcomeNotAccepted(let item, let problem): reason = "\(item): \(problem)"
    case .inconsistent(let path, let why): reason = "\(path): \(why)"
    }
    return "not a KyCuong export: \(reason)"
  }
}
