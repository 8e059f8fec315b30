import Crypto
import Foundation
import RawStructuredFieldValues

/// The `Content-Digest` field of RFC 9530 with SHA-256: `sha-256=:<base64 of the body's digest>:`.
///
/// A signed request covers this field, and the field covers the body: the server recomputes the digest of
/// the bytes it received and refuses a request whose body is not the one that was signed.
public enum ContentDigest {
  /// The field's name.
  public static let fieldName = "content-digest"

  /// The field's value for `body`.
  public static func value(for body: some DataProtocol) -> String {
    "sha-256=:" + Data(SHA256.hash(data: body)).base64EncodedString() + ":"
  }

  /// Whether `field` (the request's `Content-Digest`) holds a SHA-256 digest and it is `body`'s.
  ///
  /// - Throws: ``RequestSignatureRefusal`` `.malformed` when the field is not a dictionary with a `sha-256` byte
  ///   sequence, `.digestMismatch` when the digest is another body's.
  public static func check(_ field: String, body: some DataProtocol) throws(RequestSignatureRefusal) {
    let members: OrderedMap<String, ItemOrInnerList>
    do {
      var parser = StructuredFieldValueParser(Array(field.utf8))
      members = try parser.parseDictionaryFieldValue()
    } catch {
      throw .malformed(field: fieldName, reason: "it is not a structured dictionary (RFC 8941)")
    }
    guard case .item(let item)? = members["sha-256"],
      case .undecodedByteSequence(let encoded) = item.rfc9651BareItem,
      let sent = Data(base64Encoded: encoded)
    else {
      throw .malformed(field: fieldName, reason: "it has no sha-256 byte sequence (`sha-256=:…:`)")
    }
    guard sent == Data(SHA256.hash(data: body)) else { throw .digestMismatch }
  }
}
