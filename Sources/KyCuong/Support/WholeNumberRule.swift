import Foundation

/// A JSON member that holds a count or a sequence number: a whole number that fits an `Int`, at least
/// ``minimum`` when there is one. Checked on the parsed document before decoding, so a file that breaks it is refused with the
/// member's path and the rule, not with a decoder's words (or, for a negative count, not at all).
package struct WholeNumberRule: Hashable, Sendable {
  /// Where the member is: keys separated by `.`, `[]` for every element of an array
  /// (`items[].attachments[].size`).
  package let path: String
  /// The smallest value allowed, if any.
  package var minimum: Int?

  /// The path's steps: member names, and `[]` for every element of an array.
  private let steps: [String]

  /// Creates a rule.
  package init(_ path: String, atLeast minimum: Int? = nil) {
    self.path = path
    self.minimum = minimum
    var steps: [String] = []
    for key in path.split(separator: ".") {
      if key.hasSuffix("[]") {
        steps.append(String(key.dropLast(2)))
        steps.append("[]")
      } else {
        steps.append(String(key))
      }
    }
    self.steps = steps
  }

  /// The first member of `document` that breaks the rule, or `nil`. A member that is absent or `null` is
  /// left to the decoder (it may be optional).
  package func firstProblem(in document: JSONValue) -> WholeNumberProblem? {
    var indices: [Int] = []
    return firstProblem(in: document, step: 0, indices: &indices)
  }

  /// The first problem at or below `value`, reached by `steps[..<step]` through the array elements
  /// `indices`; the member's path is spelled out only for a problem.
  private func firstProblem(in value: JSONValue, step: Int, indices: inout [Int]) -> WholeNumberProblem? {
    guard step < steps.count else {
      guard var problem = problem(with: value, at: "") else { return nil }
      problem.path = spelled(indices)
      return problem
    }
    if steps[step] == "[]" {
      guard case .array(let elements) = value else { return nil }
      for (index, element) in elements.enumerated() {
        indices.append(index)
        defer { indices.removeLast() }
        if let found = firstProblem(in: element, step: step + 1, indices: &indices) { return found }
      }
      return nil
    }
    guard let member = value[steps[step]] else { return nil }
    return firstProblem(in: member, step: step + 1, indices: &indices)
  }

  /// `items[2].attachments[0].size` from the rule's steps and the array indices taken.
  private func spelled(_ indices: [Int]) -> String {
    var text = ""
    var taken = indices.makeIterator()
    for step in steps {
      if step == "[]" {
        text += "[\(taken.next() ?? 0)]"
      } else {
        text += text.isEmpty ? step : ".\(step)"
      }
    }
    return text
  }

  private func problem(with value: JSONValue, at path: String) -> WholeNumberProblem? {
    switch value {
    case .null: return nil
    case .number(let number):
      // 2^63 is the first whole number an Int cannot hold; every Double below it in magnitude converts.
      if number == number.rounded(), number >= Double(minimum ?? Int.min),
        number < 9_223_372_036_854_775_808
      {
        return nil
      }
      return WholeNumberProblem(path: path, minimum: minimum, found: .number(number))
    default: return WholeNumberProblem(path: path, minimum: minimum, found: value)
    }
  }
}

/// A member that breaks its ``WholeNumberRule``: where, the rule's minimum, and what it held.
package struct WholeNumberProblem: Hashable, Sendable, CustomStringConvertible {
  /// The member's JSON path (`audit.eventCount`, `items[2].attachments[0].size`).
  package var path: String
  /// The smallest value allowed, if any.
  package var minimum: Int?
  /// What the member held.
  package var found: JSONValue

  /// "audit.eventCount: must be a whole number ≥ 0, found 1e300".
  package var description: String {
    let what: String
    switch found {
    case .number(let number):
      if number == number.rounded(), abs(number) < 1e15 {
        what = String(Int(number))
      } else {
        what = String(number).replacingOccurrences(of: "e+", with: "e")
      }
    case .string(let text): what = "a string (\"\(text.prefix(40))\")"
    case .bool(let value): what = "a boolean (\(value))"
    case .array: what = "an array"
    case .object: what = "an object"
    case .null: what = "null"
    }
    let rule = minimum.map { "a whole number ≥ \($0)" } ?? "a whole number"
    return "\(path): must be \(rule), found \(what)"
  }
}
