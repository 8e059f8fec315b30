#if Server
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive
  import KyCuongServer

  extension KyCuongCommand {
    /// `kycuong serve`: the department server over the archive.
    struct Serve: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the department server: the API devices push audits to, and the web dashboard.",
        discussion: """
          The API is under /api/v1 (its OpenAPI document at /api/v1/openapi.json); every request but the \
          health check is signed by a device registered with `kycuong server device add`. The dashboard \
          (/, sign in at /login) is for the people added with `kycuong server person add`. With \
          --tls-cert and --tls-key (PEM files) the server serves HTTPS and may listen on any address; \
          without them it speaks plain HTTP and listens only on loopback (behind a TLS proxy on the same \
          machine). It prints the address it listens on, then serves until SIGTERM or SIGINT.
          """)

      @Option(help: "The address to listen on: a loopback address unless --tls-cert is given.")
      var host = "127.0.0.1"

      @Option(
        name: .customLong("tls-cert"),
        help: "A PEM file of the server's certificate chain (its certificate first): serve HTTPS.")
      var certificateChainFile: String?

      @Option(name: .customLong("tls-key"), help: "The PEM file of that certificate's private key.")
      var privateKeyFile: String?

      @Option(help: "The port (0: a free one, printed).")
      var port = 8080

      @Option(help: "How many seconds a signed request's time may be from the server's.")
      var signatureWindow = 300

      @Option(name: .customLong("maximum-body-mib"), help: "The largest body accepted, in MiB.")
      var maximumBodyMiB = 64

      @OptionGroup var archive: ArchiveOptions

      func validate() throws {
        guard (certificateChainFile == nil) == (privateKeyFile == nil) else {
          throw ValidationError("--tls-cert and --tls-key go together: the certificate and its private key")
        }
      }

      func execute() async throws(CommandFailure) {
        let certificate = certificateChainFile.map { chain in
          ServerCertificate(chainFile: chain, privateKeyFile: privateKeyFile ?? "")
        }
        try await archive.with(create: true) { archive throws(CommandFailure) in
          let server: DepartmentServer
          do throws(DepartmentServer.StartError) {
            server = try DepartmentServer(
              archive: archive,
              configuration: .init(
                host: host, port: port, signatureWindow: TimeInterval(signatureWindow),
                maximumBodySize: maximumBodyMiB << 20, certificate: certificate))
          } catch {
            throw CommandFailure(error.description, status: .usage)
          }
          let location = archive.location.description
          let shownHost = host.contains(":") ? "[\(host)]" : host
          let scheme = certificate == nil ? "http" : "https"
          do {
            try await server.run { port in
              // Written at once, unbuffered: a script waits for this line to know the port.
              FileHandle.standardOutput.write(
                Data(
                  "kycuong serve: listening on \(scheme)://\(shownHost):\(port) (archive \(location))\n".utf8)
              )
            }
          } catch {
            throw CommandFailure("the server stopped: \(error)")
          }
        }
      }
    }
  }
#endif
