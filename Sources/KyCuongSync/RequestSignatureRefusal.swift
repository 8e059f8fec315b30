import Foundation
import KyCuong

/// Why a signed request was refused: each case names the field or the rule, so that the device's owner
/// knows what to fix (its clock, its key's registration, the client).
public enum RequestSignatureRefusal: Error, Hashable, Sendable, CustomStringConvertible {
  /// A field the signature needs is missing.
  case missing(field: String)
  /// A field does not read.
  case malformed(field: String, reason: String)
  /// The signature does not cover a component the server requires.
  case uncovered(component: String)
  /// The signature names an algorithm other than Ed25519.
  case unsupportedAlgorithm(String)
  /// The signature was made too long before or after the server's time.
  case outsideWindow(created: Date, now: Date, window: TimeInterval)
  /// The signature says it has expired.
  case expired(Date)
  /// No registered device has the key id, or its key was revoked.
  case unknownKey(String)
  /// The signature is not the key's signature of the request.
  case badSignature(keyID: String)
  /// The body is not the one the `Content-Digest` was computed over.
  case digestMismatch
  /// The key and nonce were used already: a replayed request.
  case replayed(keyID: String, nonce: String)

  /// What went wrong and what to do.
  public var description: String {
    switch self {
    case .missing(let field):
      "the request has no \(field) field; requests to /api/v1 are signed (RFC 9421) by a registered device"
    case .malformed(let field, let reason): "the \(field) field does not read: \(reason)"
    case .uncovered(let component):
      "the signature does not cover \(component); it must cover \(MessageSignature.requiredComponents.joined(separator: " "))"
    case .unsupportedAlgorithm(let name): "the signature's algorithm is \(name); only ed25519 is accepted"
    case .outsideWindow(let created, let now, let window):
      "the signature was made at \(Self.time(created)), more than \(Int(window)) s from the server's time "
        + "\(Self.time(now)); check the device's clock"
    case .expired(let time): "the signature expired at \(Self.time(time))"
    case .unknownKey(let keyID):
      "no registered device has the key \(keyID) (or it was revoked); an admin registers it with "
        + "`kycuong server device add`"
    case .badSignature(let keyID): "the signature is not the key \(keyID)'s signature of this request"
    case .digestMismatch: "the body is not the one the Content-Digest field was computed over"
    case .replayed(let keyID, let nonce):
      "the key \(keyID) used the nonce \(nonce) already: a replayed request is refused"
    }
  }

  private static func time(_ date: Date) -> String {
    Timestamp.string(from: Timestamp.wholeSeconds(date))
  }
}
