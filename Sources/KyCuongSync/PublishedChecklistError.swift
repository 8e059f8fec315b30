import Foundation
import KyCuong

/// A checklist pulled from the server is not the one its entry describes (``PublishedChecklist/checklist(from:)``);
/// nothing of it should be used.
public enum PublishedChecklistError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The bytes' size or SHA-256 differ from the published file's: damaged or replaced on the way.
  case notThePublishedBytes(String)
  /// The bytes do not read as a valid checklist.
  case invalid(ChecklistValidationError)
  /// A valid checklist, but another id, version or content than the entry names.
  case describesAnother(String)

  /// What failed.
  public var description: String {
    switch self {
    case .notThePublishedBytes(let detail): "not the published file: \(detail)"
    case .invalid(let error): "not a valid checklist:\n\(error)"
    case .describesAnother(let detail): "not the listed checklist: \(detail)"
    }
  }
}
