/// A checklist version as the archive keeps it: one row per snapshot digest, with its items' texts, so that
/// reports can name items without re-reading documents.
public struct ChecklistRecord: Hashable, Sendable {
  /// One item of the checklist.
  public struct Item: Hashable, Sendable {
    /// Its place in the checklist, from 0.
    public var position: Int
    /// Its id.
    public var itemID: String
    /// Its section's id.
    public var sectionID: String
    /// Its text in Vietnamese.
    public var textVI: String
    /// Its text in English, if given.
    public var textEN: String?

    /// Creates an item.
    public init(position: Int, itemID: String, sectionID: String, textVI: String, textEN: String?) {
      self.position = position
      self.itemID = itemID
      self.sectionID = sectionID
      self.textVI = textVI
      self.textEN = textEN
    }
  }

  /// The checklist's id.
  public var id: String
  /// Its version.
  public var version: String
  /// `sha256:` and the digest of the snapshot's canonical JSON.
  public var digest: String
  /// Its title in Vietnamese.
  public var titleVI: String
  /// Its title in English, if given.
  public var titleEN: String?
  /// Its items, in checklist order.
  public var items: [Item]

  /// Creates a record.
  public init(id: String, version: String, digest: String, titleVI: String, titleEN: String?, items: [Item]) {
    self.id = id
    self.version = version
    self.digest = digest
    self.titleVI = titleVI
    self.titleEN = titleEN
    self.items = items
  }
}
