import Foundation
import KyCuong

/// Fuzz target: the checklist loader and validator. Any bytes may come in; a checklist or a list of
/// validation issues must come out, never a crash. A checklist that loads must validate clean, encode, and load
/// again to the same checklist.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChecklist(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = FuzzInput.data(pointer, count)
  do {
    let checklist = try ChecklistParser.parse(data, file: "fuzz.json")
    let issues = ChecklistParser.validate(checklist, file: "fuzz.json")
    if !issues.isEmpty { fatalError("a loaded checklist fails validation: \(issues)") }
    _ = ChecklistText.render(checklist, language: .vi)
    let encoded = try JSONEncoder().encode(checklist)
    let again = try ChecklistParser.parse(encoded, file: "fuzz-again.json")
    if again != checklist { fatalError("a checklist does not survive encoding and loading") }
  } catch {
    _ = "\(error)"
  }
  return 0
}
