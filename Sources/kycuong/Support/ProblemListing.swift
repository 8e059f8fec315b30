import KyCuong

/// The problems of checklist files as `validate` and `show` print them: the first few, then how many more,
/// so that a file with half a million problems prints in a moment and the terminal stays readable.
enum ProblemListing {
  /// The most problems printed unless `validate --limit` says otherwise.
  static let defaultLimit = 200

  /// One line per problem, the first `limit` of them (0: all), then `… and N more` when some are left out.
  static func lines(_ problems: [ValidationIssue], limit: Int = defaultLimit) -> [String] {
    let shown = limit > 0 ? problems.prefix(limit) : problems[...]
    var lines = shown.map(\.description)
    if shown.count < problems.count { lines.append("… and \(problems.count - shown.count) more") }
    return lines
  }

  /// The message of a command that could not read checklists: the problems (see ``lines(_:limit:)``) and
  /// their total.
  static func failure(_ problems: [ValidationIssue]) -> String {
    (lines(problems) + ["\(problems.count) problem(s)"]).joined(separator: "\n")
  }
}
