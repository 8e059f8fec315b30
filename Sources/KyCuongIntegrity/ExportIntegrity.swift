import Foundation
import KyCuong

/// Digests and signatures of exports (`integrity` in `kycuong.audit/1.x`).
///
/// The **export digest** is `sha256:` and the SHA-256 of the export's canonical JSON with the members
/// `exportDigest` and `signature` of `integrity` removed: the JSON value as read from the file, so every
/// field counts, including fields a later version adds. The canonical form is RFC 8785 (JCS) for exports of
/// `kycuong.audit/1.1` and later; exports of `kycuong.audit/1` keep the form they were sealed with.
///
/// A signature is Ed25519 over the canonical JSON of the signature record without its `value`:
/// `{"algorithm":"ed25519","digest":"sha256:…","publicKey":"…","signedAt":"…","signer":"…"}`
/// (``signedMessage(_:format:)``), so the signer's name and the time are signed along with the digest.
public enum ExportIntegrity {
  /// `export` with `integrity` filled in: the chain head of `log`, the snapshot digest and the export digest.
  /// Any signature is dropped (it would no longer match).
  ///
  /// - Parameters:
  ///   - export: The export of the audit `log` holds.
  ///   - log: The audit's event log, as it is on disk.
  /// - Returns: The sealed export.
  /// - Throws: ``IntegrityError`` when the log has no complete event or the export cannot be encoded.
  public static func seal(_ export: AuditExport, log: Data) throws(IntegrityError) -> AuditExport {
    guard let head = LogChain.head(of: log) else {
      throw IntegrityError(reason: "the audit's log has no complete event; nothing to seal")
    }
    return try seal(export, chainHead: head)
  }

  /// `export` with `integrity` filled in from a chain head already known (`AuditStore.chainHead(for:)` keeps
  /// the head of a log open for writing, so sealing reads nothing).
  ///
  /// - Parameters:
  ///   - export: The export of the audit whose log has `chainHead`.
  ///   - head: `sha256:` and the digest of the log's last line.
  ///   - devices: On a team audit, each device's log (``seal(_:deviceLogs:)``).
  /// - Returns: The sealed export.
  /// - Throws: ``IntegrityError`` when the export cannot be encoded.
  public static func seal(
    _ export: AuditExport, chainHead head: String, devices: [AuditExport.DeviceHead]? = nil
  ) throws(IntegrityError) -> AuditExport {
    var sealed = export
    sealed.integrity = AuditExport.Integrity(
      chainHead: head, snapshotDigest: snapshotDigest(of: export.checklist.snapshot, format: export.format),
      devices: devices)
    let exportDigest = try digest(of: sealed)
    sealed.integrity?.exportDigest = exportDigest
    return sealed
  }

  /// `export` (sealed) with the signature of `key`, made at `time`.
  ///
  /// - Parameters:
  ///   - export: A sealed export.
  ///   - key: The team leader's key.
  ///   - time: When it is signed.
  /// - Returns: The signed export.
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
      signature.value = try key.signature(for: signedMessage(signature, format: export.format))
        .base64EncodedString()
    } catch {
      throw IntegrityError(reason: error.description)
    }
    signed.integrity?.exportDigest = digest
    signed.integrity?.signature = signature
    return signed
  }

  /// The canonical form the digests of an export of `format` are computed in.
  static func canonicalForm(of format: String) -> CanonicalJSON.Form {
    format == "kycuong.audit/1" ? .version1 : .jcs
  }

  /// The bytes a signature signs: the canonical JSON of its record without `value`.
  ///
  /// - Parameters:
  ///   - signature: The signature record.
  ///   - format: The format of the export it signs.
  /// - Returns: The canonical JSON (RFC 8785, or the `kycuong.audit/1` form for an export of that format) of
  ///   the record's `algorithm`, `digest`, `publicKey`, `signedAt` and `signer`.
  public static func signedMessage(
    _ signature: AuditExport.Signature, format: String = AuditExport.formatID
  )
    -> Data
  {
    let record = JSONValue.object([
      ("algorithm", .string(signature.algorithm)), ("digest", .string(signature.digest)),
      ("publicKey", .string(signature.publicKey)),
      ("signedAt", .string(Timestamp.string(from: signature.signedAt))),
      ("signer", .string(signature.signer)),
    ])
    // Five distinct keys with string values: always has a canonical form.
    return (try? CanonicalJSON.data(record, form: canonicalForm(of: format))) ?? Data()
  }

  /// The export digest of `export` (see the type's documentation).
  ///
  /// - Parameter export: An export.
  /// - Returns: `sha256:` and the digest.
  /// - Throws: ``IntegrityError`` when it cannot be encoded.
  public static func digest(of export: AuditExport) throws(IntegrityError) -> String {
    // The digest is of the JSON value of the export's file. Encoded straight into a value, it needs no text
    // written and parsed back; where only JSONEncoder's text gives the value, it is written and parsed.
    if let value = try? JSONValueEncoder.encode(export) {
      return try digest(ofExportValue: value)
    }
    // The compact encoding is read back faster than the indented file.
    let data: Data
    do {
      data = try JSONCoding.encoder().encode(export)
    } catch {
      throw IntegrityError(reason: "the export cannot be encoded: \(error)")
    }
    return try digest(ofExportJSON: data)
  }

  /// The export digest of an export file's bytes.
  ///
  /// - Parameter data: The file's bytes.
  /// - Returns: `sha256:` and the digest.
  /// - Throws: ``IntegrityError`` when they are not JSON, or a key occurs twice in an object.
  public static func digest(ofExportJSON data: Data) throws(IntegrityError) -> String {
    let value: JSONValue
    do {
      value = try JSONReader.parse(data)
    } catch {
      throw IntegrityError(reason: "not JSON: \(error.description)")
    }
    return try digest(ofExportValue: value)
  }

  /// The export digest of an export file already parsed by the strict reader (``digest(ofExportJSON:)``
  /// without the parse).
  ///
  /// - Parameter value: The file's JSON value.
  /// - Returns: `sha256:` and the digest.
  /// - Throws: ``IntegrityError`` when it is not an object, or a key occurs twice in an object.
  package static func digest(ofExportValue value: JSONValue) throws(IntegrityError) -> String {
    guard case .object(var members) = value else { throw IntegrityError(reason: "not a JSON object") }
    let format: String = if case .string(let text)? = value["format"] { text } else { AuditExport.formatID }
    if let index = members.firstIndex(where: { $0.key == "integrity" }),
      case .object(let inner) = members[index].value
    {
      members[index].value = .object(inner.filter { $0.key != "exportDigest" && $0.key != "signature" })
    }
    do {
      return Digest.labelled(try CanonicalJSON.data(.object(members), form: canonicalForm(of: format)))
    } catch {
      throw IntegrityError(reason: error.description)
    }
  }

  /// `sha256:` and the SHA-256 of `checklist`'s canonical JSON as an export of `format` computes it, with
  /// swift-crypto; equal to ``/KyCuong/AuditExport/digest(of:format:)``.
  ///
  /// - Parameters:
  ///   - checklist: A checklist snapshot.
  ///   - format: The export's format.
  /// - Returns: `sha256:` and the hex digest of the snapshot's RFC 8785 JSON, or of its JSON encoding for a
  ///   `kycuong.audit/1` export.
  public static func snapshotDigest(of checklist: Checklist, format: String = AuditExport.formatID) -> String
  {
    if format == "kycuong.audit/1" {
      return Digest.labelled((try? JSONCoding.encoder().encode(checklist)) ?? Data())
    }
    return Digest.labelled((try? CanonicalJSON.data(checklist.jsonValue)) ?? Data())
  }

  /// The fingerprint of the key that signed `export`, for the printed record (``PublicSigningKey/fingerprint``),
  /// or `nil` when it is not signed or the key is malformed.
  ///
  /// - Parameter export: An export.
  /// - Returns: The signing key's fingerprint (`3f9a 0c1d 77e2 9b40`), or `nil` when the export has no
  ///   signature or its `publicKey` is not 32 bytes in base64.
  public static func signatureFingerprint(of export: AuditExport) -> String? {
    guard let signature = export.integrity?.signature, let raw = Data(base64Encoded: signature.publicKey),
      raw.count == 32
    else { return nil }
    return PublicSigningKey.fingerprint(ofRawKey: raw)
  }

  /// Checks an export file: that it reads, its snapshot digest, its export digest, its signature (against
  /// `trustedKeys` when any are given), and, when `log` is given, that its chain head and content match the log.
  ///
  /// With keys expected, an export that is not signed, or is signed by a key outside the set, or with a key
  /// of the set in another name than its owner's, fails; without, a valid signature is reported with
  /// ``ExportVerification/signatureTrusted`` false (nothing proves who made the key).
  ///
  /// - Parameters:
  ///   - data: The export file's bytes.
  ///   - log: The audit's event log, to check the export against.
  ///   - trustedKeys: The keys the export must be signed with; none by default.
  /// - Returns: What was found.
  public static func verify(
    exportData data: Data, log: Data? = nil, trustedKeys: TrustedKeys = TrustedKeys()
  )
    -> ExportVerification
  {
    readAndVerify(exportData: data, log: log, trustedKeys: trustedKeys).verification
  }

  /// The export `data` holds, as ``/KyCuong/AuditExport/init(data:)`` reads it, and what
  /// ``verify(exportData:log:trustedKeys:)`` finds of it, from one parse of the bytes: the export digest is
  /// computed from the value the reading parsed.
  ///
  /// - Parameters:
  ///   - data: The export file's bytes.
  ///   - log: The audit's event log, to check the export against.
  ///   - deviceLogs: For a team audit (when `log` is `nil`), every device's log.
  ///   - trustedKeys: The keys the export must be signed with; none by default.
  /// - Returns: The export or the reason it is refused, and the verification.
  package static func readAndVerify(
    exportData data: Data, log: Data? = nil, deviceLogs: [Data] = [], trustedKeys: TrustedKeys = TrustedKeys()
  )
    -> (export: Result<AuditExport, ExportError>, verification: ExportVerification)
  {
    var result = ExportVerification()
    func fail(_ problem: ExportVerification.Problem) { result.problems.append(problem) }
    let document: JSONReader.Document
    let export: AuditExport
    do {
      document = try AuditExport.parsed(data)
      export = try AuditExport.read(document, data: data)
    } catch {
      fail(.unreadable(error))
      return (.failure(error), result)
    }
    return (
      .success(export),
      verify(
        export, document: document, logs: log.map { [$0] } ?? deviceLogs, trustedKeys: trustedKeys,
        into: result)
    )
  }

  private static func verify(
    _ export: AuditExport, document: JSONReader.Document, logs: [Data], trustedKeys: TrustedKeys,
    into found: ExportVerification
  ) -> ExportVerification {
    let isTeam = logs.count > 1 || export.integrity?.devices != nil
    let log = isTeam ? nil : logs.first
    var result = found
    func fail(_ problem: ExportVerification.Problem) { result.problems.append(problem) }
    result.auditID = export.audit.id
    let snapshot = snapshotDigest(of: export.checklist.snapshot, format: export.format)
    if export.checklist.digest != snapshot { fail(.checklistDigestMismatch) }
    guard let integrity = export.integrity else {
      result.sealed = false
      if !trustedKeys.isEmpty { fail(.notSealed) }
      if let log {
        let (chain, audit) = LogChain.verifyAndReplay(log)
        result.logChain = chain
        compare(export, with: audit, chain: chain, into: &result)
      } else if isTeam, !logs.isEmpty, let team = checkTeam(logs, pinned: nil, into: &result) {
        compare(export, with: team.audit, chain: team.leaderChain, into: &result)
      }
      return result
    }
    result.sealed = true
    result.chainHead = integrity.chainHead
    if integrity.snapshotDigest != snapshot { fail(.snapshotDigestMismatch) }
    let computed: String
    do {
      computed = try digest(ofExportValue: document.value)
    } catch {
      fail(.digestFailed(error.description))
      return result
    }
    result.exportDigest = computed
    if let stored = integrity.exportDigest, stored != computed {
      fail(.exportDigestMismatch)
    } else if integrity.exportDigest == nil {
      fail(.exportDigestMissing)
    }
    if let signature = integrity.signature {
      checkSignature(
        signature, digest: computed, format: export.format, trustedKeys: trustedKeys, into: &result)
    } else if !trustedKeys.isEmpty {
      fail(.notSigned)
    }
    if let log {
      // One pass over the log: its chain, its head, and the audit it replays into.
      let (chain, audit) = LogChain.verifyAndReplay(log)
      result.logChain = chain
      if chain.head != integrity.chainHead {
        fail(.chainHeadMismatch(stored: integrity.chainHead, log: chain.head))
      }
      compare(export, with: audit, chain: chain, into: &result)
    } else if isTeam, !logs.isEmpty, let team = checkTeam(logs, pinned: integrity, into: &result) {
      compare(export, with: team.audit, chain: team.leaderChain, into: &result)
    }
    return result
  }

  /// Checks an export file against one expected key (see ``verify(exportData:log:trustedKeys:)``).
  ///
  /// - Parameters:
  ///   - data: The export file's bytes.
  ///   - log: The audit's event log, to check the export against.
  ///   - trustedKey: The key the export must be signed with, if any.
  /// - Returns: What was found.
  public static func verify(
    exportData data: Data, log: Data? = nil, trustedKey: PublicSigningKey?
  )
    -> ExportVerification
  {
    verify(exportData: data, log: log, trustedKeys: TrustedKeys(trustedKey.map { [$0] } ?? []))
  }

  private static func checkSignature(
    _ signature: AuditExport.Signature, digest: String, format: String, trustedKeys: TrustedKeys,
    into result: inout ExportVerification
  ) {
    guard signature.algorithm == "ed25519" else {
      result.problems.append(.unknownAlgorithm(signature.algorithm))
      return
    }
    guard let raw = Data(base64Encoded: signature.publicKey), raw.count == 32,
      let key = try? PublicSigningKey(
        signer: signature.signer, createdAt: signature.signedAt, rawRepresentation: raw)
    else {
      result.problems.append(.malformedPublicKey)
      return
    }
    result.signer = signature.signer
    result.signedAt = signature.signedAt
    result.fingerprint = key.fingerprint
    if signature.digest != digest { result.problems.append(.signedDigestMismatch) }
    guard let value = Data(base64Encoded: signature.value),
      key.isValidSignature(value, for: signedMessage(signature, format: format))
    else {
      result.problems.append(.invalidSignature)
      return
    }
    result.signatureValid = result.problems.isEmpty
    switch trustedKeys.standing(ofRawKey: raw, signer: signature.signer) {
    case .noKeysExpected: break
    case .trusted: result.signatureTrusted = result.signatureValid
    case .otherName(let owner):
      result.problems.append(
        .keyOfAnotherSigner(fingerprint: key.fingerprint, signer: signature.signer, owner: owner.signer))
    case .untrusted(let sameName):
      result.problems.append(
        .untrustedKey(
          fingerprint: key.fingerprint, signer: signature.signer,
          expected: sameName.isEmpty ? trustedKeys.keys : sameName))
    }
  }

  private static func compare(
    _ export: AuditExport, with rebuilt: Audit?, chain: LogVerification?,
    into result: inout ExportVerification
  ) {
    guard let rebuilt else {
      let error = (chain?.problems ?? []).lazy.compactMap { problem -> AuditError? in
        if case .doesNotReplay(let error) = problem.kind { return error }
        return nil
      }.first
      result.problems.append(.logDoesNotReplay(error ?? .emptyLog))
      return
    }
    var fromLog = AuditExport(rebuilt)
    fromLog.integrity = export.integrity
    // An export of an earlier format has that format's digest; compare the content, not the label.
    fromLog.format = export.format
    fromLog.checklist.digest = export.checklist.digest
    if fromLog != export { result.problems.append(.differsFromLog) }
  }
}

extension ExportIntegrity {
  /// What a record made from the export file `data` may say of it (``/KyCuong/InspectionRecord/Authenticity``): its
  /// digests and signature checked, and the signing key compared with `trustedKeys` (the leaders' registered
  /// keys; empty when none are known, and then a valid signature is shown as by an unchecked key).
  ///
  /// - Parameters:
  ///   - data: The export file's bytes.
  ///   - trustedKeys: The keys expected to have signed it.
  /// - Returns: What the record states.
  public static func authenticity(
    ofExportJSON data: Data, trustedKeys: TrustedKeys = TrustedKeys()
  )
    -> InspectionRecord.Authenticity
  {
    // An unsigned export is what it is whatever keys are expected: the record says "not signed", and a
    // signature by another key than those expected is a failure.
    let result = verify(exportData: data)
    if !result.problems.isEmpty { return .failed(reasons: result.problems.map(\.description)) }
    guard result.sealed else { return .unsealed }
    guard let signer = result.signer, let fingerprint = result.fingerprint, let signedAt = result.signedAt
    else {
      return .sealed
    }
    if trustedKeys.isEmpty {
      return .signed(signer: signer, fingerprint: fingerprint, signedAt: signedAt, keyTrusted: false)
    }
    let checked = verify(exportData: data, trustedKeys: trustedKeys)
    if !checked.problems.isEmpty { return .failed(reasons: checked.problems.map(\.description)) }
    return .signed(signer: signer, fingerprint: fingerprint, signedAt: signedAt, keyTrusted: true)
  }

  /// The authenticity of an export made in memory from its log (`seal`/`sign` just now).
  ///
  /// - Parameters:
  ///   - export: The export.
  ///   - trustedKeys: The keys expected to have signed it.
  /// - Returns: What the record states, as ``authenticity(ofExportJSON:trustedKeys:)`` finds it in the
  ///   export's JSON, or ``/KyCuong/InspectionRecord/Authenticity/failed(reasons:)`` when the export cannot be
  ///   encoded.
  public static func authenticity(
    of export: AuditExport, trustedKeys: TrustedKeys = TrustedKeys()
  )
    -> InspectionRecord.Authenticity
  {
    guard let data = try? export.jsonData() else { return .failed(reasons: ["the export cannot be encoded"]) }
    return authenticity(ofExportJSON: data, trustedKeys: trustedKeys)
  }
}
