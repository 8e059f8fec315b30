import Foundation
import KyCuongIntegrity
import KyCuongSync

/// The web pages' session cookie and CSRF tokens: 32 random bytes each in base64url; the database keeps
/// only the SHA-256 of a session's token.
enum WebSession {
  /// The session cookie (HttpOnly, SameSite=Strict, path /).
  static let cookieName = "kycuong_session"
  /// The sign-in form's CSRF cookie, before there is a session (double submit).
  static let signInCookieName = "kycuong_signin"

  static func makeToken() -> String { MessageSignature.randomToken(bytes: 32) }

  static func sha256(_ token: String) -> String {
    Digest.hex(of: Data(token.utf8))
  }

  /// Whether two tokens are equal, in a time that does not depend on where they differ.
  static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count, !x.isEmpty else { return false }
    return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }
}
