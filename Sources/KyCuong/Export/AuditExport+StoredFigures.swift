import KyCuongAudit
import KyCuongModel
import KyCuongScoring
import KyCuongSupport

extension AuditExport {
  /// The figures an export stores beside its items (`scores`, each item's `applicable` and `score`): claims,
  /// which ``inconsistencies`` checks against what the items give. The summary's reader collects them
  /// straight from the bytes, so both readers compare them in one place.
  package struct StoredFigures: Sendable {
    /// One item's stored figures, with its state.
    package struct Item: Sendable {
      /// The item's id.
      package var id: ItemID
      /// Its state (status, answer, reason).
      package var state: ItemState
      /// The stored `applicable`.
      package var applicable: Bool
      /// The stored `score`.
      package var score: Double?

      /// Creates the figures of one item.
      package init(id: ItemID, state: ItemState, applicable: Bool, score: Double?) {
        self.id = id
        self.state = state
        self.applicable = applicable
        self.score = score
      }
    }

    /// `scores.model`.
    package var model: ScoringModel
    /// `scores.overall`.
    package var overall: Double?
    /// `scores.rating.id`.
    package var rating: String?
    /// `scores.criticalFailures`.
    package var criticalFailures: [ItemID]
    /// The items, in the export's order.
    package var items: [Item]

    /// Creates the stored figures.
    package init(
      model: ScoringModel, overall: Double?, rating: String?, criticalFailures: [ItemID], items: [Item]
    ) {
      self.model = model
      self.overall = overall
      self.rating = rating
      self.criticalFailures = criticalFailures
      self.items = items
    }

    /// The figures `export` stores.
    package init(_ export: AuditExport) {
      self.init(
        model: export.scores.model, overall: export.scores.overall, rating: export.scores.rating?.id,
        criticalFailures: export.scores.criticalFailures,
        items: export.items.map {
          Item(id: $0.id, state: $0.state, applicable: $0.applicable, score: $0.score)
        })
    }
  }

  /// Where `stored` differs from what the items give under `snapshot` (see ``inconsistencies``).
  ///
  /// - Parameters:
  ///   - stored: The stored figures.
  ///   - snapshot: The checklist snapshot.
  ///   - states: Each item's state by id.
  ///   - context: The audit's context.
  ///   - day: The audit's first day.
  ///   - finished: Whether the audit is finished.
  ///   - derived: The scores under `stored.model`, if the caller has them already.
  ///   - applicability: Which items apply, if the caller has worked it out already.
  /// - Returns: The differences, empty when there are none.
  package static func inconsistencies(
    of stored: StoredFigures, snapshot: Checklist, states: [ItemID: ItemState], context: AuditContext?,
    day: CalendarDate, finished: Bool, derived: ScoreReport? = nil, applicability: Applicability? = nil
  ) -> [ExportInconsistency] {
    var found: [ExportInconsistency] = []
    let applicability =
      applicability ?? Applicability(checklist: snapshot, states: states, context: context, day: day)
    let derived =
      derived
      ?? Scorer.score(
        checklist: snapshot, states: states, applicability: applicability, model: stored.model,
        finished: finished)
    if !same(stored.overall, derived.overall) {
      found.append(.overallScore(stored: stored.overall, derived: derived.overall))
    }
    if stored.rating != derived.rating?.id {
      found.append(.rating(stored: stored.rating, derived: derived.rating?.id))
    }
    if stored.criticalFailures != derived.criticalFailures {
      found.append(.criticalFailures(stored: stored.criticalFailures, derived: derived.criticalFailures))
    }
    let credit = snapshot.scoring.partialCredit
    // Where each item is: (section, index), first occurrence of each id.
    var places: [(section: Int, index: Int)] = []
    for (section, part) in snapshot.sections.enumerated() {
      for index in part.items.indices { places.append((section, index)) }
    }
    var byID: [ItemID: (section: Int, index: Int)]?
    for (position, exported) in stored.items.enumerated() {
      // The item at the same place (the usual case: an export lists them in checklist order), else the
      // first with the id.
      var place: (section: Int, index: Int)?
      if position < places.count,
        snapshot.sections[places[position].section].items[places[position].index].id == exported.id
      {
        place = places[position]
      } else {
        if byID == nil {
          var first: [ItemID: (section: Int, index: Int)] = [:]
          for place in places {
            let id = snapshot.sections[place.section].items[place.index].id
            if first[id] == nil { first[id] = place }
          }
          byID = first
        }
        place = byID?[exported.id]
      }
      guard let place else { continue }
      snapshot.sections[place.section].items.withUnsafeBufferPointer { items in
        let applies = applicability.isApplicable(items[place.index].id)
        if exported.applicable != applies {
          found.append(.itemApplicability(items[place.index].id, stored: exported.applicable))
        }
        let score = applies ? items[place.index].score(for: exported.state, partialCredit: credit) : nil
        if !same(exported.score, score) {
          found.append(.itemScore(items[place.index].id, stored: exported.score, derived: score))
        }
      }
    }
    return found
  }

  private static func same(_ left: Double?, _ right: Double?) -> Bool {
    switch (left, right) {
    case (nil, nil): true
    case (let left?, let right?): abs(left - right) < 1e-6
    default: false
    }
  }
}
