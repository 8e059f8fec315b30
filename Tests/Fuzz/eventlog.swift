import Foundation
import KyCuong

/// Fuzz target: the event log reader and replay. Any bytes: complete events are read, damage reported, the
/// audit rebuilt or refused with a reason; never a crash. A rebuilt audit must score and export.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEventLog(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = FuzzInput.data(pointer, count)
  let raw = EventLog.readLines(data)
  if raw.events.count != EventLog.read(data).events.count { fatalError("read and readLines disagree") }
  for event in raw.events where event.bytes.contains(UInt8(ascii: "\n")) {
    fatalError("a line holds a newline")
  }
  do {
    let (audit, _) = try EventLog.audit(from: data)
    let report = audit.score()
    if let overall = report.overall, !(0...100).contains(overall) { fatalError("overall score \(overall)") }
    let export = try AuditExport(audit).jsonData()
    _ = try AuditExport(data: export)
    for event in audit.events { _ = try EventLog.line(for: event) }
  } catch {
    _ = "\(error)"
  }
  return 0
}
