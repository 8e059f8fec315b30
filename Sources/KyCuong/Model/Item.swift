/// One rule an inspector checks and answers.
public struct Item: Hashable, Sendable {
  /// Id, unique in the checklist and stable across versions (`BADGE-01`).
  public var id: String
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

  /// Creates an item.
  public init(
    id: String, text: LocalizedText, guidance: LocalizedText, kind: ItemKind, weight: Double = 1,
    critical: Bool = false, source: ItemSource, tags: [String] = [],
    applicableWhen: ApplicabilityCondition? = nil
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
  }

  /// The focus areas of 2017 this item serves.
  public var focusAreas: [FocusArea] { tags.compactMap(FocusArea.init(tag:)) }
}
