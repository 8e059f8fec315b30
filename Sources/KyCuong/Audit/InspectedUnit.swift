import Foundation

/// The unit an inspection visits.
public struct InspectedUnit: Hashable, Sendable, Codable {
  /// Name (`UBND phường Hàng Bạc`).
  public var name: String
  /// Address, if recorded: where the record says the visit took place.
  public var address: String?
  /// The unit's representative who receives the team and signs the record, if recorded.
  public var representative: String?
  /// The representative's position (`Phó Chủ tịch UBND phường`), if recorded.
  public var representativeTitle: String?

  /// Creates a unit.
  ///
  /// - Parameters:
  ///   - name: The unit's name.
  ///   - address: Its address, where the record says the visit took place.
  ///   - representative: The representative who signs the record.
  ///   - representativeTitle: The representative's position.
  public init(
    name: String, address: String? = nil, representative: String? = nil, representativeTitle: String? = nil
  ) {
    self.name = name
    self.address = address
    self.representative = representative
    self.representativeTitle = representativeTitle
  }
}
