/// A tag that a checklist's items may carry, with its label.
public struct TagDefinition: Hashable, Sendable {
  /// Id, lower-case words joined by `-`.
  public var id: String
  /// Label shown in reports.
  public var label: LocalizedText

  /// Creates a tag definition.
  public init(id: String, label: LocalizedText) {
    self.id = id
    self.label = label
  }
}
