/// When an item applies (like ODK's `relevant`): an earlier item has one of the given answers, the audit's
/// context matches, or both.
///
/// In a checklist file: `{"item": "POST-00", "outcomes": ["yes"]}`,
/// `{"context": {"province": ["Hà Nội"]}}`, or both members together.
public struct ApplicabilityCondition: Hashable, Sendable {
  /// The id of the controlling item, a `check` or `yesNo` item earlier in the checklist; `nil` when only the
  /// context decides.
  public var item: ItemID?
  /// The answers of the controlling item for which this item applies (empty without a controlling item).
  public var outcomes: [ConditionOutcome]
  /// What the audit's context must be for this item to apply; `nil` when the context does not matter.
  public var context: ContextCondition?

  /// Creates a condition on an earlier item's answer and, optionally, on the context.
  ///
  /// - Parameters:
  ///   - item: The controlling item.
  ///   - outcomes: Its answers for which the item applies.
  ///   - context: A further condition on the audit's context.
  public init(item: ItemID, outcomes: [ConditionOutcome], context: ContextCondition? = nil) {
    self.item = item
    self.outcomes = outcomes
    self.context = context
  }

  /// Creates a condition on the audit's context only.
  ///
  /// - Parameter context: What the context must be.
  public init(context: ContextCondition) {
    self.item = nil
    self.outcomes = []
    self.context = context
  }

  /// The condition in words, for messages: `POST-00 is yes`, `the province is Hà Nội`.
  public var summary: String {
    var parts: [String] = []
    if let item { parts.append("\(item) is \(outcomes.map(\.rawValue).joined(separator: " or "))") }
    if let context { parts.append(context.summary) }
    return parts.joined(separator: " and ")
  }
}

/// An answer of a controlling item that a condition tests: a `check` item's result, or a `yesNo` item's.
public enum ConditionOutcome: String, CaseIterable, Hashable, Sendable, Codable {
  /// The rule is met (`check`).
  case pass
  /// The rule is partly met (`check`).
  case partial
  /// The rule is not met (`check`).
  case fail
  /// The rule does not apply here (`check`).
  case notApplicable
  /// Yes (`yesNo`).
  case yes
  /// No (`yesNo`).
  case no

  /// The outcomes a controlling item of `kind` can have, or `nil` when items of that kind cannot control.
  ///
  /// - Parameter kind: The controlling item's kind.
  /// - Returns: ``pass``, ``partial``, ``fail`` and ``notApplicable`` for `check`, ``yes`` and ``no`` for
  ///   `yesNo`, and `nil` for any other kind.
  public static func possible(for kind: ItemKind) -> [ConditionOutcome]? {
    switch kind {
    case .check: [.pass, .partial, .fail, .notApplicable]
    case .yesNo: [.yes, .no]
    default: nil
    }
  }
}

/// What an audit's context must be for an item to apply. Every member given must match; a list matches
/// when the context has one of its values.
public struct ContextCondition: Hashable, Sendable {
  /// Provinces (or centrally run cities) by name, compared ignoring case and diacritics: `Hà Nội`.
  public var provinces: [String]?
  /// Levels of government.
  public var levels: [GovernmentLevel]?
  /// Whether the unit is a one-stop desk ("Bộ phận Một cửa").
  public var oneStopDesk: Bool?

  /// Creates a context condition.
  ///
  /// - Parameters:
  ///   - provinces: Provinces by name; `nil` for any.
  ///   - levels: Levels of government; `nil` for any.
  ///   - oneStopDesk: Whether the unit must be, or must not be, a one-stop desk; `nil` for either.
  public init(provinces: [String]? = nil, levels: [GovernmentLevel]? = nil, oneStopDesk: Bool? = nil) {
    self.provinces = provinces
    self.levels = levels
    self.oneStopDesk = oneStopDesk
  }

  /// The condition in words: `the province is Hà Nội`.
  public var summary: String {
    var parts: [String] = []
    if let provinces { parts.append("the province is \(provinces.joined(separator: " or "))") }
    if let levels { parts.append("the level is \(levels.map(\.rawValue).joined(separator: " or "))") }
    if let oneStopDesk {
      parts.append(oneStopDesk ? "the unit is a one-stop desk" : "the unit is not a one-stop desk")
    }
    return parts.joined(separator: " and ")
  }
}
