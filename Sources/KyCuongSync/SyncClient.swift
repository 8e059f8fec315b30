import Foundation
import KyCuongIntegrity

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A device's side of the API: each request signed with the device's key (``MessageSignature``), retried
/// after a dropped connection with a fresh signature (a push is idempotent on the server: the same bytes
/// are archived once, and the retry learns it).
public struct SyncClient: Sendable {
  /// The server's base URL (`http://127.0.0.1:8080`).
  public var server: URL
  /// The device's key.
  public var key: SigningKey
  /// How many times a request is sent when the connection fails before an answer.
  public var attempts: Int

  /// A client of `server` signing with `key`.
  public init(server: URL, key: SigningKey, attempts: Int = 5) {
    self.server = server
    self.key = key
    self.attempts = max(1, attempts)
  }

  /// Pushes an export or a bundle.
  ///
  /// - Throws: ``SyncError``: the server's problem, or the connection's failure after every attempt.
  public func push(_ document: Data) async throws(SyncError) -> PushReceipt {
    try await send("POST", "/api/v1/audits", body: document, contentType: Self.contentType(of: document))
  }

  /// The device's team's audits, newest first.
  public func audits() async throws(SyncError) -> [ServerAudit] {
    try await send("GET", "/api/v1/audits")
  }

  /// One of the team's audits with its review.
  public func audit(_ id: String) async throws(SyncError) -> ServerAudit {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return try await send(
      "GET", "/api/v1/audits/" + (id.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""))
  }

  static func contentType(of document: Data) -> String {
    document.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? "application/zip" : "application/json"
  }

  private func send<Answer: Decodable>(
    _ method: String, _ target: String, body: Data = Data(), contentType: String? = nil
  ) async throws(SyncError) -> Answer {
    guard let url = URL(string: target, relativeTo: server) else {
      throw .connection("\(server)\(target) is not a URL")
    }
    var lastFailure = ""
    for attempt in 1...attempts {
      var request = URLRequest(url: url)
      request.httpMethod = method
      let fields: [(name: String, value: String)]
      do {
        fields = try MessageSignature.sign(
          SignedRequest(method: method, target: target, body: body), with: key)
      } catch {
        throw .connection("the key cannot sign: \(error)")
      }
      for field in fields { request.setValue(field.value, forHTTPHeaderField: field.name) }
      if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
      if method != "GET" { request.httpBody = body }
      let data: Data
      let response: URLResponse
      do {
        (data, response) = try await URLSession.shared.data(for: request)
      } catch {
        lastFailure = "\(error.localizedDescription)"
        if attempt < attempts {
          try? await Task.sleep(nanoseconds: UInt64(200_000_000) << min(attempt - 1, 4))
        }
        continue
      }
      let status = (response as? HTTPURLResponse)?.statusCode ?? 0
      let decoder = JSONDecoder()
      decoder.dateDecodingStrategy = .iso8601
      guard (200..<300).contains(status) else {
        if let problem = try? decoder.decode(APIProblem.self, from: data) { throw .refused(problem) }
        throw .refused(
          APIProblem(status: status, title: "http", detail: String(decoding: data.prefix(500), as: UTF8.self))
        )
      }
      do {
        return try decoder.decode(Answer.self, from: data)
      } catch {
        throw .connection("the server's answer does not read: \(error)")
      }
    }
    throw .connection("no answer from \(server) after \(attempts) attempts: \(lastFailure)")
  }
}

/// A request to the server failed.
public enum SyncError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The server refused it, and said why.
  case refused(APIProblem)
  /// No answer came (the server is down, the network is gone), or it did not read.
  case connection(String)

  /// What happened.
  public var description: String {
    switch self {
    case .refused(let problem): "the server refused: \(problem)"
    case .connection(let reason): reason
    }
  }
}
