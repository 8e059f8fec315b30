import KyCuong

/// A checklist version as the archive keeps it: one row per snapshot digest, with its items' texts, flags
/// and tags, so that reports can name and group items without re-reading documents.
public struct ChecklistRecord: Hashable, Sendable {
  /// One item of the checklist.
  public struct Item: Hashable, Sendable {
    /// Its place in the checklist, from 0.
    public var position: Int
    /// Its id.
    public var itemID: ItemID
    /// Its section's id.
    public var sectionID: String
    /// Its text.
    public var text: LocalizedText
    /// Whether it is critical.
    public var critical: Bool
    /// Its tags.
    public var tags: [String]

    /// Creates an item.
    ///
    /// - Parameters:
    ///   - position: Its place in the checklist, from 0.
    ///   - itemID: Its id.
    ///   - sectionID: Its section's id.
    ///   - text: Its text.
    ///   - critical: Whether it is critical.
    ///   - tags: Its tags.
    public init(
      position: Int, itemID: ItemID, sectionID: String, text: LocalizedText, critical: Bool, tags: [String]
    ) {
      self.position = position
      self.itemID = itemID
      self.sectionID = sectionID
      self.text = text
      self.critical = critical
      self.tags = tags
    }
  }

  /// The checklist's id.
  public var id: String
  /// Its version.
  public var version: String
  /// `sha256:` and the digest of the snapshot's canonical JSON.
  public var digest: String
  /// Its title.
  public var title: LocalizedText
  /// Its items, in checklist order.
  public var items: [Item]

  /// Creates a record.
  ///
  /// - Parameters:
  ///   - id: The checklist's id.
  ///   - version: Its version.
  ///   - digest: The snapshot's digest.
  ///   - title: Its title.
  ///   - items: Its items, in order.
  public init(id: String, version: String, digest: String, title: LocalizedText, items: [Item]) {
    self.id = id
    self.version = version
    self.digest = digest
    self.title = title
    self.items = items
  }
}
