import Foundation
import KyCuong
import KyCuongSupport

/// Fuzz target: the export reader (through ``AuditDocument``, as `kycuong score` and `verify` read files).
/// Any bytes: an export or a log, or a reason; never a crash. An export that reads must rescore. The one-parse
/// reading must give what the reading over the bytes gives (`readDecodingBytes`): the same export, or the
/// same error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExport(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = FuzzInput.data(pointer, count)
  do {
    let document = try AuditDocument(data: data)
    let report = document.score()
    if let overall = report.overall, !(0...100).contains(overall) { fatalError("overall score \(overall)") }
    _ = try document.export.jsonData()
  } catch {
    _ = "\(error)"
  }
  let once = Result { () throws(ExportError) in try AuditExport(data: data) }
  let twice = Result { () throws(ExportError) in try AuditExport.readDecodingBytes(data) }
  if once != twice { fatalError("one parse: \(once); over the bytes: \(twice)") }
  if case .success(let export) = once {
    _ = export.rescore(model: .flat)
    _ = export.inconsistencies
  }
  _ = try? JSONReader.parse(data)
  return 0
}
