/// A sum of scores that does not depend on the order of its terms, so that a summary folded by several
/// workers gives the same mean to the last digit.
///
/// Scores are multiples of 10⁻⁹ (the scorer rounds them there): each is added as an integer number of
/// billionths. A value that is not one (never a score the scorer made, but facts can be made by hand) is
/// added as a `Double`, as is everything once the integers would overflow.
struct ExactSum: Hashable, Sendable {
  /// Number of terms.
  private(set) var count = 0
  private var billionths: Int64 = 0
  private var rest: Double = 0

  /// Adds `value`.
  mutating func add(_ value: Double) {
    count += 1
    let scaled = value * 1e9
    if value.isFinite, abs(value) <= 1e6, abs(scaled - scaled.rounded()) < 1e-3 {
      let (sum, overflow) = billionths.addingReportingOverflow(Int64(scaled.rounded()))
      if !overflow {
        billionths = sum
        return
      }
    }
    rest += value
  }

  /// Adds the terms of `other`.
  mutating func merge(_ other: ExactSum) {
    count += other.count
    let (sum, overflow) = billionths.addingReportingOverflow(other.billionths)
    if overflow {
      rest += Double(other.billionths) / 1e9
    } else {
      billionths = sum
    }
    rest += other.rest
  }

  /// The mean, `nil` without terms.
  var mean: Double? {
    guard count > 0 else { return nil }
    return (Double(billionths) / 1e9 + rest) / Double(count)
  }
}
