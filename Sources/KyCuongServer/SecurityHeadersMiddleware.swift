import Foundation
import HTTPTypes
import Hummingbird

/// Headers every response carries: pages are not framed, types are not sniffed, no referrer leaves, and
/// nothing is cached (an audit's record is not left in a shared browser's cache).
struct SecurityHeadersMiddleware: RouterMiddleware {
  typealias Context = BasicRequestContext

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
    return response
  }
}
