import Foundation
import KyCuong
import KyCuongIntegrity
import Testing

/// The export digest computed from the export value (encoded straight into a JSON value) is the digest of the
/// file that export is written to, read back: the digest a verifier computes.
@Suite("Export digest: of the value, as of the file")
struct ExportDigestTests {
  /// Exports of both formats, unsealed, sealed and signed, with text that the two canonical forms write
  /// differently.
  static func exports() throws -> [(name: String, export: AuditExport)] {
    var audit = try Sample.audit(finished: false)
    try audit.record(
      .finding(text: "Hai\ndòng \u{7F} \u{2028} \"trích\" \\ 😀"), by: Sample.inspector,
      at: Sample.start.addingTimeInterval(700))
    try audit.record(.finished, by: Sample.inspector, at: Sample.start.addingTimeInterval(800))
    let log = try Sample.chainedLog(audit)
    let key = SigningKey(signer: "Nguyễn Văn An")
    var cases: [(String, AuditExport)] = []
    for format in [AuditExport.formatID, "kycuong.audit/1"] {
      var export = AuditExport(audit)
      export.format = format
      export.checklist.digest = AuditExport.digest(of: export.checklist.snapshot, format: format)
      let sealed = try ExportIntegrity.seal(export, log: log)
      let signed = try ExportIntegrity.sign(sealed, with: key, at: Sample.start)
      cases += [("\(format) plain", export), ("\(format) sealed", sealed), ("\(format) signed", signed)]
    }
    return cases
  }

  @Test("digest(of:) is the digest of the export's file")
  func digestOfTheFile() throws {
    for (name, export) in try Self.exports() {
      let file = try export.jsonData()
      #expect(try ExportIntegrity.digest(of: export) == ExportIntegrity.digest(ofExportJSON: file), "\(name)")
    }
  }

  @Test("a sealed and a signed export verify, their digests unchanged by signing")
  func sealedAndSignedVerify() throws {
    let exports = try Self.exports()
    for (name, export) in exports where export.integrity != nil {
      let file = try export.jsonData()
      let digest = try ExportIntegrity.digest(ofExportJSON: file)
      #expect(export.integrity?.exportDigest == digest, "\(name)")
    }
    let byName = Dictionary(uniqueKeysWithValues: exports.map { ($0.name, $0.export) })
    for format in [AuditExport.formatID, "kycuong.audit/1"] {
      #expect(
        byName["\(format) sealed"]?.integrity?.exportDigest
          == byName["\(format) signed"]?.integrity?.exportDigest)
    }
  }
}
