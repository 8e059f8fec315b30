import KyCuongModel
import KyCuongSupport

/// Decides which items apply, from their `applicableWhen`, their `validUntil`, the audit's context and the
/// answers given so far.
///
/// An item applies when its rule is still valid on the audit's first day, the audit's context meets its
/// context condition, and — when it depends on an earlier item — that item itself applies and is answered
/// with one of the condition's outcomes. An unanswered, skipped or non-applicable controller means the item
/// does not apply (yet). Scoring, completeness and finishing all use this one rule.
public struct Applicability: Sendable {
  private var applicable: [ItemID: Bool] = [:]

  /// Evaluates every item of `checklist`.
  ///
  /// - Parameters:
  ///   - checklist: The checklist.
  ///   - states: Each item's state by id; a missing id counts as unanswered.
  ///   - context: The audit's context; `nil` when unknown, and then no context condition holds.
  ///   - day: The audit's first day, for ``Item/validUntil``; `nil` ignores validity.
  public init(
    checklist: Checklist, states: [ItemID: ItemState], context: AuditContext? = nil, day: CalendarDate? = nil
  ) {
    // Controllers come earlier in the checklist (the validator enforces it), so one pass in order suffices.
    applicable.reserveCapacity(checklist.sections.reduce(0) { $0 + $1.items.count })
    // Each context condition is judged once per evaluation, not once per item that has it: comparing
    // provinces folds their names through Foundation, and the evaluation runs again after every answer.
    var contextMet: [ContextCondition: Bool] = [:]
    for section in checklist.sections {
      // Read in place through a buffer, not copied: an item holds a dozen texts and lists.
      section.items.withUnsafeBufferPointer { items in
        for index in items.indices {
          applicable[items[index].id] = Self.applies(
            validUntil: items[index].validUntil, condition: items[index].applicableWhen, states: states,
            context: context, day: day, known: applicable, contextMet: &contextMet)
        }
      }
    }
  }

  private static func applies(
    validUntil: CalendarDate?, condition: ApplicabilityCondition?, states: [ItemID: ItemState],
    context: AuditContext?, day: CalendarDate?, known: [ItemID: Bool],
    contextMet: inout [ContextCondition: Bool]
  ) -> Bool {
    if let validUntil, let day, day > validUntil { return false }
    guard let condition else { return true }
    if let wanted = condition.context {
      guard let context else { return false }
      let met = contextMet[wanted] ?? context.satisfies(wanted)
      contextMet[wanted] = met
      guard met else { return false }
    }
    guard let controller = condition.item else { return true }
    guard known[controller] ?? false, case .answered(let outcome)? = states[controller],
      let answer = outcome.conditionOutcome
    else { return false }
    return condition.outcomes.contains(answer)
  }

  /// Whether the item with `itemID` applies.
  ///
  /// - Parameter itemID: An item of the checklist.
  /// - Returns: `true` when the item applies; `false` when it does not, or the checklist has no such item.
  public func isApplicable(_ itemID: ItemID) -> Bool { applicable[itemID] ?? false }
}
