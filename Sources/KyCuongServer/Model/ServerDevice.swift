import Foundation
import KyCuongIntegrity

/// A device registered with the department server: its key, its team and its role.
public struct ServerDevice: Hashable, Sendable {
  /// The key id of its signed requests (``/KyCuongSync/MessageSignature/keyID(of:)``).
  public var keyID: String
  /// Its Ed25519 public key.
  public var publicKey: PublicSigningKey
  /// A name people recognise (`Laptop of Nguyễn Văn An`).
  public var name: String
  /// The team it works for; it sees and pushes only that team's audits.
  public var team: String
  /// What it may do.
  public var role: DeviceRole
  /// Who registered it, and when.
  public var addedBy: String
  /// When it was registered.
  public var addedAt: Date
  /// When it was revoked; a revoked device's requests are refused.
  public var revokedAt: Date?
}
