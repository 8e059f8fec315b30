import AsyncHTTPClient
import Foundation
import KyCuong
import KyCuongIntegrity
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

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
    try await send("GET", "/api/v1/audits/" + Self.segment(id))
  }

  /// Pushes this device's log of a team audit (or another device's it relays): the server stores only what
  /// it did not have, and never replaces what it has.
  ///
  /// - Parameters:
  ///   - log: The log's exact bytes (the store's `AUDIT.jsonl`, or a copy of a device's).
  ///   - audit: The audit's id.
  ///   - device: The log's device: `leader`, or the member's device id.
  /// - Returns: What the server did with it, and the log as it holds it now.
  /// - Throws: ``SyncError``: the server's problem, or the connection's failure after every attempt.
  public func pushLog(
    _ log: Data, of audit: String, device: String
  ) async throws(SyncError) -> DeviceLogReceipt {
    try await send(
      "PUT", "/api/v1/audits/\(Self.segment(audit))/logs/\(Self.segment(device))", body: log,
      contentType: "application/jsonl")
  }

  /// The device logs of one of the team's audits on the server.
  public func deviceLogs(of audit: String) async throws(SyncError) -> [ServerDeviceLog] {
    try await send("GET", "/api/v1/audits/\(Self.segment(audit))/logs")
  }

  /// One device's log of a team audit, its exact bytes.
  public func deviceLog(of audit: String, device: String) async throws(SyncError) -> Data {
    try await exchange("GET", "/api/v1/audits/\(Self.segment(audit))/logs/\(Self.segment(device))")
  }

  /// Every checklist version the server publishes, newest publication first.
  public func publishedChecklists() async throws(SyncError) -> [PublishedChecklist] {
    try await send("GET", "/api/v1/checklists")
  }

  /// A published checklist version, read and checked against its entry (``PublishedChecklist/checklist(from:)``).
  ///
  /// - Parameter entry: The version, as ``publishedChecklists()`` lists it.
  /// - Returns: The file's exact bytes and the checklist they hold.
  /// - Throws: ``SyncError``: the server's problem, the connection's failure, or bytes that are not the
  ///   published file (``SyncError/connection(_:)`` naming the check that failed).
  public func pullChecklist(
    _ entry: PublishedChecklist
  ) async throws(SyncError) -> (data: Data, checklist: Checklist) {
    let data = try await exchange(
      "GET", "/api/v1/checklists/\(Self.segment(entry.checklistID))/\(Self.segment(entry.version))")
    do {
      return (data, try entry.checklist(from: data))
    } catch {
      throw .connection("the server's \(entry.checklistID) \(entry.version) is \(error)")
    }
  }

  /// `text` as one path segment: ids hold letters, digits and `-._~`; anything else is percent-encoded,
  /// so that no id reaches another path.
  static func segment(_ text: String) -> String {
    var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  static func contentType(of document: Data) -> String {
    document.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? "application/zip" : "application/json"
  }

  private func send<Answer: Decodable>(
    _ method: String, _ target: String, body: Data = Data(), contentType: String? = nil
  ) async throws(SyncError) -> Answer {
    let data = try await exchange(method, target, body: body, contentType: contentType)
    do {
      return try Self.decoder.decode(Answer.self, from: data)
    } catch {
      throw .connection("the server's answer does not read: \(error)")
    }
  }

  private static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }

  /// The largest answer read: a device's log of a long audit is the largest the API sends.
  static let largestAnswer = 1 << 30

  /// How long one attempt may take, from the connection to the last byte of the answer.
  static let attemptTimeout = TimeAmount.seconds(120)

  /// The HTTP client every request goes through: AsyncHTTPClient's browser-like settings, but a connection that
  /// cannot be made fails the attempt at once (in 10 s at most), as URLSession's did. AsyncHTTPClient would
  /// otherwise retry it until its connect timeout (90 s), and ``attempts`` times that kept `kycuong sync`
  /// waiting 7.5 minutes on a server that is down; the attempts and their back-off are this client's own.
  /// Made once per process on first use, never shut down (it lives as long as the process).
  static let http: HTTPClient = {
    var configuration = HTTPClient.Configuration.singletonConfiguration
    configuration.connectionPool.retryConnectionEstablishment = false
    configuration.timeout.connect = .seconds(10)
    return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
  }()

  /// The body of a 2xx answer to a signed request, after as many attempts as a failing connection takes.
  ///
  /// The requests go through ``http`` (AsyncHTTPClient, over the SwiftNIO the server links anyway), not
  /// Foundation's `URLSession`: on Linux that is FoundationNetworking over libcurl, whose 31 more shared
  /// libraries (TLS, Kerberos, LDAP, IDN…) the dynamic loader mapped and relocated at every start of
  /// `kycuong`, the REPL's included (issue 13). HTTPS trusts the system's store (`/etc/ssl/certs`), as
  /// libcurl did.
  private func exchange(
    _ method: String, _ target: String, body: Data = Data(), contentType: String? = nil
  ) async throws(SyncError) -> Data {
    guard let url = URL(string: target, relativeTo: server) else {
      throw .connection("\(server)\(target) is not a URL")
    }
    var lastFailure = ""
    for attempt in 1...attempts {
      var request = HTTPClientRequest(url: url.absoluteString)
      request.method = HTTPMethod(rawValue: method)
      let fields: [(name: String, value: String)]
      do {
        fields = try MessageSignature.sign(
          SignedRequest(method: method, target: target, body: body), with: key)
      } catch {
        throw .connection("the key cannot sign: \(error)")
      }
      for field in fields { request.headers.replaceOrAdd(name: field.name, value: field.value) }
      if let contentType { request.headers.replaceOrAdd(name: "Content-Type", value: contentType) }
      if method != "GET" { request.body = .bytes(ByteBuffer(data: body)) }
      let data: Data
      let status: Int
      do {
        let response = try await Self.http.execute(request, timeout: Self.attemptTimeout)
        status = Int(response.status.code)
        data = Data(buffer: try await response.body.collect(upTo: Self.largestAnswer))
      } catch {
        lastFailure = "\(error)"
        if attempt < attempts {
          try? await Task.sleep(nanoseconds: UInt64(200_000_000) << min(attempt - 1, 4))
        }
        continue
      }
      guard (200..<300).contains(status) else {
        if let problem = try? Self.decoder.decode(APIProblem.self, from: data) { throw .refused(problem) }
        throw .refused(
          APIProblem(status: status, title: "http", detail: String(decoding: data.prefix(500), as: UTF8.self))
        )
      }
      return data
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
