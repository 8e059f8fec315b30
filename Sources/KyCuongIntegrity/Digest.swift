import Crypto
import Foundation

/// SHA-256 as KyCuong writes it: 64 lowercase hex digits, or `sha256:` and those digits.
public enum Digest {
  /// The hex SHA-256 of `data`.
  public static func hex(of data: some DataProtocol) -> String {
    hex(digest: SHA256.hash(data: data))
  }

  /// `bytes` (a digest) as lowercase hex digits.
  static func hex(digest bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
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
