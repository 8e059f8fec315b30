import Foundation
import KyCuong

extension DepartmentArchive {
  /// The inspection record ("biên bản kiểm tra") of an archived audit, made from the stored document of its
  /// current state that proves the most, and stating what the archive proved of it when it arrived.
  ///
  /// Of the documents holding the audit's current state, a signature by a registered key proves the most,
  /// then any valid signature, a sealed export, a log, an unsealed export. The record's authenticity
  /// (``/KyCuong/InspectionRecord/authenticity``) comes from the stored verification: a signature whose key
  /// was registered when the document arrived is `keyTrusted: true` (a key revoked later does not change
  /// what was proven then).
  /// The stored bytes are hashed again first; bytes that no longer match their digest give a record that
  /// says so (``/KyCuong/InspectionRecord/Authenticity/failed(reasons:)``).
  ///
  /// - Parameters:
  ///   - id: The audit's id.
  ///   - number: The record's number (``/KyCuong/InspectionRecord/defaultNumber(auditID:)`` when `nil`).
  /// - Returns: The record, or `nil` when the archive does not hold the audit.
  /// - Throws: ``ArchiveError`` when the database fails, or the stored document no longer reads.
  public func inspectionRecord(
    of id: String, number: String? = nil
  ) async throws(ArchiveError)
    -> InspectionRecord?
  {
    guard let audit = try await audit(id),
      let current = audit.documents.first(where: { $0.sha256 == audit.currentDocument })
    else { return nil }
    let candidates = audit.documents.filter { $0.stateDigest == current.stateDigest }
    let best = candidates.max { Self.proof(of: $0) < Self.proof(of: $1) } ?? current
    guard let content = try await content(of: best.sha256) else { return nil }
    let export: AuditExport
    do {
      export = try ArchiveDocument.export(of: content)
    } catch {
      throw ArchiveError(
        .database, "the stored document \(best.sha256) of audit \(id) no longer reads: \(error)")
    }
    let authenticity: InspectionRecord.Authenticity
    if ArchiveDocument.sha256(of: content) != best.sha256 {
      authenticity = .failed(reasons: [
        "the archive's copy of \(best.fileName) no longer matches the digest it was stored under: it was "
          + "changed in the database (`kycuong archive verify`)"
      ])
    } else {
      switch best.seal {
      case .signed(let signature):
        authenticity = .signed(
          signer: signature.signer, fingerprint: signature.fingerprint, signedAt: signature.signedAt,
          keyTrusted: best.keyTrust == .registered)
      case .sealed: authenticity = .sealed
      case .unsealed, .chained, .unchained: authenticity = .unsealed
      }
    }
    return InspectionRecord(export: export, number: number, authenticity: authenticity)
  }

  /// How much a stored document proves, for choosing the one a record is made from; among equals, the
  /// first received.
  private static func proof(of document: StoredDocument) -> (Int, Int) {
    let rank: Int
    switch document.seal {
    case .signed: rank = document.keyTrust == .registered ? 5 : 4
    case .sealed: rank = 3
    case .chained: rank = 2
    case .unsealed: rank = 1
    case .unchained: rank = 0
    }
    return (rank, -document.importEntry)
  }
}
