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
          (/, sign in at /login) is for the people added with `kycuong server person add`. The server \
          speaks plain HTTP and listens only on loopback; a TLS proxy on the same machine serves the \
          network. It prints the address it listens on, then serves until SIGTERM or SIGINT.
          """)

      @Option(help: "The loopback address to listen on.")
      var host = "127.0.0.1"

      @Option(help: "The port (0: a free one, printed).")
      var port = 8080

      @Option(help: "How many seconds a signed request's time may be from the server's.")
      var signatureWindow = 300

      @Option(name: .customLong("maximum-body-mib"), help: "The largest body accepted, in MiB.")
      var maximumBodyMiB = 64

      @OptionGroup var archive: ArchiveOptions

      func execute() async throws(CommandFailure) {
        try await archive.with(create: true) { archive throws(CommandFailure) in
          let server: DepartmentServer
          do throws(DepartmentServer.StartError) {
            server = try DepartmentServer(
              archive: archive,
              configuration: .init(
                host: host, port: port, signatureWindow: TimeInterval(signatureWindow),
                maximumBodySize: maximumBodyMiB << 20))
          } catch {
            throw CommandFailure(error.description, status: .usage)
          }
          let location = archive.location.description
          let shownHost = host.contains(":") ? "[\(host)]" : host
          do {
            try await server.run { port in
              // Written at once, unbuffered: a script waits for this line to know the port.
              FileHandle.standardOutput.write(
                Data("kycuong serve: listening on http://\(shownHost):\(port) (archive \(location))\n".utf8))
            }
          } catch {
            throw CommandFailure("the server stopped: \(error)")
          }
        }
      }
    }
  }
#endif
