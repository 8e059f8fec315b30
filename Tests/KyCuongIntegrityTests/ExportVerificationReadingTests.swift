import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongSupport
import Testing

/// `verify` reads an export once (issue 13): the export digest comes from the value the reading parsed, and
/// is the digest of the file's bytes (``ExportIntegrity/digest(ofExportJSON:)``), on every seed of the export
/// fuzzer (the hostile corpus, sealed and signed exports) and on sealed and signed exports edited after.
@Suite("Export verification: one parse")
struct ExportVerificationReadingTests {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Fuzz/Corpus/export")

  /// The seeds, then a sealed and a signed export, each also with a character of its unit's name changed.
  static func files() throws -> [(name: String, data: Data)] {
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
    var files = try names.map { ($0, try Data(contentsOf: corpus.appending(path: $0))) }
    let audit = try Sample.audit()
    let log = try Sample.chainedLog(audit)
    let sealed = try ExportIntegrity.seal(AuditExport(audit), log: log)
    let signed = try ExportIntegrity.sign(sealed, with: SigningKey(signer: "Nguyễn Văn An"), at: Sample.start)
    for (name, export) in [("sealed", sealed), ("signed", signed)] {
      let data = try export.jsonData()
      files.append((name, data))
      let text = String(decoding: data, as: UTF8.self)
      let unit = export.audit.unit.name
      files.append((name + "-edited", Data(text.replacingOccurrences(of: unit, with: unit + ".").utf8)))
    }
    return files
  }

  @Test("the digest verify computes is the digest of the bytes, and the export it reads is the full reader's")
  func sameDigestAndExport() throws {
    var digests = 0
    for (name, data) in try Self.files() {
      let (export, verification) = ExportIntegrity.readAndVerify(exportData: data)
      let expected = Result { () throws(ExportError) in try AuditExport.readDecodingBytes(data) }
      #expect(export == expected, "\(name)")
      #expect(verification == ExportIntegrity.verify(exportData: data), "\(name)")
      if case .success = export, verification.sealed {
        digests += 1
        #expect(verification.exportDigest == (try ExportIntegrity.digest(ofExportJSON: data)), "\(name)")
      }
      if name.hasSuffix("-edited") {
        #expect(verification.problems.contains(.exportDigestMismatch), "\(name)")
      } else if ["sealed", "signed"].contains(name) {
        #expect(verification.problems.isEmpty, "\(name): \(verification.problems)")
      }
    }
    #expect(digests >= 6)
  }
}
