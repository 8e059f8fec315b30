import Crypto
import Foundation

/// SHA-256 as KyCuong writes it: 64 lowercase hex digits, or `sha256:` and those digits.
public enum Digest {
  /// The hex SHA-256 of `data`.
  public static func hex(of data: some DataProtocol) -> String {
    SHA256.hash(data: data).map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }

  /// `sha256:` and the hex SHA-256 of `data`.
  public static func labelled(_ data: some DataProtocol) -> String { "sha256:" + hex(of: data) }

  /// The SHA-256 of no bytes: the `prev` of a log's first event.
  public static let empty = hex(of: Data())

  /// Whether `text` is 64 lowercase hex digits.
  public static func isHex(_ text: String) -> Bool {
    text.utf8.count == 64
      && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }
}
