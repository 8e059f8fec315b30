import Foundation

/// That the record was signed, by whom, when, and with which key if digitally: a signed audit is closed for
/// good (it cannot be reopened).
public struct Signing: Hashable, Sendable, Codable {
  /// Who signed for the team (the leader, as a rule).
  public var signer: String
  /// The fingerprint of the Ed25519 key of a digital signature, if the export was signed too.
  public var keyFingerprint: String?
  /// Who recorded the signing.
  public var by: String
  /// When.
  public var at: Date

  /// Creates a signing record.
  ///
  /// - Parameters:
  ///   - signer: Who signed.
  ///   - keyFingerprint: The key's fingerprint, for a digital signature.
  ///   - by: Who recorded it.
  ///   - at: When.
  public init(signer: String, keyFingerprint: String?, by: String, at: Date) {
    self.signer = signer
    self.keyFingerprint = keyFingerprint
    self.by = by
    self.at = at
  }
}
