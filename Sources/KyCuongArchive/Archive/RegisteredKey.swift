import Foundation

/// A team leader's public key registered in the archive: who added it, since when, and its revocation.
///
/// A document signed with a key revoked at the time it arrives is refused; documents archived before the
/// revocation stay, and keep the trust they were given.
public struct RegisteredKey: Hashable, Sendable {
  /// The 32-byte Ed25519 key in base64.
  public var publicKey: String
  /// Its fingerprint (`3f9a 0c1d 77e2 9b40`).
  public var fingerprint: String
  /// The signer's name stored with the key.
  public var signer: String
  /// When the key was made, from its file.
  public var keyCreatedAt: Date?
  /// Who registered it.
  public var addedBy: String
  /// Since when it is registered.
  public var addedAt: Date
  /// When it was revoked, if it was.
  public var revokedAt: Date?
  /// Who revoked it.
  public var revokedBy: String?
  /// Why.
  public var revocationReason: String?
}

/// What registering a key did.
public enum KeyRegistration: Hashable, Sendable {
  /// The key is registered now.
  case registered(RegisteredKey)
  /// The key was registered already; nothing changed.
  case alreadyRegistered(RegisteredKey)

  /// The key as the archive holds it.
  public var key: RegisteredKey {
    switch self {
    case .registered(let key), .alreadyRegistered(let key): key
    }
  }
}
