#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive explain`: the database's plans for the archive's questions.
    struct Explain: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
          "Show the query planner's plan of each of the archive's questions (for a database administrator).",
        discussion:
          "With --analyze the planner's statistics are updated first (ANALYZE), as after a large import.")

      @Option(help: "The unit the per-unit questions ask about (default: the first archived audit's).")
      var unit: String?

      @Option(help: "The day of the per-day questions (default: today, Vietnam time).")
      var day: CalendarDate?

      @Flag(help: "Update the planner's statistics first.")
      var analyze = false

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        let day = day ?? CalendarDate(.now, in: .vietnam)
        let (unit, analyze) = (unit, analyze)
        let lines = try await archive.with { archive throws(CommandFailure) in
          do throws(ArchiveError) {
            if analyze { try await archive.analyze() }
            let statistics = try await archive.statistics()
            let sample = try await archive.audits(AuditFilter(), limit: 1).first
            let name = unit ?? sample?.unit ?? ""
            var document: String?
            if let sample { document = try await archive.audit(sample.auditID)?.currentDocument }
            let signer = try await archive.keys().first?.fingerprint ?? "0000 0000 0000 0000"
            let queries: [(String, ArchiveQuery)] = [
              ("every audit of a unit since a day", .auditsOfUnit(unit: name, since: day)),
              ("a unit's score trend", .scoreTrend(unit: name)),
              ("a unit's focus-area trend", .focusAreaTrend(unit: name)),
              ("overdue actions across the province", .overdueActions(asOf: day)),
              ("actions of a unit", .actions(ActionFilter(today: day, unit: name), limit: nil)),
              ("who sent this document", .document(sha256: document ?? String(repeating: "0", count: 64))),
              ("what a leader signed", .documentsSigned(fingerprint: signer)),
              ("the summary's audits", .summaryAudits(SummaryFilter())),
              ("the summary's overdue actions", .summaryOverdue(SummaryFilter(), today: day)),
            ]
            var lines = [
              "\(archive.backend.rawValue): \(statistics.audits) audits, \(statistics.correctiveActions) actions"
            ]
            for (title, query) in queries {
              lines.append("-- \(title)")
              lines += try await archive.explain(query)
            }
            return lines
          } catch {
            throw CommandFailure(error)
          }
        }
        print(TerminalText.sanitized(lines.joined(separator: "\n")))
      }
    }
  }
#endif
