/// What the record's closing statement says of the paper: "gồm … trang, lập thành … bản".
public struct RecordDetails: Hashable, Sendable, Codable {
  /// The number of pages of the record.
  public var pages: Int
  /// The number of copies made of it.
  public var copies: Int

  /// Creates the details.
  ///
  /// - Parameters:
  ///   - pages: The number of pages.
  ///   - copies: The number of copies.
  public init(pages: Int, copies: Int) {
    self.pages = pages
    self.copies = copies
  }
}
