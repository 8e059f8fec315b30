import Foundation
import KyCuong

/// Digests and signatures of exports (`integrity` in `kycuong.audit/1`).
///
/// The **export digest** is `sha256:` and the SHA-256 of the export's canonical JSON (``CanonicalJSON``) with
/// the members `exportDigest` and `signature` of `integrity` removed: the JSON value as read from the file,
/// so every field counts, including fields a later version adds. A signature is Ed25519 over the canonical
/// JSON of the signature record without its `value`: `{"algorithm":"ed25519","digest":"sha256:…",
/// "publicKey":"…","signedAt":"…","signer":"…"}` (``signedMessage(_:)``), so the signer's name and the time
/// are signed along with the digest.
public enum ExportIntegrity {
  /// `export` with `integrity` filled in: the chain head of `log`, the snapshot digest and the export digest.
  /// Any signature is dropped (it would no longer match).
  ///
  /// - Throws: ``IntegrityError`` when the log has no complete event or the export cannot be encoded.
  public static func seal(_ export: AuditExport, log: Data) throws(IntegrityError) -> AuditExport {
    guard let head = LogChain.head(of: log) else {
      throw IntegrityError(reason: "the audit's log has no complete event; nothing to seal")
    }
    var sealed = export
    sealed.integrity = AuditExport.Integrity(
      chainHead: head, snapshotDigest: snapshotDigest(of: export.checklist.snapshot))
    let exportDigest = try digest(of: sealed)
    sealed.integrity?.exportDigest = exportDigest
    return sealed
  }

  /// `export` (sealed) with the signature of `key`, made at `time`.
  ///
  /// - Throws: ``IntegrityError`` when the export is not sealed or signing fails.
  public static func sign(
    _ export: AuditExport, with key: SigningKey, at time: Date
  ) throws(IntegrityError)
    -> AuditExport
  {
    guard var integrity = export.integrity else {
      throw IntegrityError(reason: "the export has no `integrity` to sign; seal it with its log first")
    }
    integrity.signature = nil
    var signed = export
    signed.integrity = integrity
    let digest = try digest(of: signed)
    var signature = AuditExport.Signature(
      algorithm: "ed25519", publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
      signer: key.signer, signedAt: Timestamp.wholeSeconds(time), digest: digest, value: "")
    do {
      signature.value = try key.signature(for: signedMessage(signature)).base64EncodedString()
    } catch {
      throw IntegrityError(reason: error.description)
    }
    signed.integrity?.exportDigest = digest
    signed.integrity?.signature = signature
    return signed
  }

  /// The bytes a signature signs: the canonical JSON of its record without `value`.
  public static func signedMessage(_ signature: AuditExport.Signature) -> Data {
    let record = JSONValue.object([
      ("algorithm", .string(signature.algorithm)), ("digest", .string(signature.digest)),
      ("publicKey", .string(signature.publicKey)),
      ("signedAt", .string(Timestamp.string(from: signature.signedAt))),
      ("signer", .string(signature.signer)),
    ])
    // Five distinct keys with string values: always has a canonical form.
    return (try? CanonicalJSON.data(record)) ?? Data()
  }

  /// The export digest of `export` (see the type's documentation).
  public static func digest(of export: AuditExport) throws(IntegrityError) -> String {
    let data: Data
    do {
      data = try export.jsonData()
    } catch {
      throw IntegrityError(reason: "the export cannot be encoded: \(error.localizedDescription)")
    }
    return try digest(ofExportJSON: data)
  }

  /// The export digest of an export file's bytes.
  ///
  /// - Throws: ``IntegrityError`` when they are not JSON, or a key occurs twice in an object.
  public static func digest(ofExportJSON data: Data) throws(IntegrityError) -> String {
    let value: JSONValue
    do {
      value = try JSONReader.parse(data)
    } catch {
      throw IntegrityError(reason: "not JSON: \(error.description)")
    }
    guard case .object(var members) = value else { throw IntegrityError(reason: "not a JSON object") }
    if let index = members.firstIndex(where: { $0.key == "integrity" }),
      case .object(let inner) = members[index].value
    {
      members[index].value = .object(inner.filter { $0.key != "exportDigest" && $0.key != "signature" })
    }
    do {
      return Digest.labelled(try CanonicalJSON.data(.object(members)))
    } catch {
      throw IntegrityError(reason: error.description)
    }
  }

  /// `sha256:` and the SHA-256 of `checklist`'s canonical JSON (sorted keys, no spaces, no escaped slashes),
  /// computed with swift-crypto; equal to ``AuditExport/digest(of:)``.
  public static func snapshotDigest(of checklist: Checklist) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Digest.labelled((try? encoder.encode(checklist)) ?? Data())
  }

  /// The fingerprint of the key that signed `export`, for the printed record (``PublicSigningKey/fingerprint``),
  /// or `nil` when it is not signed or the key is malformed.
  public static func signatureFingerprint(of export: AuditExport) -> String? {
    guard let signature = export.integrity?.signature, let raw = Data(base64Encoded: signature.publicKey),
      raw.count == 32
    else { return nil }
    return PublicSigningKey.fingerprint(ofRawKey: raw)
  }

  /// Checks an export file: that it reads, its snapshot digest, its export digest, its signature (against
  /// `trustedKey` when given), and, when `log` is given, that its chain head and content match the log.
  public static func verify(
    exportData data: Data, log: Data? = nil, trustedKey: PublicSigningKey? = nil
  )
    -> ExportVerification
  {
    var result = ExportVerification()
    func fail(_ text: String) { result.problems.append(text) }
    let export: AuditExport
    do {
      export = try AuditExport.read(data)
    } catch {
      fail(error.description)
      return result
    }
    result.auditID = export.audit.id
    let snapshot = snapshotDigest(of: export.checklist.snapshot)
    if export.checklist.digest != snapshot {
      fail("checklist.digest does not match the snapshot: the snapshot or its digest was changed")
    }
    guard let integrity = export.integrity else {
      result.sealed = false
      if trustedKey != nil { fail("the export is not signed (it has no `integrity`)") }
      if let log { compare(export, withLog: log, into: &result) }
      return result
    }
    result.sealed = true
    result.chainHead = integrity.chainHead
    if integrity.snapshotDigest != snapshot {
      fail("integrity.snapshotDigest does not match the snapshot: the snapshot or the digest was changed")
    }
    let computed: String
    do {
      computed = try digest(ofExportJSON: data)
    } catch {
      fail(error.description)
      return result
    }
    result.exportDigest = computed
    if let stored = integrity.exportDigest, stored != computed {
      fail("integrity.exportDigest does not match the content: the export was changed after it was sealed")
    } else if integrity.exportDigest == nil {
      fail("integrity.exportDigest is missing")
    }
    if let signature = integrity.signature {
      checkSignature(signature, digest: computed, trustedKey: trustedKey, into: &result)
    } else if trustedKey != nil {
      fail("the export is not signed; --key needs a signed export (`finish --sign`)")
    }
    if let log {
      let chain = LogChain.verify(log)
      if chain.head != integrity.chainHead {
        fail(
          "integrity.chainHead \(integrity.chainHead) is not the head of the log (\(chain.head ?? "no event")): "
            + "the log or the export was changed, or they are of different audits")
      }
      compare(export, withLog: log, into: &result)
    }
    return result
  }

  private static func checkSignature(
    _ signature: AuditExport.Signature, digest: String, trustedKey: PublicSigningKey?,
    into result: inout ExportVerification
  ) {
    guard signature.algorithm == "ed25519" else {
      result.problems.append("unknown signature algorithm \"\(signature.algorithm)\"")
      return
    }
    guard let raw = Data(base64Encoded: signature.publicKey), raw.count == 32,
      let key = try? PublicSigningKey(
        signer: signature.signer, createdAt: signature.signedAt, rawRepresentation: raw)
    else {
      result.problems.append("integrity.signature.publicKey is not a 32-byte Ed25519 key in base64")
      return
    }
    result.signer = signature.signer
    result.signedAt = signature.signedAt
    result.fingerprint = key.fingerprint
    if signature.digest != digest {
      result.problems.append(
        "the signed digest is not the export's digest: the export was changed after signing")
    }
    guard let value = Data(base64Encoded: signature.value),
      key.isValidSignature(value, for: signedMessage(signature))
    else {
      result.problems.append("the signature is not valid for its digest and key")
      return
    }
    if let trustedKey {
      if trustedKey.rawRepresentation != raw {
        result.problems.append(
          "signed with key \(key.fingerprint), not with the given key \(trustedKey.fingerprint) "
            + "(\(trustedKey.signer))")
      } else {
        result.signatureTrusted = true
      }
    }
    result.signatureValid = result.problems.isEmpty
  }

  private static func compare(_ export: AuditExport, withLog log: Data, into result: inout ExportVerification)
  {
    do {
      let rebuilt = try EventLog.audit(from: log).audit
      var fromLog = AuditExport(rebuilt)
      fromLog.integrity = export.integrity
      if fromLog != export {
        result.problems.append(
          "the export's content differs from what its log gives: one of them was changed")
      }
    } catch {
      result.problems.append("the log does not replay: \(error.description)")
    }
  }
}

/// What ``ExportIntegrity/verify(exportData:log:trustedKey:)`` found.
public struct ExportVerification: Hashable, Sendable {
  /// The audit's id, when the export could be read.
  public var auditID: String?
  /// Whether the export has an `integrity` field.
  public var sealed = false
  /// Its chain head.
  public var chainHead: String?
  /// The export digest computed from the file.
  public var exportDigest: String?
  /// Who signed, when signed.
  public var signer: String?
  /// When it was signed.
  public var signedAt: Date?
  /// The fingerprint of the signing key.
  public var fingerprint: String?
  /// Whether the signature is valid for the digest and the key it names.
  public var signatureValid = false
  /// Whether the signing key is the trusted key given to the check.
  public var signatureTrusted = false
  /// Every problem; empty when everything checked matches.
  public var problems: [String] = []

  /// Whether nothing failed.
  public var isIntact: Bool { problems.isEmpty }
}

/// Sealing, signing or checking failed; the reason says what to fix.
public struct IntegrityError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Why.
  public var reason: String
  /// Creates the error.
  public init(reason: String) { self.reason = reason }
  /// The reason.
  public var description: String { reason }
}
