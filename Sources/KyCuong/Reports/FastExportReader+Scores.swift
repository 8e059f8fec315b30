import KyCuongExport
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

extension FastExportReader {
  /// `scores` (`ScoreReport`): what the summary compares with the derived scores; the rest checked.
  struct StoredScores {
    var model: ScoringModel
    var overall: Double?
    var rating: String?
    var criticalFailures: [ItemID]

    static func read(_ scanner: inout JSONScanner, depth: Int) -> StoredScores? {
      var model: ScoringModel?
      var overall: Double?
      var rating: String?
      var criticalFailures: [ItemID]?
      var missing = 6
      let complete = scanner.object(depth: depth) { scanner, key in
        switch key.count {
        case 5 where scanner.matches(key, "model"):
          model = scanner.readEnum(Names.models)
          return model != nil
        case 7 where scanner.matches(key, "overall"):
          if scanner.null() { return true }
          overall = scanner.readDouble()
          return overall != nil
        case 6 where scanner.matches(key, "rating"):
          if scanner.null() { return true }
          rating = band(&scanner, depth: depth + 1)
          return rating != nil
        case 16 where scanner.matches(key, "criticalFailures"):
          criticalFailures = scanner.readArray(depth: depth + 1) { $0.readString().map { ItemID($0) } }
          return criticalFailures != nil
        case 29 where scanner.matches(key, "ratingForcedByCriticalFailure"),
          11 where scanner.matches(key, "provisional"):
          missing -= 1
          return scanner.readBool() != nil
        case 6 where scanner.matches(key, "points"):
          missing -= 1
          return points(&scanner, depth: depth + 1)
        case 8 where scanner.matches(key, "sections"):
          missing -= 1
          return scanner.checkArray(depth: depth + 1) {
            part(&$0, depth: depth + 2, id: "id", weighted: true)
          }
        case 10 where scanner.matches(key, "focusAreas"):
          missing -= 1
          return scanner.checkArray(depth: depth + 1) {
            part(&$0, depth: depth + 2, id: "tag", weighted: false)
          }
        case 12 where scanner.matches(key, "completeness"):
          missing -= 1
          return Fields.strings(&scanner, depth: depth + 1, [], integers: completenessNames)
        default:
          return scanner.skipValue(depth: depth + 1)
        }
      }
      guard complete, missing == 0, let model, let criticalFailures else { return nil }
      return StoredScores(model: model, overall: overall, rating: rating, criticalFailures: criticalFailures)
    }

    /// `RatingBand`: its id; from, to and label checked.
    static func band(_ scanner: inout JSONScanner, depth: Int) -> String? {
      var id: String?
      var missing = 3
      let complete = scanner.object(depth: depth) { scanner, key in
        if scanner.matches(key, "id") {
          id = scanner.readString()
          return id != nil
        }
        if scanner.matches(key, "from") || scanner.matches(key, "to") {
          missing -= 1
          return scanner.readDouble() != nil
        }
        if scanner.matches(key, "label") {
          missing -= 1
          return Fields.localized(&scanner, depth: depth + 1) != nil
        }
        return scanner.skipValue(depth: depth + 1)
      }
      return complete && missing == 0 ? id : nil
    }

    /// `Points`: earned and possible.
    static func points(_ scanner: inout JSONScanner, depth: Int) -> Bool {
      var missing = 2
      let complete = scanner.object(depth: depth) { scanner, key in
        if scanner.matches(key, "earned") || scanner.matches(key, "possible") {
          missing -= 1
          return scanner.readDouble() != nil
        }
        return scanner.skipValue(depth: depth + 1)
      }
      return complete && missing == 0
    }

    /// `SectionScore` (id, weight, score, points, scoredItems) or `FocusAreaScore` (tag, score, points,
    /// scoredItems).
    static func part(_ scanner: inout JSONScanner, depth: Int, id name: StaticString, weighted: Bool) -> Bool
    {
      var missing = weighted ? 4 : 3
      let complete = scanner.object(depth: depth) { scanner, key in
        if scanner.matches(key, name) {
          missing -= 1
          return scanner.skipString()
        }
        if weighted && scanner.matches(key, "weight") {
          missing -= 1
          return scanner.readDouble() != nil
        }
        if scanner.matches(key, "score") { return scanner.null() || scanner.readDouble() != nil }
        if scanner.matches(key, "points") {
          missing -= 1
          return points(&scanner, depth: depth + 1)
        }
        if scanner.matches(key, "scoredItems") {
          missing -= 1
          return scanner.readInt() != nil
        }
        return scanner.skipValue(depth: depth + 1)
      }
      return complete && missing == 0
    }

    static let completenessNames: [StaticString] = ["answered", "skipped", "applicable"]
  }
}
