import KyCuongSupport

extension AuditExport {
  /// Every whole number of an export outside its checklist snapshot (which the checklist rules check): counts
  /// and sizes at least 0, event numbers and the record's pages and copies at least 1, answers' numbers (whose
  /// range the item's kind decides) and the stored scores' counts whole.
  static let wholeNumberRules: [WholeNumberRule] =
    [
      WholeNumberRule("audit.eventCount", atLeast: 0),
      WholeNumberRule("audit.staffPresent", atLeast: 0),
      WholeNumberRule("audit.recordDetails.pages", atLeast: 1),
      WholeNumberRule("audit.recordDetails.copies", atLeast: 1),
      WholeNumberRule("audit.refusals[].event", atLeast: 1),
      WholeNumberRule("audit.reopenings[].event", atLeast: 1),
      WholeNumberRule("retractions[].event", atLeast: 1),
      WholeNumberRule("retractions[].withdrawn.seq", atLeast: 1),
    ]
    + ["findings", "recommendations", "correctiveActions", "notes", "explanations", "attachments"].map {
      WholeNumberRule("\($0)[].event", atLeast: 1)
    }
    + ["notes", "attachments", "explanations", "history"].map {
      WholeNumberRule("items[].\($0)[].event", atLeast: 1)
    }
    + [
      WholeNumberRule("attachments[].size", atLeast: 0),
      WholeNumberRule("items[].attachments[].size", atLeast: 0),
    ]
    + ["items[].outcome", "items[].history[].new", "items[].history[].old"].flatMap { outcome in
      ["compliant", "observed", "value"].map { WholeNumberRule("\(outcome).\($0)") }
    }
    + [
      "scores.completeness.answered", "scores.completeness.applicable", "scores.completeness.skipped",
      "scores.sections[].scoredItems", "scores.focusAreas[].scoredItems",
    ].map { WholeNumberRule($0) }

  /// The first whole number of `json` that breaks its rule, as the reason the export is refused.
  static func checkWholeNumbers(_ json: JSONValue) throws(ExportError) {
    for rule in wholeNumberRules {
      if let problem = rule.firstProblem(in: json) { throw .decoding(reason: problem.description) }
    }
  }
}
