import KyCuongModel
import KyCuongSupport

extension Checklist: Codable {
  /// Reads a checklist through ``ChecklistParser``, so a snapshot is held to every rule of the format.
  public init(from decoder: any Decoder) throws {
    let json = try JSONValue(from: decoder)
    do {
      self = try ChecklistParser.parse(json, file: "checklist snapshot")
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
