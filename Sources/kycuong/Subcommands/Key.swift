import ArgumentParser
import Foundation
import KyCuong
import KyCuongIntegrity

extension KyCuongCommand {
  /// `kycuong key generate|show`: a team leader's Ed25519 signing key.
  struct Key: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "key",
      abstract: "Make or show a team leader's signing key (Ed25519).",
      subcommands: [Generate.self, ShowKey.self]
    )

    /// `kycuong key generate --signer NAME --out FILE`.
    struct Generate: KyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Make a key pair: FILE (private, mode 0600) and FILE.pub (public, to give to verifiers).",
        discussion:
          "Existing files are never overwritten. Keep the private key to yourself: `finish --sign FILE`."
      )

      @Option(help: "The team leader's name, shown with every signature.")
      var signer: String

      @Option(help: "The private key file to create; the public key goes to FILE.pub.", completion: .file())
      var out: String

      func validate() throws {
        if signer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          throw ValidationError("--signer needs the team leader's name")
        }
      }

      func execute() throws(CommandFailure) {
        let name = signer.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = SigningKey(signer: name)
        do {
          try key.write(to: URL(fileURLWithPath: out))
        } catch {
          throw CommandFailure(error.description)
        }
        print("private key: \(out) (mode 0600; keep it to yourself)")
        print("public key:  \(out).pub (give it to whoever checks your signatures: `kycuong verify --key`)")
        print("signer:      \(name)")
        print("fingerprint: \(key.publicKey.fingerprint)")
      }
    }

    /// `kycuong key show FILE`.
    struct ShowKey: KyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a key's signer and fingerprint (public or private key file).")

      @Argument(help: "A key file.", completion: .file())
      var file: String

      func execute() throws(CommandFailure) {
        let url = URL(fileURLWithPath: file)
        let key: PublicSigningKey
        do {
          key = try PublicSigningKey.read(from: url)
        } catch {
          do throws(KeyError) {
            key = try SigningKey.read(from: url).publicKey
          } catch let privateError {
            throw CommandFailure(privateError.description)
          }
        }
        print("signer:      \(key.signer)")
        print("created:     \(Timestamp.string(from: key.createdAt))")
        print("fingerprint: \(key.fingerprint)")
      }
    }
  }
}
