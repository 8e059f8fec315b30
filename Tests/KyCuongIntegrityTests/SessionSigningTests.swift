import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongREPL
import KyCuongStore
import KyCuongTestSupport
import Testing

@Suite("finish --sign and export in the REPL")
struct SessionSigningTests {
  final class Fixture {
    let folder: URL
    let session: Session
    let store: AuditStore

    init() throws {
      folder = try Sample.temporaryFolder()
      store = AuditStore(directory: folder.appending(path: "audits"))
      session = Session(
        configuration: SessionConfiguration(
          catalog: Catalog([Sample.checklist()]), store: store, language: .en, inspector: Sample.inspector,
          clock: { Sample.start }, attachmentDirectory: folder, exportDirectory: folder))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func answerAll() throws -> String {
      let lines = [
        "start test-list --unit \"UBND phường Hàng Bạc\" --leader \"Nguyễn Văn An\" --members \"Trần Thị Bình\" "
          + "--visit surprise",
        "pass", "9/12", "fail",
      ]
      for line in lines {
        let reply = session.evaluate(line)
        #expect(reply.succeeded, "\(line): \(reply.text)")
      }
      return try #require(session.audit?.id)
    }
  }

  @Test("finish --sign writes a signed export that verifies against the leader's public key")
  func signs() throws {
    let fixture = try Fixture()
    let id = try fixture.answerAll()
    let keyURL = fixture.folder.appending(path: "leader.key")
    let key = SigningKey(signer: "Nguyễn Văn An")
    try key.write(to: keyURL)
    let reply = fixture.session.evaluate("finish --yes --sign leader.key")
    #expect(reply.succeeded, "\(reply.text)")
    #expect(reply.text.contains(key.publicKey.fingerprint))
    let exportURL = fixture.folder.appending(path: "\(id).json")
    let data = try Data(contentsOf: exportURL)
    let log = try Data(contentsOf: fixture.store.logURL(for: id))
    let result = ExportIntegrity.verify(exportData: data, log: log, trustedKey: key.publicKey)
    #expect(result.problems.isEmpty, "\(result.problems)")
    #expect(result.signer == "Nguyễn Văn An")
    #expect(result.signedAt == Sample.start)
    #expect(LogChain.verify(log).isIntact)
    // Signing again later is allowed; finishing again is not.
    #expect(fixture.session.evaluate("finish --sign leader.key").succeeded)
    #expect(!fixture.session.evaluate("finish").succeeded)
  }

  @Test("a key readable by others is refused before the audit is finished")
  func refusesOpenKey() throws {
    let fixture = try Fixture()
    _ = try fixture.answerAll()
    let keyURL = fixture.folder.appending(path: "leader.key")
    try SigningKey(signer: "A").write(to: keyURL)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyURL.path)
    let reply = fixture.session.evaluate("finish --sign leader.key")
    #expect(!reply.succeeded)
    #expect(reply.text.contains("chmod 600"))
    #expect(fixture.session.audit?.isFinished == false)
    let missing = fixture.session.evaluate("finish --sign nothing-here.key")
    #expect(!missing.succeeded)
    #expect(fixture.session.audit?.isFinished == false)
    #expect(!fixture.session.evaluate("finish --sign").succeeded)
  }

  @Test("export writes a sealed export whose chain head is the log's")
  func exportIsSealed() throws {
    let fixture = try Fixture()
    let id = try fixture.answerAll()
    #expect(fixture.session.evaluate("export").succeeded)
    let data = try Data(contentsOf: fixture.folder.appending(path: "\(id).json"))
    let log = try Data(contentsOf: fixture.store.logURL(for: id))
    let result = ExportIntegrity.verify(exportData: data, log: log)
    #expect(result.problems.isEmpty, "\(result.problems)")
    #expect(result.chainHead == LogChain.head(of: log))
  }
}
