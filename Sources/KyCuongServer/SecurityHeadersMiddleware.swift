import Foundation
import HTTPTypes
import Hummingbird

/// Headers every response carries: pages are not framed, types are not sniffed, no referrer leaves, and
/// nothing is cached (an audit's record is not left in a shared browser's cache). Over TLS, browsers are
/// told to come back only over TLS (HSTS, a year).
struct SecurityHeadersMiddleware: RouterMiddleware {
  typealias Context = BasicRequestContext

  /// Whether responses carry `Strict-Transport-Security` (only when the server itself serves TLS: over
  /// plain HTTP the header is meaningless, and behind a proxy the proxy decides).
  var strictTransportSecurity: Bool

  /// The fields and their values (the names are valid tokens, so none is dropped).
  static let headers: [(HTTPField.Name, String)] = [
    ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
  ].compactMap { name, value in HTTPField.Name(name).map { ($0, value) } }

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var response = try await next(request, context)
    for (name, value) in Self.headers { response.headers[name] = value }
    if strictTransportSecurity, let name = HTTPField.Name("Strict-Transport-Security") {
      response.headers[name] = "max-age=31536000"
    }
    return response
  }
}
