import Foundation
import KyCuong
import KyCuongIntegrity
import KyCuongSupport
import Testing

@Suite("Export digests and signatures")
struct SignatureTests {
  func sealedExport() throws -> (export: AuditExport, log: Data) {
    let audit = try Sample.audit()
    let log = try Sample.chainedLog(audit)
    return (try ExportIntegrity.seal(AuditExport(audit), log: log), log)
  }

  @Test("a sealed export carries the chain head, the snapshot digest and its own digest")
  func sealed() throws {
    let (export, log) = try sealedExport()
    let integrity = try #require(export.integrity)
    #expect(integrity.chainHead == LogChain.head(of: log))
    #expect(integrity.snapshotDigest == export.checklist.digest)
    #expect(integrity.snapshotDigest == AuditExport.digest(of: export.checklist.snapshot))
    let data = try export.jsonData()
    #expect(integrity.exportDigest == (try ExportIntegrity.digest(ofExportJSON: data)))
    let result = ExportIntegrity.verify(exportData: data, log: log)
    #expect(result.problems.isEmpty)
    #expect(result.signer == nil)
    // Read back by the core library, the field survives.
    #expect(try AuditExport(data: data) == export)
  }

  @Test("the export digest ignores formatting and key order, not content")
  func canonical() throws {
    let (export, _) = try sealedExport()
    let pretty = try export.jsonData()
    let encoder = JSONCoding.encoder()
    let compact = try encoder.encode(export)
    #expect(try ExportIntegrity.digest(ofExportJSON: pretty) == ExportIntegrity.digest(ofExportJSON: compact))
    // RFC 8785 (JCS) by default: short escapes for control characters; the form of format 1 exports spells
    // every control character \u00XX.
    let sample = try JSONReader.parse(#"{"b":[1,2.5,"x\n"],"a":{"é":true,"d":null}}"#)
    #expect(try CanonicalJSON.data(sample) == Data(#"{"a":{"d":null,"é":true},"b":[1,2.5,"x\n"]}"#.utf8))
    #expect(
      try CanonicalJSON.data(sample, form: .version1)
        == Data(#"{"a":{"d":null,"é":true},"b":[1,2.5,"x\u000a"]}"#.utf8))
    #expect(throws: CanonicalJSON.Error.self) { try CanonicalJSON.data(JSONReader.parse(#"{"a":1,"a":2}"#)) }
  }

  @Test("an export of format 1 keeps the digests of its time: it seals, signs and verifies in that form")
  func version1Export() throws {
    // A finding on two lines: the two canonical forms write its newline differently ("\n" and "\u000a").
    var audit = try Sample.audit(finished: false)
    try audit.record(
      .finding(text: "Hai\ndòng"), by: Sample.inspector, at: Sample.start.addingTimeInterval(700))
    try audit.record(.finished, by: Sample.inspector, at: Sample.start.addingTimeInterval(800))
    let log = try Sample.chainedLog(audit)
    var old = AuditExport(audit)
    old.format = "kycuong.audit/1"
    old.checklist.digest = AuditExport.digest(of: old.checklist.snapshot, format: old.format)
    let key = SigningKey(signer: "Nguyễn Văn An")
    let signed = try ExportIntegrity.sign(ExportIntegrity.seal(old, log: log), with: key, at: Sample.start)
    #expect(signed.integrity?.snapshotDigest == old.checklist.digest)
    let data = try signed.jsonData()
    // The export digest is of the form of format 1, not of JCS.
    guard case .object(var members) = try JSONReader.parse(data),
      let index = members.firstIndex(where: { $0.key == "integrity" }),
      case .object(let integrity) = members[index].value
    else {
      Issue.record("no integrity")
      return
    }
    members[index].value = .object(integrity.filter { $0.key != "exportDigest" && $0.key != "signature" })
    let version1 = Digest.labelled(try CanonicalJSON.data(.object(members), form: .version1))
    #expect(signed.integrity?.exportDigest == version1)
    #expect(version1 != Digest.labelled(try CanonicalJSON.data(.object(members))))
    let result = ExportIntegrity.verify(exportData: data, log: log, trustedKey: key.publicKey)
    #expect(result.problems.isEmpty, "\(result.problems)")
    #expect(result.signatureTrusted)
    // Relabelled as format 1.1, its digests no longer match: the format is part of what is proven.
    let relabelled = String(decoding: data, as: UTF8.self).replacingOccurrences(
      of: #""format" : "kycuong.audit/1""#, with: #""format" : "kycuong.audit/1.1""#)
    #expect(!ExportIntegrity.verify(exportData: Data(relabelled.utf8), trustedKey: key.publicKey).isIntact)
  }

  @Test("a key pair is written 0600/0644, read back, and never overwritten")
  func keyFiles() throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appending(path: "leader.key")
    let key = SigningKey(signer: "Nguyễn Văn An", createdAt: Sample.start)
    try key.write(to: url)
    let privateMode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    let publicMode =
      try FileManager.default.attributesOfItem(atPath: url.path + ".pub")[.posixPermissions] as? Int
    #expect(privateMode == 0o600)
    #expect(publicMode == 0o644)
    let read = try SigningKey.read(from: url)
    #expect(read.publicKey == key.publicKey)
    #expect(read.signer == "Nguyễn Văn An")
    let publicKey = try PublicSigningKey.read(from: URL(fileURLWithPath: url.path + ".pub"))
    #expect(publicKey == key.publicKey)
    #expect(throws: KeyError.exists(path: url.path)) { try key.write(to: url) }
    // The public file is not a private key, and the other way round.
    #expect(throws: KeyError.self) { try PublicSigningKey.read(from: url) }
  }

  @Test(
    "a private key readable by others is refused, saying how to fix it",
    arguments: [0o644, 0o640, 0o604, 0o660])
  func tooOpen(mode: Int) throws {
    let folder = try Sample.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appending(path: "leader.key")
    try SigningKey(signer: "A").write(to: url)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    #expect(throws: KeyError.tooOpen(path: url.path, mode: mode)) { try SigningKey.read(from: url) }
    #expect(KeyError.tooOpen(path: url.path, mode: mode).description.contains("chmod 600"))
  }

  @Test("the fingerprint is the first 16 hex digits of the key's SHA-256, in groups of four")
  func fingerprint() throws {
    let key = SigningKey(signer: "A").publicKey
    let hex = Digest.hex(of: key.rawRepresentation)
    let expected = [0, 4, 8, 12].map { offset in
      String(hex.dropFirst(offset).prefix(4))
    }.joined(separator: " ")
    #expect(key.fingerprint == expected)
    #expect(key.fingerprint.count == 19)
  }

  @Test("a signed export verifies, names the signer and time, and matches only its own key")
  func signAndVerify() throws {
    let (sealed, log) = try sealedExport()
    let key = SigningKey(signer: "Nguyễn Văn An")
    let signed = try ExportIntegrity.sign(sealed, with: key, at: Sample.start.addingTimeInterval(3600))
    let data = try signed.jsonData()
    let result = ExportIntegrity.verify(exportData: data, log: log, trustedKey: key.publicKey)
    #expect(result.problems.isEmpty)
    #expect(result.signer == "Nguyễn Văn An")
    #expect(result.signedAt == Sample.start.addingTimeInterval(3600))
    #expect(result.fingerprint == key.publicKey.fingerprint)
    #expect(result.signatureTrusted)
    #expect(ExportIntegrity.signatureFingerprint(of: signed) == key.publicKey.fingerprint)
    // Signing does not change the export digest: it is computed without the signature.
    #expect(signed.integrity?.exportDigest == sealed.integrity?.exportDigest)
    let other = SigningKey(signer: "Kẻ khác").publicKey
    let wrongKey = ExportIntegrity.verify(exportData: data, trustedKey: other)
    #expect(!wrongKey.isIntact)
    #expect(
      wrongKey.problems == [
        .untrustedKey(fingerprint: key.publicKey.fingerprint, signer: "Nguyễn Văn An", expected: [other])
      ])
    #expect(wrongKey.problems.first?.description.contains("which is not an expected key") == true)
  }

  @Test("a signature moved to another export, or re-signed by a swapped key claim, fails")
  func forgedSignature() throws {
    let (sealed, _) = try sealedExport()
    let key = SigningKey(signer: "Nguyễn Văn An")
    let signed = try ExportIntegrity.sign(sealed, with: key, at: Sample.start)
    // Another key claims the same signer name: the signature does not verify under the leader's key.
    let impostor = SigningKey(signer: "Nguyễn Văn An")
    var forged = try ExportIntegrity.sign(sealed, with: impostor, at: Sample.start)
    #expect(!ExportIntegrity.verify(exportData: try forged.jsonData(), trustedKey: key.publicKey).isIntact)
    // The leader's signature value with the impostor's key claim: invalid.
    forged.integrity?.signature?.value = signed.integrity?.signature?.value ?? ""
    #expect(!ExportIntegrity.verify(exportData: try forged.jsonData()).isIntact)
  }

  @Test("the chain head must match the log the export is checked against")
  func chainHeadAgainstLog() throws {
    let (sealed, log) = try sealedExport()
    let data = try sealed.jsonData()
    // The log cut short by its last line: intact as a chain, but not the head the export recorded.
    let lines = log.split(separator: UInt8(ascii: "\n"))
    let shorter = lines.dropLast().reduce(Data()) { $0 + $1 + Data("\n".utf8) }
    #expect(LogChain.verify(shorter).problems.isEmpty)
    let result = ExportIntegrity.verify(exportData: data, log: shorter)
    #expect(
      result.problems.first
        == .chainHeadMismatch(stored: sealed.integrity?.chainHead ?? "", log: LogChain.head(of: shorter)))
    #expect(result.problems.first?.description.contains("chainHead") == true)
  }

  @Test("flipping bits of any byte of a signed export is detected or the export refused")
  func byteFlipsOfAnExport() throws {
    let (sealed, _) = try sealedExport()
    let key = SigningKey(signer: "Nguyễn Văn An")
    let data = try ExportIntegrity.sign(sealed, with: key, at: Sample.start).jsonData()
    var refusedCount = 0
    let result = LogChainTests.flipEveryByte(of: data, masks: [0x01]) { copy in
      let verification = ExportIntegrity.verify(exportData: copy, trustedKey: key.publicKey)
      let refused = verification.auditID == nil
      if refused { refusedCount += 1 }
      return (verification.isIntact, refused)
    }
    #expect(result.missed.isEmpty, "undetected flips at bytes \(result.missed.prefix(20))")
    if let first = result.missed.first {
      print(
        "MISSED REGION:",
        String(decoding: data[max(0, first - 120)..<min(data.count, first + 80)], as: UTF8.self))
    }
    print(
      "byte flips of a \(data.count)-byte signed export: \(result.flips) flips, \(result.detected) detected, "
        + "\(result.refused) refused, \(result.missed.count) missed")
  }

  @Test("the inspection record of a signed export shows the signer, the time and the key's fingerprint")
  func recordShowsTheFingerprint() throws {
    let (export, _) = try sealedExport()
    let key = SigningKey(signer: "Nguyễn Văn An", createdAt: Sample.start)
    let signed = try ExportIntegrity.sign(export, with: key, at: Sample.start)
    let fingerprint = try #require(ExportIntegrity.signatureFingerprint(of: signed))
    #expect(fingerprint == key.publicKey.fingerprint)
    let authenticity = ExportIntegrity.authenticity(of: signed, trustedKeys: [key.publicKey])
    guard case .signed(_, fingerprint, _, true) = authenticity else {
      Issue.record("a signed export's authenticity is \(authenticity)")
      return
    }
    let record = InspectionRecord(export: signed, authenticity: authenticity)
    let html = record.html(language: .vi)
    #expect(html.contains("Chữ ký số (ed25519): Nguyễn Văn An"))
    #expect(html.contains("dấu vân tay khóa \(fingerprint)"))
    #expect(record.markdown(language: .en).contains("key fingerprint \(fingerprint)"))
    // An unsigned export's record has no signature line.
    #expect(!InspectionRecord(export: export).html(language: .vi).contains("Chữ ký số"))
  }
}
