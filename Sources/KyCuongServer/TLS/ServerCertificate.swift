import Foundation
import NIOSSL

/// The certificate the server presents when it terminates TLS itself (`kycuong serve --tls-cert --tls-key`):
/// PEM files, the chain starting with the server's own certificate, and its private key.
///
/// With a certificate the server may listen on any address; without one it speaks plain HTTP and listens only
/// on loopback.
public struct ServerCertificate: Sendable, Hashable {
  /// The PEM file of the certificate chain: the server's certificate first, then any intermediates.
  public var chainFile: String
  /// The PEM file of the certificate's private key (not encrypted: the server starts unattended).
  public var privateKeyFile: String

  /// The certificate in `chainFile`, with its key in `privateKeyFile`.
  public init(chainFile: String, privateKeyFile: String) {
    self.chainFile = chainFile
    self.privateKeyFile = privateKeyFile
  }

  /// The TLS configuration for these files, checked as a connection would use it: both files read, the key
  /// the certificate's own. TLS 1.2 at least; HTTP/1.1 offered by ALPN.
  func tlsConfiguration() throws(DepartmentServer.StartError) -> TLSConfiguration {
    let chain: [NIOSSLCertificate]
    do {
      chain = try NIOSSLCertificate.fromPEMFile(chainFile)
    } catch {
      throw Self.failure("the certificate file \(chainFile) cannot be read as PEM certificates", error)
    }
    guard !chain.isEmpty else {
      throw DepartmentServer.StartError(
        description: "the certificate file \(chainFile) holds no PEM certificate (BEGIN CERTIFICATE)")
    }
    let key: NIOSSLPrivateKey
    do {
      key = try NIOSSLPrivateKey(file: privateKeyFile, format: .pem)
    } catch {
      throw Self.failure(
        "the key file \(privateKeyFile) cannot be read as an unencrypted PEM private key", error)
    }
    var configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    configuration.minimumTLSVersion = .tlsv12
    configuration.applicationProtocols = ["http/1.1"]
    do {
      // The context checks that the key belongs to the first certificate: a mismatch is told at start, not
      // as every connection's failed handshake.
      _ = try NIOSSLContext(configuration: configuration)
    } catch {
      throw Self.failure(
        "the key in \(privateKeyFile) is not the key of the first certificate in \(chainFile)", error)
    }
    return configuration
  }

  private static func failure(_ what: String, _ error: any Error) -> DepartmentServer.StartError {
    DepartmentServer.StartError(description: "\(what) (\(error))")
  }
}
