import ArgumentParser
import KyCuong

/// The filters every command that counts or lists audits shares: unit, checklist, period.
struct AuditSelectionOptions: ParsableArguments {
  @Option(help: "Only units whose name contains this (accents and case ignored).")
  var unit: String?

  @Option(help: "Only this checklist id.", completion: .custom { _, _, _ in KyCuongCommand.checklistIDs })
  var checklist: String?

  @Option(help: "Only audits started on or after this day (YYYY-MM-DD or DD/MM/YYYY).")
  var from: CalendarDate?

  @Option(help: "Only audits started on or before this day (YYYY-MM-DD or DD/MM/YYYY).")
  var to: CalendarDate?
}
