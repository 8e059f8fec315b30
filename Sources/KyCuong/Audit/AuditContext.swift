import KyCuongModel
import KyCuongSupport

/// Where an audit takes place, as far as the rules care: the province, the level of government and whether
/// the unit is a one-stop desk. Items test it through ``ContextCondition`` (Hanoi's own rules apply only in
/// Hà Nội; one-stop rules only at a one-stop desk).
public struct AuditContext: Hashable, Sendable, Codable {
  /// The province or centrally run city (`Hà Nội`), as people write it.
  public var province: String
  /// The level of government of the inspected unit.
  public var level: GovernmentLevel
  /// Whether the inspected unit is a one-stop desk ("Bộ phận Một cửa") that receives citizens' files.
  public var oneStopDesk: Bool

  /// Creates a context.
  ///
  /// - Parameters:
  ///   - province: The province, as people write it.
  ///   - level: The level of government.
  ///   - oneStopDesk: Whether the unit is a one-stop desk.
  public init(province: String, level: GovernmentLevel, oneStopDesk: Bool) {
    self.province = province
    self.level = level
    self.oneStopDesk = oneStopDesk
  }

  /// Whether the context meets `condition` (every member it gives); province names are compared ignoring
  /// case, diacritics and the words "tỉnh"/"thành phố" before them.
  ///
  /// - Parameter condition: A context condition of an item.
  /// - Returns: `true` when the province, level and one-stop desk match every member `condition` gives (a
  ///   condition that gives none is met), else `false`.
  public func satisfies(_ condition: ContextCondition) -> Bool {
    if let provinces = condition.provinces {
      let here = Self.provinceKey(province)
      guard provinces.contains(where: { Self.provinceKey($0) == here }) else { return false }
    }
    if let levels = condition.levels, !levels.contains(level) { return false }
    if let oneStopDesk = condition.oneStopDesk, oneStopDesk != self.oneStopDesk { return false }
    return true
  }

  /// `Thành phố Hà Nội`, `TP. Hà Nội` and `ha noi` are one province.
  static func provinceKey(_ name: String) -> String {
    var folded = VietnameseFolding.fold(name)
    for prefix in ["thanh pho ", "tp. ", "tp ", "tinh "] where folded.hasPrefix(prefix) {
      folded.removeFirst(prefix.count)
    }
    return folded.replacingOccurrences(of: " ", with: "")
  }
}
