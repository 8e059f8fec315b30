/// Whether `value` is within `tolerance` of `expected`; `nil` is never close.
func isClose(_ value: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
  guard let value else { return false }
  return abs(value - expected) <= tolerance
}
