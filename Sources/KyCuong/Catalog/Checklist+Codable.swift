import KyCuongModel
import KyCuongSupport

extension Checklist: Codable {
  /// Reads a checklist through ``ChecklistParser``, so a snapshot is held to every rule of the format.
  ///
  /// A snapshot the strict reader parsed (an export being read) is checked once per
  /// process for each exact value.
  public init(from decoder: any Decoder) throws {
    let json = try JSONValue(from: decoder)
    let file = "checklist snapshot"
    do {
      self =
        try JSONValueDecoder.parsedValue(of: decoder) == nil
        ? ChecklistParser.parse(json, file: file) : CheckedSnapshots.checklist(json, file: file)
    } catch {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  /// Writes the checklist in its file format.
  public func encode(to encoder: any Encoder) throws {
    try jsonValue.encode(to: encoder)
  }
}
