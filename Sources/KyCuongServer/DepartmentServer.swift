import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import KyCuongArchive
import Logging
import NIOCore
import NIOSSL

/// The department server: the API devices push audits to (`/api/v1`, signed requests) and the web
/// dashboard people review them on, over one ``/KyCuongArchive/DepartmentArchive``.
///
/// ```swift
/// let archive = try await DepartmentArchive.open(.sqlite(file))
/// let server = try DepartmentServer(archive: archive, configuration: .init(port: 8080))
/// try await server.run { port in print("listening on \(port)") }
/// ```
///
/// With a ``ServerCertificate`` it serves HTTPS and may listen on any address; without one it serves plain
/// HTTP and listens only on a loopback address (for a TLS proxy on the same machine, or a test).
public struct DepartmentServer: Sendable {
  /// How the server listens and what it accepts.
  public struct Configuration: Sendable {
    /// The address to listen on: a loopback address unless ``certificate`` is set.
    public var host: String
    /// The port; 0 lets the system choose a free one (``run(logger:onListening:)`` says which).
    public var port: Int
    /// How far a signed request's `created` may be from the server's time.
    public var signatureWindow: TimeInterval
    /// The largest body accepted, in bytes (an export or a bundle with its attachments).
    public var maximumBodySize: Int
    /// How long a web session lasts.
    public var sessionLength: TimeInterval
    /// The certificate to serve HTTPS with; `nil` serves plain HTTP, on loopback only.
    public var certificate: ServerCertificate?

    /// A configuration; the defaults suit a department.
    public init(
      host: String = "127.0.0.1", port: Int = 8080, signatureWindow: TimeInterval = 300,
      maximumBodySize: Int = 64 << 20, sessionLength: TimeInterval = 8 * 3600,
      certificate: ServerCertificate? = nil
    ) {
      self.host = host
      self.port = port
      self.signatureWindow = signatureWindow
      self.maximumBodySize = maximumBodySize
      self.sessionLength = sessionLength
      self.certificate = certificate
    }

    /// Whether the server terminates TLS: its cookies are then `Secure`, and its responses carry HSTS.
    var servesTLS: Bool { certificate != nil }
  }

  /// Why the server cannot start.
  public struct StartError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What to change.
    public var description: String
  }

  /// The server's records (devices, people, reviews) beside the archive's.
  public let store: ServerStore
  /// How it listens.
  public let configuration: Configuration
  /// The TLS configuration read from ``Configuration/certificate``, checked at start.
  let tlsConfiguration: TLSConfiguration?

  /// A server over `archive`.
  ///
  /// - Throws: ``StartError`` when `configuration.host` is not a loopback address and there is no
  ///   certificate (passwords, cookies and audits must not cross a network in clear), or when the
  ///   certificate's files cannot be read or its key is not its own.
  public init(archive: DepartmentArchive, configuration: Configuration = Configuration()) throws(StartError) {
    guard configuration.certificate != nil || Self.loopbackHosts.contains(configuration.host.lowercased())
    else {
      throw StartError(
        description:
          "without a certificate the server speaks plain HTTP and listens only on loopback (127.0.0.1, ::1 or "
          + "localhost), not on \(configuration.host); give it --tls-cert and --tls-key to serve a network")
    }
    guard (0...65535).contains(configuration.port) else {
      throw StartError(description: "the port \(configuration.port) is not between 0 and 65535")
    }
    self.tlsConfiguration = try configuration.certificate?.tlsConfiguration()
    self.store = ServerStore(archive: archive)
    self.configuration = configuration
  }

  static let loopbackHosts: Set<String> = ["127.0.0.1", "::1", "localhost"]

  /// The routes of the API and the dashboard.
  func router() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: configuration.servesTLS))
    APIResponder(store: store, configuration: configuration).addRoutes(to: router)
    DashboardResponder(store: store, configuration: configuration).addRoutes(to: router)
    return router
  }

  /// Serves until the process receives SIGTERM or SIGINT, then finishes the requests under way.
  ///
  /// - Parameters:
  ///   - logger: Where the server logs (its start, and errors of connections).
  ///   - onListening: Called once with the port the server listens on.
  /// - Throws: When the address cannot be bound (the port is taken) or the server fails.
  public func run(
    logger: Logger = Logger(label: "kycuong.server"), onListening: @escaping @Sendable (Int) async -> Void
  ) async throws {
    let server: HTTPServerBuilder =
      if let tlsConfiguration { try .tls(.http1(), tlsConfiguration: tlsConfiguration) } else { .http1() }
    let app = Application(
      router: router(), server: server,
      configuration: ApplicationConfiguration(
        address: .hostname(configuration.host, port: configuration.port), serverName: "kycuong"),
      onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
      logger: logger)
    try await app.runService()
  }
}
