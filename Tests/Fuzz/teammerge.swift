import Foundation
import KyCuong

/// Fuzz target: merging a team audit's device logs. The input is up to four logs separated by the byte 0x1E
/// (ASCII record separator); each is read as an event log and the logs merged. Any bytes: merged or refused
/// with a reason, never a crash; a merge that succeeds gives the same audit in the reverse order and when
/// every log is given twice, shows every conflict as open, never finishes with an open item, and scores and
/// exports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTeamMerge(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = FuzzInput.data(pointer, count)
  let parts = data.split(separator: 0x1E, omittingEmptySubsequences: false).prefix(4)
  let logs = parts.enumerated().map { index, part in
    DeviceLog(name: "log \(index + 1)", events: EventLog.read(Data(part)).events)
  }
  let merged: Audit
  do {
    merged = try TeamMerge.merge(logs)
  } catch {
    _ = "\(error)"
    return 0
  }
  guard let reversed = try? TeamMerge.merge(logs.reversed()), reversed == merged else {
    fatalError("the order of the logs changes the merge")
  }
  guard let twice = try? TeamMerge.merge(logs + logs), twice == merged else {
    fatalError("merging the logs twice changes the merge")
  }
  for (item, conflict) in merged.conflicts {
    if merged.records[item]?.state != .unanswered || conflict.answers.count < 2 {
      fatalError("conflict on \(item) is not open, or has fewer than two answers")
    }
  }
  if merged.isFinished, !merged.openItems.isEmpty { fatalError("a finished merged audit has open items") }
  if merged.events.map(\.sequence) != Array(1...merged.events.count) {
    fatalError("merged numbers have gaps")
  }
  if let overall = merged.score().overall, !(0...100).contains(overall) {
    fatalError("overall score \(overall)")
  }
  do {
    _ = try AuditExport(data: try AuditExport(merged).jsonData())
  } catch {
    _ = "\(error)"
  }
  return 0
}
