/// Where an item stands in an audit.
public enum ItemState: Hashable, Sendable {
  /// Not reviewed yet. Never folded into fail or not applicable.
  case unanswered
  /// Answered.
  case answered(Outcome)
  /// Not checked, with the reason.
  case skipped(reason: String)

  /// Whether two devices' answers to an item say the same: the same outcome, or both not checked (whatever
  /// the reasons). Unanswered agrees with nothing.
  ///
  /// - Parameter other: Another state.
  /// - Returns: Whether the two say the same.
  public func agrees(with other: ItemState) -> Bool {
    switch (self, other) {
    case (.answered(let lhs), .answered(let rhs)): lhs == rhs
    case (.skipped, .skipped): true
    default: false
    }
  }

  /// The state without its details, as exports write it.
  public var status: ItemStatus {
    switch self {
    case .unanswered: .unanswered
    case .answered: .answered
    case .skipped: .skipped
    }
  }
}

/// Whether an item is answered, skipped or still open: ``ItemState`` without its details.
public enum ItemStatus: String, CaseIterable, Hashable, Sendable, Codable {
  /// Answered.
  case answered
  /// Not checked, with a reason.
  case skipped
  /// Not reviewed yet.
  case unanswered
}
