import KyCuongSupport

/// One rule an inspector checks and answers.
public struct Item: Hashable, Sendable {
  /// Id, unique in the checklist and stable across versions (`BADGE-01`).
  public var id: ItemID
  /// A yes/no statement an inspector can verify on site.
  public var text: LocalizedText
  /// Where to look, what to ask, what counts as evidence, what partial compliance looks like.
  public var guidance: LocalizedText
  /// What kind of answer the item takes.
  public var kind: ItemKind
  /// Weight of the item; 0 records the answer without scoring it.
  public var weight: Double
  /// Whether a failure forces the lowest rating band ("điểm liệt").
  public var critical: Bool
  /// The rule this item checks.
  public var source: ItemSource
  /// Tag ids: built-in focus areas (`focus-2017-1`…) and the checklist's own tags.
  public var tags: [String]
  /// The item applies only when this condition holds; `nil` means always.
  public var applicableWhen: ApplicabilityCondition?
  /// The visits on which the item is checked (documents requested in advance can be seen only on a
  /// scheduled visit); `nil` means every visit. On another visit it is skipped by default, with a reason.
  public var visits: [VisitType]?
  /// The rule's last day: an audit that starts later treats the item as not applicable.
  public var validUntil: CalendarDate?
  /// The rule's period or scope in words (a past campaign, a city's own rule), shown with the guidance.
  public var scopeNote: LocalizedText?

  /// Creates an item.
  public init(
    id: ItemID, text: LocalizedText, guidance: LocalizedText, kind: ItemKind, weight: Double = 1,
    critical: Bool = false, source: ItemSource, tags: [String] = [],
    applicableWhen: ApplicabilityCondition? = nil, visits: [VisitType]? = nil,
    validUntil: CalendarDate? = nil,
    scopeNote: LocalizedText? = nil
  ) {
    self.id = id
    self.text = text
    self.guidance = guidance
    self.kind = kind
    self.weight = weight
    self.critical = critical
    self.source = source
    self.tags = tags
    self.applicableWhen = applicableWhen
    self.visits = visits
    self.validUntil = validUntil
    self.scopeNote = scopeNote
  }

  /// Whether the item is checked on a visit of `type` (see ``visits``).
  public func isChecked(on type: VisitType) -> Bool { visits?.contains(type) ?? true }

  /// The focus areas of 2017 this item serves.
  public var focusAreas: [FocusArea] { tags.compactMap(FocusArea.init(tag:)) }
}
