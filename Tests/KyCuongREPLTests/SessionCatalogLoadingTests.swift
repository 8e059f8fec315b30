import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

/// The catalog is read when the session first needs it: the first prompt and an empty input do not pay for
/// the standard checklists (issue 13, start-up).
struct SessionCatalogLoadingTests {
  /// Counts how often the catalog is read.
  final class Reads: @unchecked Sendable {
    var count = 0
  }

  @Test func theCatalogIsReadOnlyWhenAnAuditStartsAndThenOnce() throws {
    let temporary = try TemporaryDirectory()
    let reads = Reads()
    let checklist = try testChecklist()
    func catalog() -> Catalog {
      reads.count += 1
      return Catalog([checklist])
    }
    let session = Session(
      configuration: SessionConfiguration(
        catalog: catalog(), store: AuditStore(directory: temporary.url.appending(path: "audits")),
        inspector: "Nguyễn Văn An"))
    _ = session.welcome()
    _ = session.prompt
    _ = session.evaluate("help")
    _ = session.endOfInput()
    #expect(reads.count == 0)
    let reply = session.evaluate(
      "start test-conduct --unit \"UBND phường Hàng Bạc\" --leader \"Nguyễn Văn An\" "
        + "--members \"Trần Thị Bình\" --visit surprise")
    #expect(reply.succeeded, "\(reply.text)")
    _ = session.evaluate("list")
    #expect(reads.count == 1)
  }

  @Test func aCatalogSetLaterReplacesTheOneNotYetRead() throws {
    let temporary = try TemporaryDirectory()
    var configuration = SessionConfiguration(
      catalog: Catalog([]), store: AuditStore(directory: temporary.url.appending(path: "audits")),
      inspector: "Nguyễn Văn An")
    configuration.catalog = Catalog([try testChecklist()])
    #expect(configuration.catalog.checklists.map(\.id) == ["test-conduct"])
  }
}
