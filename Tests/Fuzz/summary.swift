import Foundation
import KyCuong
import KyCuongReports

/// Fuzz target: the summary's fast reader of exports (`FastExportReader`) against the full reader
/// (`SummaryReader.readFully`, hence ``AuditDocument``), on the same bytes. The fast reader may leave a file to
/// the full reader (`nil`), but it must never take a file the full reader refuses, nor give other facts for one
/// it takes, cold or with the snapshot cached: either traps. Seeds: the export corpus, hostile files included.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSummary(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = FuzzInput.data(pointer, count)
  let cache = SnapshotCache()
  let cold = data.withUnsafeBytes { FastExportReader.facts($0, file: "fuzz", cache: cache) }
  guard let cold else { return 0 }
  let warm = data.withUnsafeBytes { FastExportReader.facts($0, file: "fuzz", cache: cache) }
  if warm != cold { fatalError("the cached snapshot changes the fast reader's facts") }
  switch SummaryReader.readFully(data, path: "fuzz", checkLog: nil) {
  case .skipped(let file): fatalError("the fast reader takes a file the full reader refuses: \(file.reason)")
  case .audit(let facts, _): if facts != cold { fatalError("the two readers give different facts") }
  }
  return 0
}
