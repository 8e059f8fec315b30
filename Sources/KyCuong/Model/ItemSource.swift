/// The rule behind an item: a reference to one of the checklist's citations, narrowed to an article.
public struct ItemSource: Hashable, Sendable {
  /// A further reference, such as the press article that reports the rule.
  public struct Reference: Hashable, Sendable {
    /// The id of a citation in ``Checklist/sources``.
    public var ref: String
    /// Article or clause, if known.
    public var article: String?
    /// Caveats.
    public var note: LocalizedText?

    /// Creates a reference.
    public init(ref: String, article: String? = nil, note: LocalizedText? = nil) {
      self.ref = ref
      self.article = article
      self.note = note
    }
  }

  /// The id of a citation in ``Checklist/sources``.
  public var ref: String
  /// Article or clause, if known.
  public var article: String?
  /// Caveats; `[unverified]` where the rule is not confirmed against the official text.
  public var note: LocalizedText?
  /// Further references.
  public var seeAlso: [Reference]

  /// Creates an item source.
  public init(
    ref: String, article: String? = nil, note: LocalizedText? = nil, seeAlso: [Reference] = []
  ) {
    self.ref = ref
    self.article = article
    self.note = note
    self.seeAlso = seeAlso
  }
}
