import Crypto
import Foundation
import KyCuong

/// A team leader's public key: what `verify --key` checks a signature against.
public struct PublicSigningKey: Hashable, Sendable {
  /// The signer's name stored with the key.
  public var signer: String
  /// When the key was made.
  public var createdAt: Date
  /// The 32 raw bytes.
  public var rawRepresentation: Data

  init(signer: String, createdAt: Date, key: Curve25519.Signing.PublicKey) {
    self.signer = signer
    self.createdAt = createdAt
    self.rawRepresentation = key.rawRepresentation
  }

  /// A key from its 32 raw bytes (as in a signature's `publicKey`).
  ///
  /// - Throws: ``KeyError/malformed(path:reason:)`` unless they are 32 bytes of an Ed25519 key.
  public init(signer: String, createdAt: Date, rawRepresentation: Data) throws(KeyError) {
    do {
      _ = try Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
    } catch {
      throw .malformed(path: "", reason: "not a 32-byte Ed25519 public key")
    }
    self.signer = signer
    self.createdAt = createdAt
    self.rawRepresentation = rawRepresentation
  }

  /// The key's fingerprint: the first 16 hex digits of the SHA-256 of its 32 raw bytes, in groups of four
  /// (`3f9a 0c1d 77e2 9b40`). Shown by `verify` and in the printed record.
  public var fingerprint: String { Self.fingerprint(ofRawKey: rawRepresentation) }

  /// The fingerprint of a raw 32-byte public key (or of the base64 `publicKey` of a signature, decoded).
  public static func fingerprint(ofRawKey raw: Data) -> String {
    let hex = Array(Digest.hex(of: raw).prefix(16))
    return stride(from: 0, to: 16, by: 4).map { String(hex[$0..<$0 + 4]) }.joined(separator: " ")
  }

  /// Whether `signature` is this key's signature of `message`.
  public func isValidSignature(_ signature: Data, for message: Data) -> Bool {
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) else {
      return false
    }
    return key.isValidSignature(signature, for: message)
  }

  /// The key as a `.pub` file.
  public func fileData() throws(KeyError) -> Data {
    try KeyFile(
      format: KeyFile.formatID, type: "ed25519-public", signer: signer, createdAt: createdAt,
      key: rawRepresentation.base64EncodedString()
    ).encoded(path: "")
  }

  /// Reads a public key file (`.pub`).
  public static func read(from url: URL) throws(KeyError) -> PublicSigningKey {
    let file = try KeyFile.read(url, type: "ed25519-public")
    var key = try PublicSigningKey(
      signer: file.signer, createdAt: file.createdAt, rawRepresentation: try file.keyBytes(path: url.path))
    key.signer = file.signer
    return key
  }
}
