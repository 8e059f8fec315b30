/// How KyCuong writes numbers for people: scores with one decimal, weights without needless decimals, and
/// the decimal separator of the language (a comma in Vietnamese, `74,1`; a point in English, `74.1`).
package enum NumberFormatting {
  /// A score 0…100 with one decimal, or "—" when there is none.
  ///
  /// - Parameters:
  ///   - score: The score.
  ///   - separator: The decimal separator.
  /// - Returns: The score rounded to one decimal with `separator` (`74.1`, `100.0`), or "—" when `score` is
  ///   `nil` or not finite.
  package static func score(_ score: Double?, separator: Character = ".") -> String {
    guard let score, score.isFinite else { return "—" }
    let tenths = (score * 10).rounded()
    guard abs(tenths) < 9e17 else { return String(score) }
    let value = Int(tenths)
    let sign = value < 0 ? "-" : ""
    return "\(sign)\(abs(value) / 10)\(separator)\(abs(value) % 10)"
  }

  /// A weight or a count of points: whole numbers without a decimal separator, others with up to two
  /// decimals (`2`, `1.5`, `0.25`).
  ///
  /// - Parameters:
  ///   - number: The number.
  ///   - separator: The decimal separator.
  /// - Returns: The number rounded to two decimals, without trailing zeros, and with `separator` only when a
  ///   fraction is left (`2`, `1.5`, `0.25`).
  package static func number(_ number: Double, separator: Character = ".") -> String {
    guard number.isFinite else { return String(number) }
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    let hundredths = (number * 100).rounded()
    guard abs(hundredths) < 9e17 else { return String(number) }
    let value = Int(hundredths)
    let sign = value < 0 ? "-" : ""
    let whole = abs(value) / 100
    let fraction = abs(value) % 100
    if fraction == 0 { return "\(sign)\(whole)" }
    let digits =
      fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
    return "\(sign)\(whole)\(separator)\(digits)"
  }
}
