/// A group of items with a weight of its own, scored together in the `weighted` model.
public struct Section: Hashable, Sendable {
  /// Id, lower-case words joined by `-`, unique in the checklist.
  public var id: String
  /// Title.
  public var title: LocalizedText
  /// Weight of the section in the `weighted` model; 0 keeps it out of the overall score.
  public var weight: Double
  /// The items, in order.
  public var items: [Item]

  /// Creates a section.
  public init(id: String, title: LocalizedText, weight: Double = 1, items: [Item]) {
    self.id = id
    self.title = title
    self.weight = weight
    self.items = items
  }
}
