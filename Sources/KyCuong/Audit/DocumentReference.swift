import KyCuongSupport

/// An official document the record cites: its number, its date and who issued it
/// (`Quyết định số 123/QĐ-UBND ngày 15/01/2026 của UBND tỉnh …`).
public struct DocumentReference: Hashable, Sendable, Codable {
  /// The document's number, as written on it (`123/QĐ-UBND`).
  public var number: String
  /// The day it was signed, if recorded.
  public var date: CalendarDate?
  /// Who issued it, if recorded (`UBND tỉnh Bắc Ninh`).
  public var issuer: String?

  /// Creates a reference.
  ///
  /// - Parameters:
  ///   - number: The number, as written on the document.
  ///   - date: The day it was signed.
  ///   - issuer: Who issued it.
  public init(number: String, date: CalendarDate? = nil, issuer: String? = nil) {
    self.number = number
    self.date = date
    self.issuer = issuer
  }
}
