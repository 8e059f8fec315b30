/// A checklist: the rules an inspection team checks, grouped in sections, with the documents they rest on.
///
/// Load checklists with ``Catalog``, which validates them; a checklist built in code is not validated until
/// it passes through ``ChecklistParser``.
public struct Checklist: Hashable, Sendable {
  /// Stable id, lower-case words joined by `-` (`public-office-conduct`).
  public var id: String
  /// Semantic version, `MAJOR.MINOR.PATCH`.
  public var version: String
  /// Title.
  public var title: LocalizedText
  /// Purpose, scope and the reasons for the weights.
  public var description: LocalizedText
  /// The documents the items rest on.
  public var sources: [Citation]
  /// Tags the items may use besides the built-in focus-area tags.
  public var tags: [TagDefinition]
  /// How answers become scores and ratings.
  public var scoring: ScoringSettings
  /// The sections, in order.
  public var sections: [Section]
  /// Whether the checklist reviews a past campaign (Hanoi's 2013 or 2017 Year of Administrative
  /// Discipline) rather than rules in force today.
  public var historical: Bool
  /// The checklist's period or scope in words.
  public var scopeNote: LocalizedText?

  /// Creates a checklist.
  public init(
    id: String, version: String, title: LocalizedText, description: LocalizedText,
    sources: [Citation] = [], tags: [TagDefinition] = [], scoring: ScoringSettings = ScoringSettings(),
    sections: [Section], historical: Bool = false, scopeNote: LocalizedText? = nil
  ) {
    self.id = id
    self.version = version
    self.title = title
    self.description = description
    self.sources = sources
    self.tags = tags
    self.scoring = scoring
    self.sections = sections
    self.historical = historical
    self.scopeNote = scopeNote
  }

  /// Every item in checklist order, across sections.
  public var items: [Item] { sections.flatMap(\.items) }

  /// The item with `id`, if there is one.
  ///
  /// - Parameter id: An item id.
  /// - Returns: The item with that id, from whichever section holds it, or `nil` when the checklist has none.
  public func item(withID id: ItemID) -> Item? {
    for section in sections {
      if let item = section.items.first(where: { $0.id == id }) { return item }
    }
    return nil
  }

  /// The section that holds the item with `itemID`.
  ///
  /// - Parameter itemID: An item id.
  /// - Returns: The first section whose items include that id, or `nil` when no section does.
  public func section(containing itemID: ItemID) -> Section? {
    sections.first { section in section.items.contains { $0.id == itemID } }
  }

  /// The citation with `id`, if there is one.
  ///
  /// - Parameter id: A citation id from ``sources``.
  /// - Returns: The first citation in ``sources`` with that id, or `nil` when there is none.
  public func citation(withID id: String) -> Citation? {
    sources.first { $0.id == id }
  }

  /// The label of a tag: its definition, a built-in focus area, or the id itself.
  ///
  /// - Parameter tag: A tag id.
  /// - Returns: The focus area's title when `tag` names one, else the label of the checklist's tag with that
  ///   id, else `tag` itself.
  public func label(forTag tag: String) -> LocalizedText {
    if let focus = FocusArea(tag: tag) { return focus.title }
    return tags.first { $0.id == tag }?.label ?? LocalizedText(vi: tag)
  }
}
