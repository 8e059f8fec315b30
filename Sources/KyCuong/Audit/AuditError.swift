/// Why a change to an audit, or reading one, was refused. Each case says what to fix.
public enum AuditError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No item has this id in the audit's checklist.
  case unknownItem(String)
  /// The answer does not fit the item's kind.
  case outcomeNotAccepted(item: String, reason: String)
  /// The item does not apply, because of its `applicableWhen`.
  case itemNotApplicable(item: String, condition: String)
  /// A text that must not be empty is empty.
  case emptyText(field: String)
  /// A deadline that is not a `YYYY-MM-DD` date.
  case badDueDate(String)
  /// The audit is finished; it takes no more changes.
  case alreadyFinished
  /// Finishing was refused: these applicable items are neither answered nor skipped.
  case openItems([String])
  /// An attachment's file could not be read.
  case attachmentUnreadable(path: String, reason: String)
  /// A log's first event is not `started`, or a later one is.
  case badLog(reason: String)

  /// What went wrong and what to do.
  public var description: String {
    switch self {
    case .unknownItem(let id): "no item \"\(id)\" in this checklist"
    case .outcomeNotAccepted(let item, let reason): "\(item): \(reason)"
    case .itemNotApplicable(let item, let condition):
      "\(item) does not apply: it applies only when \(condition)"
    case .emptyText(let field): "the \(field) must not be empty"
    case .badDueDate(let text): "the deadline \"\(text)\" must be a date YYYY-MM-DD"
    case .alreadyFinished: "the audit is finished and takes no more changes"
    case .openItems(let ids):
      "cannot finish: \(ids.count) applicable item(s) neither answered nor skipped: \(ids.joined(separator: ", "))"
    case .attachmentUnreadable(let path, let reason): "cannot attach \(path): \(reason)"
    case .badLog(let reason): "not a valid audit log: \(reason)"
    }
  }
}
