#if Archive
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension Listing {
    /// Audits, one a row. `rating_reason` says why a rating is the lowest band whatever the score
    /// (`critical failure: ITEM-ID, …`), empty when the score gave it.
    static func audits(_ entries: [AuditListEntry]) -> Listing {
      Listing(
        columns: [
          "started", "audit", "unit", "checklist", "version", "visit", "leader", "score", "rating",
          "rating_reason", "critical_failures",
        ],
        numeric: [7, 10],
        rows: entries.map { entry in
          [
            .text(Timestamp.string(from: entry.startedAt)), .text(entry.auditID), .text(entry.unit),
            .text(entry.checklistID), .text(entry.checklistVersion), .text(entry.visitType.rawValue),
            .text(entry.leader), .number(entry.overallScore), .text(entry.ratingID ?? "none"),
            ratingReason(entry).map(Cell.text) ?? .missing, .integer(entry.criticalFailures),
          ]
        })
    }

    /// `critical failure: ITEM-ID, …` when the rating was forced by failed critical items.
    static func ratingReason(_ entry: AuditListEntry) -> String? {
      guard entry.ratingForcedByCriticalFailure, !entry.criticalItems.isEmpty else { return nil }
      return "critical failure: " + entry.criticalItems.map(\.rawValue).joined(separator: ", ")
    }

    /// Corrective actions, one a row, with their state on `today`.
    static func actions(_ actions: [ArchivedAction], today: CalendarDate) -> Listing {
      Listing(
        columns: [
          "due", "state", "days_overdue", "unit", "owner", "action", "item", "audit", "settled_by",
        ],
        numeric: [2],
        rows: actions.map { entry in
          let state = entry.state(on: today)
          return [
            .text(entry.action.due.description), .text(state.rawValue),
            state == .overdue ? .integer(entry.action.due.days(to: today)) : .missing, .text(entry.unit),
            .text(entry.action.owner), .text(entry.action.what), .text(entry.action.itemID?.rawValue ?? ""),
            .text(entry.auditID), entry.settledBy.map(Cell.text) ?? .missing,
          ]
        })
    }

    /// Registered keys, one a row.
    static func keys(_ keys: [RegisteredKey]) -> Listing {
      Listing(
        columns: [
          "fingerprint", "signer", "added_by", "added_at", "revoked_at", "revoked_by", "reason", "public_key",
        ],
        rows: keys.map { key in
          [
            .text(key.fingerprint), .text(key.signer), .text(key.addedBy),
            .text(Timestamp.string(from: key.addedAt)),
            key.revokedAt.map { .text(Timestamp.string(from: $0)) } ?? .missing,
            key.revokedBy.map(Cell.text) ?? .missing, key.revocationReason.map(Cell.text) ?? .missing,
            .text(key.publicKey),
          ]
        })
    }

    /// The import log, one entry a row.
    static func importLog(_ entries: [ImportLogEntry]) -> Listing {
      Listing(
        columns: ["entry", "at", "file", "from", "outcome", "rule", "audit", "sha256", "reason"],
        numeric: [0],
        rows: entries.map { entry in
          let outcome: String
          let rule: String?
          switch entry.outcome {
          case .archived(let relation): (outcome, rule) = (relation.rawValue, nil)
          case .refused(let refusal): (outcome, rule) = ("refused", refusal.rawValue)
          }
          return [
            .integer(entry.entry), .text(Timestamp.string(from: entry.at)), .text(entry.fileName),
            .text(entry.receivedFrom), .text(outcome), rule.map(Cell.text) ?? .missing,
            entry.auditID.map(Cell.text) ?? .missing, .text(entry.sha256),
            entry.reason.map(Cell.text) ?? .missing,
          ]
        })
    }

    /// A unit's trend: one row per audit, with its focus-area scores.
    static func trend(_ points: [TrendPoint]) -> Listing {
      let tags = FocusArea.allCases.map(\.tag)
      return Listing(
        columns: ["day", "audit", "checklist", "version", "score", "rating"]
          + tags.map { $0.replacingOccurrences(of: "-", with: "_") },
        numeric: Set(4..<(6 + tags.count)).subtracting([5]),
        rows: points.map { point in
          [
            .text(ReportFormatting.day(point.audit.startedAt)), .text(point.audit.auditID),
            .text(point.audit.checklistID), .text(point.audit.checklistVersion),
            .number(point.audit.overallScore), .text(point.audit.ratingID ?? "none"),
          ]
            + tags.map { tag in point.focusAreas[tag].map { Cell.number($0) } ?? .missing }
        })
    }
  }
#endif
