import Foundation
import KyCuong
import Testing

/// Hand-computed scores for every model. The worked example (``Build/workedExample(model:)``) is the one the
/// Scoring article uses:
///
/// | Section (weight) | Item | Kind | Weight | Answer | sᵢ |
/// |---|---|---|---|---|---|
/// | conduct (2) | C-01 | check | 1 | pass | 1 |
/// | conduct (2) | C-02 | check | 2 | partial | 0.5 (partial credit) |
/// | conduct (2) | C-03 | observation | 3 | 9 of 12 | 0.75 |
/// | office (1) | O-01 | scale, max 4 | 2 | 3 | 0.75 |
/// | office (1) | O-02 | check | 2 | fail | 0 |
/// | office (1) | O-03 | check | 3 | not applicable | — |
///
/// Tags: C-01 and C-02 `focus-2017-1`; C-03 and O-01 `focus-2017-2`.
@Suite("Scoring")
struct ScoringTests {
  func score(
    _ checklist: Checklist, _ states: [ItemID: ItemState], model: ScoringModel? = nil, finished: Bool = true
  ) -> ScoreReport {
    Scorer.score(checklist: checklist, states: states, model: model, finished: finished)
  }

  // MARK: - Item scores

  @Test(
    "item scores",
    arguments: [
      (ItemKind.check, ItemState.answered(.pass), 1.0 as Double?),
      (.check, .answered(.partial), 0.5),
      (.check, .answered(.fail), 0),
      (.check, .answered(.notApplicable), nil),
      (.check, .unanswered, nil),
      (.check, .skipped(reason: "phòng khóa"), nil),
      (.observation, .answered(.observation(compliant: 9, observed: 12)), 0.75),
      (.observation, .answered(.observation(compliant: 0, observed: 0)), nil),
      (.scale(max: 4), .answered(.scale(3)), 0.75),
      (.scale(max: 4), .answered(.scale(0)), 0),
      (.text, .answered(.text("ghi chú")), nil),
      (.yesNo, .answered(.yes), nil), (.yesNo, .answered(.no), nil),
    ])
  func itemScore(kind: ItemKind, state: ItemState, expected: Double?) {
    #expect(Build.item("X-01", kind).score(for: state, partialCredit: 0.5) == expected)
  }

  // MARK: - The worked example, one model at a time

  @Test("worked example, weighted")
  func workedExampleWeighted() {
    let report = score(Build.workedExample(), Build.workedExampleStates, model: .weighted)
    // conduct: Σwᵢsᵢ = 1×1 + 2×0.5 + 3×0.75 = 4.25; Σwᵢ = 6; S = 4.25 / 6 = 17/24 = 70.8333…
    // office:  Σwᵢsᵢ = 2×0.75 + 2×0 = 1.5 (O-03 N/A drops out); Σwᵢ = 4; S = 1.5 / 4 = 37.5
    // overall = 100 × (2 × 17/24 + 1 × 3/8) / (2 + 1) = 100 × 43/72 = 59.7222… → fulfilled (50–70)
    #expect(report.model == .weighted)
    #expect(isClose(report.sections[0].score, 100 * 17 / 24))
    #expect(isClose(report.sections[0].score, 70.833_333_333, tolerance: 1e-6))
    #expect(report.sections[0].points == Points(earned: 4.25, possible: 6))
    #expect(report.sections[0].scoredItems == 3)
    #expect(report.sections[1].score == 37.5)
    #expect(report.sections[1].points == Points(earned: 1.5, possible: 4))
    #expect(report.sections[1].scoredItems == 2)
    #expect(isClose(report.overall, 100 * 43 / 72))
    #expect(isClose(report.overall, 59.722_222_222, tolerance: 1e-6))
    #expect(report.rating?.id == "fulfilled")
    #expect(report.points == Points(earned: 5.75, possible: 10))
    #expect(report.criticalFailures.isEmpty)
    #expect(!report.ratingForcedByCriticalFailure)
    #expect(report.completeness == Completeness(answered: 6, skipped: 0, applicable: 6))
  }

  @Test("worked example, flat")
  func workedExampleFlat() {
    let report = score(Build.workedExample(), Build.workedExampleStates, model: .flat)
    // Σwᵢsᵢ = 1×1 + 2×0.5 + 3×0.75 + 2×0.75 + 2×0 = 5.75; Σwᵢ = 1 + 2 + 3 + 2 + 2 = 10 (O-03 N/A out)
    // overall = 100 × 5.75 / 10 = 57.5 → fulfilled; section weights play no part.
    #expect(report.overall == 57.5)
    #expect(report.points == Points(earned: 5.75, possible: 10))
    #expect(report.rating?.id == "fulfilled")
    // Section scores are still reported, item-weighted: 70.8333… and 37.5.
    #expect(isClose(report.sections[0].score, 100 * 17 / 24))
    #expect(report.sections[1].score == 37.5)
  }

  @Test("worked example, flatUnweighted")
  func workedExampleFlatUnweighted() {
    let report = score(Build.workedExample(), Build.workedExampleStates, model: .flatUnweighted)
    // Every positive weight counts as 1: Σsᵢ = 1 + 0.5 + 0.75 + 0.75 + 0 = 3; 5 scored items.
    // overall = 100 × 3 / 5 = 60 → fulfilled
    // conduct = 100 × (1 + 0.5 + 0.75) / 3 = 75; office = 100 × (0.75 + 0) / 2 = 37.5
    #expect(report.overall == 60)
    #expect(report.points == Points(earned: 3, possible: 5))
    #expect(report.rating?.id == "fulfilled")
    #expect(report.sections[0].score == 75)
    #expect(report.sections[1].score == 37.5)
  }

  @Test("worked example, absolute")
  func workedExampleAbsolute() {
    let report = score(Build.workedExample(), Build.workedExampleStates, model: .absolute)
    // C-02 is partial (0.5), C-03 is 0.75, O-01 0.75, O-02 fails: not every scored item has sᵢ = 1 → 0.
    // Each section likewise has an item below 1 → 0 and 0.
    #expect(report.overall == 0)
    #expect(report.rating?.id == "notFulfilled")
    #expect(!report.ratingForcedByCriticalFailure)
    #expect(report.sections.map(\.score) == [0, 0])
  }

  @Test(
    "worked example, focus areas are flat with the items' own weights in every model",
    arguments: ScoringModel.allCases)
  func workedExampleFocusAreas(model: ScoringModel) {
    let report = score(Build.workedExample(), Build.workedExampleStates, model: model)
    // focus-2017-1: C-01 (w 1, s 1), C-02 (w 2, s 0.5) → 100 × (1 + 1) / 3 = 66.666…
    // focus-2017-2: C-03 (w 3, s 0.75), O-01 (w 2, s 0.75) → 100 × (2.25 + 1.5) / 5 = 75
    // focus-2017-3: no item carries it → not reported.
    #expect(report.focusAreas.map(\.tag) == ["focus-2017-1", "focus-2017-2"])
    #expect(isClose(report.focusAreas[0].score, 200 / 3))
    #expect(report.focusAreas[0].points == Points(earned: 2, possible: 3))
    #expect(report.focusAreas[0].scoredItems == 2)
    #expect(report.focusAreas[1].score == 75)
    #expect(report.focusAreas[1].points == Points(earned: 3.75, possible: 5))
  }

  @Test("the model defaults to the checklist's own", arguments: ScoringModel.allCases)
  func defaultModel(model: ScoringModel) {
    let report = score(Build.workedExample(model: model), Build.workedExampleStates)
    #expect(report.model == model)
  }

  // MARK: - XCCDF 1.2's example

  /// XCCDF 1.2, section 7.3: group A with one rule that passes, group B with nine rules that fail, every
  /// weight 1. weighted: A = 1, B = 0 → (1 + 0) / 2 = 50; flat: 1 / 10 = 10; flatUnweighted: 10; absolute: 0.
  @Test(
    "XCCDF worked example",
    arguments: [
      (ScoringModel.weighted, 50.0), (.flat, 10), (.flatUnweighted, 10), (.absolute, 0),
    ])
  func xccdfExample(model: ScoringModel, expected: Double) {
    let groupB = (1...9).map { Build.item("B-\($0)") }
    let checklist = Build.checklist([
      Build.section("a", [Build.item("A-1")]), Build.section("b", groupB),
    ])
    var states: [ItemID: ItemState] = ["A-1": .answered(.pass)]
    for item in groupB { states[item.id] = .answered(.fail) }
    let report = score(checklist, states, model: model)
    #expect(isClose(report.overall, expected))
  }

  // MARK: - N/A, zero weights, unanswered

  @Test(
    "a section whose items are all N/A drops out without diluting the others",
    arguments: ScoringModel.allCases)
  func allNotApplicableSection(model: ScoringModel) {
    let checklist = Build.checklist([
      Build.section("gone", weight: 5, [Build.item("G-1"), Build.item("G-2")]),
      Build.section("kept", [Build.item("K-1"), Build.item("K-2")]),
    ])
    let states: [ItemID: ItemState] = [
      "G-1": .answered(.notApplicable), "G-2": .answered(.notApplicable),
      "K-1": .answered(.pass), "K-2": .answered(.pass),
    ]
    let report = score(checklist, states, model: model)
    // Only K-1 and K-2 count, both pass: 100 in every model (weighted: (1 × 1) / 1, not (5 × 0 + 1) / 6).
    #expect(report.overall == 100)
    #expect(report.sections[0].score == nil)
    #expect(report.sections[0].scoredItems == 0)
    #expect(report.sections[0].points == Points(earned: 0, possible: 0))
    // N/A items still apply: they are answered, so they count towards completeness.
    #expect(report.completeness == Completeness(answered: 4, skipped: 0, applicable: 4))
  }

  @Test("every item N/A: no score and no rating, never NaN", arguments: ScoringModel.allCases)
  func everythingNotApplicable(model: ScoringModel) {
    let checklist = Build.checklist([Build.section("s", [Build.item("A-1"), Build.item("A-2")])])
    let report = score(
      checklist, ["A-1": .answered(.notApplicable), "A-2": .answered(.notApplicable)], model: model)
    #expect(report.overall == nil)
    #expect(report.rating == nil)
    #expect(report.sections[0].score == nil)
  }

  @Test("a sum of weights of 0 gives no score, never NaN", arguments: ScoringModel.allCases)
  func zeroWeightSum(model: ScoringModel) {
    let checklist = Build.checklist([
      Build.section("s", [Build.item("A-1", weight: 0), Build.item("A-2", weight: 0)])
    ])
    let report = score(checklist, ["A-1": .answered(.pass), "A-2": .answered(.fail)], model: model)
    #expect(report.overall == nil)
    #expect(report.overall.map { $0.isNaN } != true)
    #expect(report.rating == nil)
    #expect(report.sections[0].score == nil)
    #expect(report.points == Points(earned: 0, possible: 0))
  }

  @Test("sections of weight 0 only: no score", arguments: ScoringModel.allCases)
  func zeroSectionWeights(model: ScoringModel) {
    let checklist = Build.checklist([Build.section("s", weight: 0, [Build.item("A-1")])])
    let report = score(checklist, ["A-1": .answered(.pass)], model: model)
    // weighted: Σ Wⱼ = 0 → nil. The other models ignore sections: 100.
    #expect(report.overall == (model == .weighted ? nil : 100))
    #expect(report.sections[0].score == (model == .absolute ? 100 : 100))
  }

  @Test("a weight-0 item is recorded, not scored", arguments: ScoringModel.allCases)
  func zeroWeightItem(model: ScoringModel) {
    let checklist = Build.checklist([
      Build.section("s", [Build.item("A-1", weight: 2), Build.item("A-2", weight: 0)])
    ])
    let report = score(checklist, ["A-1": .answered(.pass), "A-2": .answered(.fail)], model: model)
    // weighted, flat: (2 × 1 + 0 × 0) / 2 = 100; flatUnweighted: weight 0 stays 0 → 1 / 1 = 100;
    // absolute: the failing item has weight 0 and is ignored → 100.
    #expect(report.overall == 100)
    #expect(report.sections[0].scoredItems == 2)
    #expect(report.completeness.answered == 2)
  }

  @Test("flatUnweighted counts every positive weight as 1 and keeps 0 at 0")
  func flatUnweightedWeights() {
    let checklist = Build.checklist([
      Build.section(
        "s", [Build.item("A-1", weight: 5), Build.item("A-2", weight: 0.5), Build.item("A-3", weight: 0)])
    ])
    let states: [ItemID: ItemState] = [
      "A-1": .answered(.pass), "A-2": .answered(.fail), "A-3": .answered(.fail),
    ]
    // flat: (5 × 1 + 0.5 × 0) / 5.5 = 90.909…; flatUnweighted: (1 + 0) / 2 = 50 (A-3 weighs 0).
    #expect(isClose(score(checklist, states, model: .flat).overall, 100 * 5 / 5.5))
    let unweighted = score(checklist, states, model: .flatUnweighted)
    #expect(unweighted.overall == 50)
    #expect(unweighted.points == Points(earned: 1, possible: 2))
  }

  @Test("unanswered is not fail, and not N/A either")
  func unansweredIsNotFail() {
    let checklist = Build.checklist([Build.section("s", [Build.item("A-1"), Build.item("A-2")])])
    let report = score(checklist, ["A-1": .answered(.pass)], finished: false)
    // A-2 is unanswered: 100 × 1 / 1 = 100, not 50; it still applies and is open.
    #expect(report.overall == 100)
    #expect(report.completeness == Completeness(answered: 1, skipped: 0, applicable: 2))
    #expect(report.completeness.ratio == 0.5)
    #expect(report.provisional)
  }

  @Test("skipped items are not scored and count as skipped")
  func skippedItems() {
    let checklist = Build.checklist([Build.section("s", [Build.item("A-1"), Build.item("A-2")])])
    let report = score(checklist, ["A-1": .answered(.fail), "A-2": .skipped(reason: "Không có mặt")])
    #expect(report.overall == 0)
    #expect(report.sections[0].scoredItems == 1)
    #expect(report.completeness == Completeness(answered: 1, skipped: 1, applicable: 2))
  }

  // MARK: - Partial credit, observations, scales

  @Test("partial credit comes from the checklist", arguments: [0.0, 0.25, 0.5, 1.0])
  func partialCredit(credit: Double) {
    let checklist = Build.checklist(
      [Build.section("s", [Build.item("A-1"), Build.item("A-2")])], partialCredit: credit)
    let report = score(checklist, ["A-1": .answered(.partial), "A-2": .answered(.pass)], model: .flat)
    // (credit + 1) / 2
    #expect(isClose(report.overall, 100 * (credit + 1) / 2))
  }

  @Test("observations score compliant / observed; none observed is not scored")
  func observations() {
    let checklist = Build.checklist([
      Build.section("s", [Build.item("O-1", .observation), Build.item("O-2", .observation, weight: 3)])
    ])
    // O-1: 9 / 12 = 0.75; O-2: nobody observed → no score. Overall = 75.
    let report = score(
      checklist,
      [
        "O-1": .answered(.observation(compliant: 9, observed: 12)),
        "O-2": .answered(.observation(compliant: 0, observed: 0)),
      ])
    #expect(report.overall == 75)
    #expect(report.sections[0].scoredItems == 1)
  }

  @Test("scales score value / max; text items are never scored")
  func scalesAndText() {
    let checklist = Build.checklist([
      Build.section("s", [Build.item("S-1", .scale(max: 4), weight: 2), Build.item("T-1", .text, weight: 5)])
    ])
    let report = score(checklist, ["S-1": .answered(.scale(3)), "T-1": .answered(.text("Có sổ"))])
    #expect(report.overall == 75)
    #expect(report.points == Points(earned: 1.5, possible: 2))
  }

  // MARK: - Critical items

  @Test("a critical failure forces the lowest band even with a high score", arguments: ScoringModel.allCases)
  func criticalFailureWithHighScore(model: ScoringModel) {
    var items = (1...10).map { Build.item("A-\($0)") }
    items.append(Build.item("CRIT-1", critical: true))
    let checklist = Build.checklist([Build.section("s", items)])
    var states: [ItemID: ItemState] = ["CRIT-1": .answered(.fail)]
    for number in 1...10 { states[ItemID("A-\(number)")] = .answered(.pass) }
    let report = score(checklist, states, model: model)
    // weighted / flat / flatUnweighted: 100 × 10 / 11 = 90.909… (excellent by score); absolute: 0.
    if model == .absolute {
      #expect(report.overall == 0)
      #expect(!report.ratingForcedByCriticalFailure)  // already the lowest band
    } else {
      #expect(isClose(report.overall, 1000 / 11))
      #expect(report.ratingForcedByCriticalFailure)
    }
    #expect(report.rating?.id == "notFulfilled")
    #expect(report.criticalFailures == ["CRIT-1"])
  }

  @Test(
    "a critical item below full marks is a failure",
    arguments: [
      (ItemKind.check, Outcome.partial, true), (.check, .fail, true), (.check, .pass, false),
      (.check, .notApplicable, false), (.observation, .observation(compliant: 11, observed: 12), true),
      (.observation, .observation(compliant: 12, observed: 12), false), (.scale(max: 4), .scale(3), true),
      (.scale(max: 4), .scale(4), false),
    ])
  func criticalBelowFullMarks(kind: ItemKind, outcome: Outcome, fails: Bool) {
    let checklist = Build.checklist([
      Build.section("s", [Build.item("CRIT-1", kind, critical: true), Build.item("A-1")])
    ])
    let report = score(checklist, ["CRIT-1": .answered(outcome), "A-1": .answered(.pass)])
    #expect(report.criticalFailures == (fails ? ["CRIT-1"] : []))
    #expect((report.rating?.id == "notFulfilled") == fails)
  }

  @Test("an unanswered or skipped critical item is not a failure")
  func criticalUnanswered() {
    let checklist = Build.checklist([
      Build.section(
        "s", [Build.item("CRIT-1", critical: true), Build.item("CRIT-2", critical: true), Build.item("A-1")])
    ])
    let report = score(checklist, ["CRIT-2": .skipped(reason: "Vắng"), "A-1": .answered(.pass)])
    #expect(report.criticalFailures.isEmpty)
    #expect(report.rating?.id == "excellent")
  }

  // MARK: - applicableWhen

  @Test("applicableWhen turns items N/A when the controlling item has another outcome")
  func applicableWhen() {
    let condition = ApplicabilityCondition(item: "POST-00", outcomes: [.pass, .partial])
    let checklist = Build.checklist([
      Build.section(
        "s",
        [
          Build.item("POST-00"), Build.item("POST-01", when: condition),
          Build.item("POST-02", weight: 4, when: condition), Build.item("A-1"),
        ])
    ])
    // POST-00 fails: POST-01 and POST-02 do not apply; their (stale) answers are not scored.
    // Scored: POST-00 (0) and A-1 (1) → 50; applicable 2.
    let failed = score(
      checklist,
      [
        "POST-00": .answered(.fail), "POST-01": .answered(.pass), "POST-02": .answered(.pass),
        "A-1": .answered(.pass),
      ])
    #expect(failed.overall == 50)
    #expect(failed.completeness == Completeness(answered: 2, skipped: 0, applicable: 2))

    // POST-00 partial (0.5): all apply; (0.5 + 1 + 4 × 0 + 1) / 7 = 2.5 / 7 = 35.714…
    let partial = score(
      checklist,
      [
        "POST-00": .answered(.partial), "POST-01": .answered(.pass), "POST-02": .answered(.fail),
        "A-1": .answered(.pass),
      ])
    #expect(isClose(partial.overall, 250 / 7))
    #expect(partial.completeness.applicable == 4)

    // POST-00 unanswered or skipped: its dependants do not apply yet.
    let open = score(checklist, ["A-1": .answered(.pass)], finished: false)
    #expect(open.completeness == Completeness(answered: 1, skipped: 0, applicable: 2))
    let skipped = score(checklist, ["POST-00": .skipped(reason: "x")], finished: false)
    #expect(skipped.completeness == Completeness(answered: 0, skipped: 1, applicable: 2))
  }

  @Test("a chain of conditions: an item whose controller does not apply does not apply")
  func applicableWhenChain() {
    let checklist = Build.checklist([
      Build.section(
        "s",
        [
          Build.item("A-1"),
          Build.item("A-2", when: ApplicabilityCondition(item: "A-1", outcomes: [.pass])),
          Build.item("A-3", when: ApplicabilityCondition(item: "A-2", outcomes: [.fail])),
        ])
    ])
    // A-1 fails → A-2 does not apply → A-3 does not apply, even though A-2's stale answer is fail.
    let states: [ItemID: ItemState] = ["A-1": .answered(.fail), "A-2": .answered(.fail)]
    let applicability = Applicability(checklist: checklist, states: states)
    #expect(!applicability.isApplicable("A-2"))
    #expect(!applicability.isApplicable("A-3"))
    #expect(score(checklist, states).completeness.applicable == 1)
    // A condition on notApplicable: A-2 applies when A-1 is N/A.
    let other = Build.checklist([
      Build.section(
        "s",
        [
          Build.item("A-1"),
          Build.item("A-2", when: ApplicabilityCondition(item: "A-1", outcomes: [.notApplicable])),
        ])
    ])
    #expect(Applicability(checklist: other, states: ["A-1": .answered(.notApplicable)]).isApplicable("A-2"))
  }

  // MARK: - Rating bands

  @Test(
    "default rating band boundaries",
    arguments: [
      (100.0, "excellent"), (90, "excellent"), (89.99, "good"), (70, "good"), (69.99, "fulfilled"),
      (50, "fulfilled"), (49.99, "notFulfilled"), (0, "notFulfilled"),
    ])
  func bandBoundaries(score: Double, band: String) {
    #expect(RatingBand.defaultBands.filter { $0.contains(score) }.map(\.id) == [band])
  }

  @Test(
    "the scorer rates exact boundary scores in the upper band",
    arguments: [(9, "excellent"), (10, "excellent"), (7, "good"), (5, "fulfilled"), (0, "notFulfilled")])
  func scorerBoundaries(passes: Int, band: String) {
    let items = (1...10).map { Build.item("A-\($0)") }
    var states: [ItemID: ItemState] = [:]
    for (index, item) in items.enumerated() { states[item.id] = .answered(index < passes ? .pass : .fail) }
    let report = score(Build.checklist([Build.section("s", items)]), states, model: .flat)
    // passes / 10 × 100: 90 → excellent, 100 → excellent, 70 → good, 50 → fulfilled, 0 → notFulfilled.
    #expect(isClose(report.overall, Double(passes) * 10))
    #expect(report.rating?.id == band)
  }

  @Test("custom bands are used and the band starting at 0 is the lowest")
  func customBands() {
    let bands = [
      RatingBand(id: "pass", from: 60, to: 100, label: LocalizedText(vi: "Đạt")),
      RatingBand(id: "fail", from: 0, to: 60, label: LocalizedText(vi: "Không đạt")),
    ]
    let checklist = Build.checklist(
      [Build.section("s", [Build.item("A-1"), Build.item("CRIT-1", critical: true)])], bands: bands)
    #expect(score(checklist, ["A-1": .answered(.pass), "CRIT-1": .answered(.pass)]).rating?.id == "pass")
    let failed = score(checklist, ["A-1": .answered(.pass), "CRIT-1": .answered(.partial)])
    // 100 × 1.5 / 2 = 75 → "pass" by score, forced down to "fail".
    #expect(failed.overall == 75)
    #expect(failed.rating?.id == "fail")
    #expect(failed.ratingForcedByCriticalFailure)
  }

  @Test("a score that is exact by hand is not rated in the band below by floating-point error")
  func exactScoresAtBandEdges() {
    let bands = [
      RatingBand(id: "high", from: 57, to: 100, label: LocalizedText(vi: "Cao")),
      RatingBand(id: "low", from: 0, to: 57, label: LocalizedText(vi: "Thấp")),
    ]
    let checklist = Build.checklist(
      [Build.section("s", [Build.item("A-1", weight: 57), Build.item("A-2", weight: 43)])], model: .flat,
      bands: bands)
    // 100 × 57 / 100 = 57 exactly (0.57 × 100 is 56.99999999999999 in floating point) → "high".
    let report = score(checklist, ["A-1": .answered(.pass), "A-2": .answered(.fail)])
    #expect(report.overall == 57)
    #expect(report.sections[0].score == 57)
    #expect(report.rating?.id == "high")
  }

  @Test(
    "the rating is decided on the score as reports show it, to one decimal",
    arguments: [
      (69.96, 70.0, "good"), (69.94, 69.9, "fulfilled"), (89.95, 90.0, "excellent"),
      (49.949, 49.9, "notFulfilled"),
    ])
  func ratingOnShownScore(score: Double, shown: Double, band: String) {
    let checklist = Build.checklist(
      [Build.section("s", [Build.item("A-1", weight: score), Build.item("A-2", weight: 100 - score)])],
      model: .flat)
    let report = self.score(checklist, ["A-1": .answered(.pass), "A-2": .answered(.fail)])
    #expect(isClose(report.overall, score, tolerance: 1e-9))
    #expect(Scorer.shown(score) == shown)
    #expect(report.rating?.id == band)
  }

  // MARK: - Provisional

  @Test("a report is provisional until the audit is finished")
  func provisional() throws {
    let checklist = Build.checklist([Build.section("s", [Build.item("A-1")])])
    var audit = Build.audit(checklist)
    #expect(audit.score().provisional)
    try audit.record(
      .answered(item: "A-1", outcome: .pass, remark: nil), by: Fixed.inspector, at: Fixed.at(60))
    #expect(audit.score().provisional)
    #expect(audit.score().overall == 100)
    try audit.record(.finished, by: Fixed.inspector, at: Fixed.at(120))
    #expect(!audit.score().provisional)
    #expect(audit.score(model: .absolute).model == .absolute)
  }
}
