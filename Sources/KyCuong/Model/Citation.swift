/// A document that a checklist's items rest on: a legal text, or a press article that reports one.
public struct Citation: Hashable, Sendable {
  /// What kind of document a citation is.
  public enum DocumentType: String, Hashable, Sendable, CaseIterable {
    /// A legal or administrative document (decree, decision, directive, official letter).
    case legal
    /// A press article that reports a rule or a decision.
    case report
  }

  /// Key that items use in ``ItemSource/ref``.
  public var id: String
  /// Legal document or report.
  public var type: DocumentType
  /// Official number exactly as issued (`129/2007/QĐ-TTg`), if it has one.
  public var number: String?
  /// Title of the document or article.
  public var title: LocalizedText
  /// Who issued it.
  public var issuer: LocalizedText?
  /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
  public var date: String?
  /// Article or clause.
  public var article: String?
  /// Where to read it.
  public var url: String?
  /// Caveats; a rule not confirmed against the official text says `[unverified]` here.
  public var note: LocalizedText?

  /// Creates a citation.
  public init(
    id: String, type: DocumentType, number: String? = nil, title: LocalizedText,
    issuer: LocalizedText? = nil, date: String? = nil, article: String? = nil, url: String? = nil,
    note: LocalizedText? = nil
  ) {
    self.id = id
    self.type = type
    self.number = number
    self.title = title
    self.issuer = issuer
    self.date = date
    self.article = article
    self.url = url
    self.note = note
  }
}
