/// The level of local government a unit belongs to. Since 01/07/2025 there are two: the province and the
/// commune (the district level, "cấp huyện", no longer exists).
public enum GovernmentLevel: String, CaseIterable, Hashable, Sendable, Codable {
  /// A province or centrally run city and its departments ("cấp tỉnh": UBND tỉnh/thành phố, Sở).
  case province
  /// A commune, ward or special zone ("cấp xã": UBND xã/phường/đặc khu).
  case commune

  /// The name in Vietnamese and English.
  public var label: LocalizedText {
    switch self {
    case .province: LocalizedText(vi: "cấp tỉnh", en: "province level")
    case .commune: LocalizedText(vi: "cấp xã", en: "commune level")
    }
  }
}
