import KyCuongModel
import KyCuongSupport

extension Checklist: Codable {
  /// Reads a checklist through ``ChecklistParser``, so a snapshot is held to every rule of the format.
  ///
  /// A snapshot the strict reader parsed (an export being read) is checked once per process for each exact
  /// value.
  public init(from decoder: any Decoder) throws {
    let file = "checklist snapshot"
    do {
      if let parsed = JSONValueDecoder.parsedValue(of: decoder) {
        self = try CheckedSnapshots.checklist(parsed, file: file)
      } else {
        self = try ChecklistParser.parse(try JSONValue(from: decoder), file: file)
      }
    } catch let error as ChecklistValidationError {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  /// Writes the checklist in its file format.
  public func encode(to encoder: any Encoder) throws {
    try jsonValue.encode(to: encoder)
  }
}
