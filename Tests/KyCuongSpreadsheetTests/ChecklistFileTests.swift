import Foundation
import KyCuong
import KyCuongSpreadsheet
import KyCuongSupport
import Testing

@Suite("Checklist files in the repository's style")
struct ChecklistFileTests {
  @Test(
    "every standard checklist, written from its model, is its file byte for byte",
    arguments: StandardFiles.names)
  func standardFilesAreReproduced(name: String) throws {
    let written = try StandardFiles.file(name).data
    let original = try StandardFiles.data(name)
    #expect(written == original, "\(name) differs at byte \(firstDifference(written, original))")
  }

  func firstDifference(_ a: Data, _ b: Data) -> String {
    let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    let line = a.prefix(index).filter { $0 == UInt8(ascii: "\n") }.count + 1
    return "\(index) (line \(line))"
  }
}
