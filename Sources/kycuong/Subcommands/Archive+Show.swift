#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive show AUDIT`: an archived audit, its actions, every document received for it and the
    /// attachments its bundles carried.
    struct Show: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an archived audit: its facts, corrective actions, and who sent which document when.")

      @Argument(help: "The audit's id.")
      var audit: String

      @Option(help: "The day deadlines are measured against (default: today, Vietnam time).")
      var today: CalendarDate?

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        let id = audit
        let found = try await archive.with { archive throws(CommandFailure) in
          let found: ArchivedAudit?
          do throws(ArchiveError) {
            found = try await archive.audit(id)
          } catch {
            throw CommandFailure(error)
          }
          guard let found else {
            throw CommandFailure("the archive holds no audit \(id) (`kycuong archive list`)")
          }
          return found
        }
        print(TerminalText.sanitized(Self.describe(found, today: today)))
      }

      static func describe(_ audit: ArchivedAudit, today: CalendarDate?) -> String {
        let actions = audit.actions
        let record = audit.record
        let day = today ?? CalendarDate(.now, in: .vietnam)
        func score(_ value: Double?) -> String { value.map { NumberFormatting.score($0) } ?? "—" }
        var rating = record.rating.map { "\($0.id) (\($0.label.vi))" } ?? "none"
        if record.ratingForcedByCriticalFailure { rating += ", forced by a critical failure" }
        var lines = [
          "Audit \(record.id)",
          "  unit: \(record.unit)" + (record.unitAddress.map { ", \($0)" } ?? ""),
          "  checklist: \(record.checklistID) \(record.checklistVersion) (\(record.checklistDigest))",
          "  visit: \(record.visitType.rawValue), started \(Timestamp.string(from: record.startedAt))"
            + (record.finishedAt.map { ", finished \(Timestamp.string(from: $0))" } ?? ", not finished"),
          "  team: \(record.leader)"
            + (record.members.isEmpty ? "" : ", " + record.members.joined(separator: ", ")),
          "  score: \(score(record.overallScore)) (\(record.scoringModel.rawValue)), rating \(rating)",
          "  items: \(record.answeredItems) answered, \(record.skippedItems) skipped of \(record.applicableItems) "
            + "that apply; \(record.eventCount) events",
        ]
        if !record.criticalFailures.isEmpty {
          lines.append(
            "  critical failures: " + record.criticalFailures.map(\.rawValue).joined(separator: ", "))
        }
        for area in record.focusAreas {
          lines.append("  \(area.tag): \(score(area.score)) (\(area.scoredItems) items scored)")
        }
        lines.append("Corrective actions: \(actions.count)")
        for entry in actions {
          let state = entry.state(on: day)
          lines.append(
            "  \(entry.action.due)  \(state.rawValue)"
              + (entry.settledBy.map { " by \($0)" } ?? "")
              + "  \(entry.action.owner): \(entry.action.what)"
              + (entry.action.itemID.map { " [\($0)]" } ?? ""))
        }
        lines.append("Documents: \(audit.documents.count)")
        for document in audit.documents {
          let current = document.sha256 == audit.currentDocument ? " (current)" : ""
          var seal = document.seal.name
          if let signature = document.seal.signature {
            seal += " by \(signature.signer), key \(signature.fingerprint) (\(document.keyTrust.rawValue))"
          }
          lines.append(
            "  \(document.fileName)\(current): \(document.kind.rawValue), \(document.relation.rawValue), "
              + "\(seal); received \(Timestamp.string(from: document.receivedAt)) from \(document.receivedFrom); "
              + "\(document.byteCount) bytes, sha256 \(document.sha256)")
        }
        if !audit.attachments.isEmpty {
          lines.append("Attachments: \(audit.attachments.count)")
          for file in audit.attachments {
            lines.append(
              "  \(file.name)" + (file.itemID.map { " [\($0)]" } ?? "")
                + ": \(file.byteCount) bytes, sha256 \(file.sha256); attached by \(file.attachedBy) at "
                + Timestamp.string(from: file.attachedAt))
          }
        }
        return lines.joined(separator: "\n")
      }
    }
  }
#endif
