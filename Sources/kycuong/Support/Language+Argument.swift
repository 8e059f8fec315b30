import ArgumentParser
import Foundation
import KyCuong

extension Language: ExpressibleByArgument {
  /// The language named by `KYCUONG_LANG` (`vi` or `en`), else Vietnamese; any other value is warned about
  /// once and ignored.
  static let defaultFromEnvironment: Language = {
    guard let value = ProcessEnvironment.variables["KYCUONG_LANG"], !value.isEmpty else { return .vi }
    if let language = Language(rawValue: value.lowercased()) { return language }
    Diagnostics.warn("KYCUONG_LANG=\(value) is not vi or en; using vi")
    return .vi
  }()
}

extension ScoringModel: ExpressibleByArgument {}
