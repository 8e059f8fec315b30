import Crypto
import Foundation

/// SHA-256 fed piece by piece, at the speed of swift-crypto (BoringSSL's assembly on Linux): for files too
/// large to hold in memory, such as attachments copied into the store or re-hashed in a bundle.
public struct StreamingDigest {
  private var hasher = SHA256()

  /// A digest of no bytes yet.
  public init() {}

  /// Adds `bytes`.
  ///
  /// - Parameter bytes: The next bytes.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    hasher.update(bufferPointer: bytes)
  }

  /// The digest of everything added, as 64 lowercase hex digits.
  ///
  /// - Returns: The hex digest.
  public func finalizeHex() -> String {
    hasher.finalize().map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }
}
