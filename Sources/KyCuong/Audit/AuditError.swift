/// Why a change to an audit, or reading one, was refused. Each case says what to fix.
public enum AuditError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No item has this id in the audit's checklist.
  case unknownItem(String)
  /// The answer does not fit the item's kind.
  case outcomeNotAccepted(item: String, problem: OutcomeProblem)
  /// The item does not apply, because of its `applicableWhen`.
  case itemNotApplicable(item: String, condition: ApplicabilityCondition)
  /// A text that must not be empty is empty.
  case emptyText(field: String)
  /// A deadline that is not a `YYYY-MM-DD` date.
  case badDueDate(String)
  /// The audit is finished; it takes no more changes.
  case alreadyFinished
  /// Finishing was refused: these applicable items are neither answered nor skipped.
  case openItems([String])
  /// An attachment's file could not be read.
  case attachmentUnreadable(path: String, problem: AttachmentProblem)
  /// A log's first event is not `started`, or a later one is.
  case badLog(reason: String)

  /// What went wrong and what to do.
  public var description: String {
    switch self {
    case .unknownItem(let id): "no item \"\(id)\" in this checklist"
    case .outcomeNotAccepted(let item, let problem): "\(item): \(problem)"
    case .itemNotApplicable(let item, let condition):
      "\(item) does not apply: it applies only when \(condition.summary)"
    case .emptyText(let field): "the \(field) must not be empty"
    case .badDueDate(let text): "the deadline \"\(text)\" must be a date YYYY-MM-DD"
    case .alreadyFinished: "the audit is finished and takes no more changes"
    case .openItems(let ids):
      "cannot finish: \(ids.count) applicable item(s) neither answered nor skipped: \(ids.joined(separator: ", "))"
    case .attachmentUnreadable(let path, let problem): "cannot attach \(path): \(problem)"
    case .badLog(let reason): "not a valid audit log: \(reason)"
    }
  }
}

/// Why a file cannot be attached.
public enum AttachmentProblem: Hashable, Sendable, CustomStringConvertible {
  /// Nothing exists at the path.
  case missing
  /// The path is a folder.
  case isFolder
  /// The file exists but could not be read; the system's reason.
  case unreadable(String)

  /// The problem in English.
  public var description: String {
    switch self {
    case .missing: "no such file"
    case .isFolder: "it is a folder, not a file"
    case .unreadable(let reason): reason
    }
  }
}
