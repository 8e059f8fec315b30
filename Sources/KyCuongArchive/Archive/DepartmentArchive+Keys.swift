import Foundation
import SQLKit

extension DepartmentArchive {
  /// Registers a team leader's public key (a `.pub` file from `kycuong key generate`).
  ///
  /// - Parameters:
  ///   - url: The public key file.
  ///   - addedBy: Who registers it.
  ///   - time: Since when.
  /// - Returns: The key as registered now, or as it was registered already (unchanged).
  /// - Throws: ``ArchiveError`` with code ``ArchiveError/Code/key`` when the file is not a public key.
  @discardableResult
  public func registerKey(
    file url: URL, addedBy: String, at time: Date = Date()
  ) async throws(ArchiveError) -> KeyRegistration {
    let file = try ArchiveDocument.readKeyFile(url)
    let row = KeyRow(
      publicKey: file.publicKey, fingerprint: file.fingerprint, signer: file.signer,
      keyCreatedAt: ArchiveTime.string(file.createdAt), addedBy: addedBy, addedAt: ArchiveTime.string(time),
      revokedAt: nil, revokedBy: nil, revocationReason: nil)
    return try await withConnection("registering the key \(file.fingerprint)") { connection in
      try await connection.writeTransaction { db in
        if let existing = try await db.select().column("*").from("signing_keys")
          .where("public_key", .equal, row.publicKey).first(KeyRow.self)
        {
          return .alreadyRegistered(existing.key)
        }
        try await db.insert(into: "signing_keys").rows([row]).run()
        return .registered(row.key)
      }
    }
  }

  /// Revokes the key with `fingerprint` (as `keys list` shows it, spaces optional): documents signed with
  /// it are refused from now on; those archived before stay.
  ///
  /// - Parameters:
  ///   - fingerprint: The key's fingerprint.
  ///   - person: Who revokes it.
  ///   - reason: Why.
  ///   - time: When.
  /// - Returns: The key as revoked.
  /// - Throws: ``ArchiveError`` with code ``ArchiveError/Code/key`` when no registered key has that
  ///   fingerprint, or when it is revoked already.
  @discardableResult
  public func revokeKey(
    fingerprint: String, by person: String, reason: String, at time: Date = Date()
  ) async throws(ArchiveError) -> RegisteredKey {
    let wanted = fingerprint.filter { !$0.isWhitespace }.lowercased()
    let keys = try await self.keys()
    guard let key = keys.first(where: { $0.fingerprint.filter { !$0.isWhitespace } == wanted }) else {
      throw ArchiveError(.key, "no registered key has the fingerprint \(fingerprint); `keys list` shows them")
    }
    if let revokedAt = key.revokedAt {
      throw ArchiveError(
        .key,
        "the key \(key.fingerprint) of \(key.signer) was revoked already on \(ArchiveTime.string(revokedAt))")
    }
    try await withConnection("revoking the key \(key.fingerprint)") { connection in
      try await connection.writeTransaction { db in
        try await db.update("signing_keys")
          .set("revoked_at", to: ArchiveTime.string(time)).set("revoked_by", to: person)
          .set("revocation_reason", to: reason)
          .where("public_key", .equal, key.publicKey).run()
      }
    }
    var revoked = key
    revoked.revokedAt = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
    revoked.revokedBy = person
    revoked.revocationReason = reason
    return revoked
  }

  /// Every registered key, oldest first.
  ///
  /// - Returns: The keys.
  /// - Throws: ``ArchiveError`` when the database fails.
  public func keys() async throws(ArchiveError) -> [RegisteredKey] {
    try await withConnection("listing the keys") { connection in
      try await connection.sql.select().column("*").from("signing_keys").orderBy("added_at").orderBy(
        "public_key"
      )
      .all(KeyRow.self).map(\.key)
    }
  }
}
