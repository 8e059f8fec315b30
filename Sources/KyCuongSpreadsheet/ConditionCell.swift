import Foundation
import KyCuong

/// The `applicable_when` cell: an item's condition written as clauses `NAME: VALUES` joined by `;`.
///
/// ```
/// POST-00: yes
/// DRESS-02: yes; province: Hà Nội
/// province: Hà Nội, Hải Phòng; level: commune; oneStopDesk: true
/// ```
///
/// An item id names the earlier item whose answers make the item apply (`pass`, `partial`, `fail`,
/// `notApplicable` for a check; `yes`, `no` for a yes/no question); `province`, `level` (`province`,
/// `commune`) and `oneStopDesk` (`true`, `false`) test the audit's context. Values are separated by commas.
enum ConditionCell {
  /// The cell's text for `condition`.
  static func text(_ condition: ApplicabilityCondition) -> String {
    var clauses: [String] = []
    if let item = condition.item {
      clauses.append("\(item): " + condition.outcomes.map(\.rawValue).joined(separator: ", "))
    }
    if let context = condition.context {
      if let provinces = context.provinces {
        clauses.append("province: " + provinces.joined(separator: ", "))
      }
      if let levels = context.levels {
        clauses.append("level: " + levels.map(\.rawValue).joined(separator: ", "))
      }
      if let oneStopDesk = context.oneStopDesk { clauses.append("oneStopDesk: \(oneStopDesk)") }
    }
    return clauses.joined(separator: "; ")
  }

  /// The condition a cell's text writes, in the checklist format (`{"item": …, "outcomes": […], "context":
  /// {…}}`), for the checklist parser to check; or why the text is not a condition.
  static func json(_ text: String) -> Result<JSONValue, Problem> {
    var item: (id: String, outcomes: [String])?
    var context: [(key: String, value: JSONValue)] = []
    for clause in text.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
      let trimmed = clause.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { continue }
      guard let colon = trimmed.firstIndex(of: ":") else { return .failure(.notAClause(trimmed)) }
      let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
      let values = trimmed[trimmed.index(after: colon)...].split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      guard !values.isEmpty else { return .failure(.noValue(name)) }
      if ItemID.isWellFormed(name) {
        guard item == nil else { return .failure(.twoItems) }
        item = (name, values)
        continue
      }
      let key: String
      switch ChecklistSheet.key(name) {
      case "province": key = "province"
      case "level": key = "level"
      case "onestopdesk": key = "oneStopDesk"
      default: return .failure(.unknownName(name))
      }
      guard !context.contains(where: { $0.key == key }) else { return .failure(.repeated(name)) }
      if key == "oneStopDesk" {
        guard values.count == 1, let flag = CellReading.bool(values[0]) else {
          return .failure(.notTrueOrFalse(values.joined(separator: ", ")))
        }
        context.append((key, .bool(flag)))
      } else {
        context.append((key, .array(values.map(JSONValue.string))))
      }
    }
    var members: [(key: String, value: JSONValue)] = []
    if let item {
      members.append(("item", .string(item.id)))
      members.append(("outcomes", .array(item.outcomes.map(JSONValue.string))))
    }
    if !context.isEmpty { members.append(("context", .object(context))) }
    guard !members.isEmpty else { return .failure(.empty) }
    return .success(.object(members))
  }

  /// Why a cell's text is not a condition.
  enum Problem: Error, Hashable, CustomStringConvertible {
    case notAClause(String)
    case noValue(String)
    case twoItems
    case unknownName(String)
    case repeated(String)
    case notTrueOrFalse(String)
    case empty

    private static let form =
      "write clauses NAME: VALUES joined by \";\", e.g. \"POST-00: yes; province: Hà Nội\""

    var description: String {
      switch self {
      case .notAClause(let text): "\"\(text)\" is not a condition: \(Self.form)"
      case .noValue(let name): "\"\(name):\" names no value: \(Self.form)"
      case .twoItems: "a condition may name one earlier item only"
      case .unknownName(let name):
        "unknown condition \"\(name)\"; use an earlier item's id, province, level or oneStopDesk"
      case .repeated(let name): "\"\(name)\" is given twice; list its values once, separated by commas"
      case .notTrueOrFalse(let text): "oneStopDesk must be true or false, found \"\(text)\""
      case .empty: "the condition is empty: \(Self.form)"
      }
    }
  }
}
