import KyCuongAudit
import KyCuongModel
import KyCuongSupport

extension FastExportReader {
  /// The raw values of the enumerations an export holds, as bytes to compare with (a test checks that each
  /// table lists every case under its raw value).
  enum Names {
    static let levels: [(StaticString, GovernmentLevel)] = [("province", .province), ("commune", .commune)]
    static let visitTypes: [(StaticString, VisitType)] = [("scheduled", .scheduled), ("surprise", .surprise)]
    static let kinds: [(StaticString, ItemKind.Name)] = [
      ("check", .check), ("observation", .observation), ("scale", .scale), ("text", .text), ("yesNo", .yesNo),
    ]
    static let statuses: [(StaticString, ItemStatus)] = [
      ("answered", .answered), ("skipped", .skipped), ("unanswered", .unanswered),
    ]
    static let models: [(StaticString, ScoringModel)] = [
      ("weighted", .weighted), ("flat", .flat), ("flatUnweighted", .flatUnweighted), ("absolute", .absolute),
    ]
  }
}
