#if Archive
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongArchive

  extension KyCuongCommand.Archive {
    /// `kycuong archive keys add|list|revoke`: the team leaders' public keys.
    struct Keys: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "The team leaders' public keys: who registered each, since when, and revocations.",
        discussion: """
          The policy: an export signed by a registered key is archived as trusted; one signed by a key the \
          archive does not know is archived and marked "unknown key" (refused under import \
          --require-signature); one signed by a revoked key is refused. Documents archived before a \
          revocation stay, with the trust they were given.
          """,
        subcommands: [Add.self, ListKeys.self, Revoke.self])

      /// `kycuong archive keys add FILE… --by NAME`.
      struct Add: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "add",
          abstract: "Register team leaders' public keys (the NAME.key.pub files of `kycuong key generate`).")

        @Argument(help: "Public key files.", completion: .file(extensions: ["pub"]))
        var files: [String]

        @Option(help: "Who registers them (default: $USER).")
        var by: String?

        @OptionGroup var archive: ArchiveOptions

        func validate() throws {
          if files.isEmpty { throw ValidationError("name the public key files (NAME.key.pub)") }
        }

        func execute() async throws(CommandFailure) {
          let person = by ?? ProcessEnvironment.variables["USER"] ?? "unknown"
          let now = Date()
          try await archive.with(create: true) { archive throws(CommandFailure) in
            for file in files {
              let registration: KeyRegistration
              do throws(ArchiveError) {
                registration = try await archive.registerKey(
                  file: URL(fileURLWithPath: file), addedBy: person, at: now)
              } catch {
                throw CommandFailure("\(file): \(error.message)")
              }
              let key = registration.key
              switch registration {
              case .registered:
                print(TerminalText.sanitized("\(key.fingerprint)  \(key.signer): registered"))
              case .alreadyRegistered:
                print(
                  TerminalText.sanitized(
                    "\(key.fingerprint)  \(key.signer): already registered by \(key.addedBy) on "
                      + ReportFormatting.day(key.addedAt)))
              }
            }
          }
        }
      }

      /// `kycuong archive keys list`.
      struct ListKeys: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "list", abstract: "List the registered keys, oldest first.")

        @Option(help: "Output: table, csv or json.")
        var format: Listing.Format = .table

        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          let keys = try await archive.with { archive throws(CommandFailure) in
            do throws(ArchiveError) {
              return try await archive.keys()
            } catch {
              throw CommandFailure(error)
            }
          }
          print(try Listing.keys(keys).rendered(format), terminator: "")
        }
      }

      /// `kycuong archive keys revoke FINGERPRINT --by NAME --reason TEXT`.
      struct Revoke: AsyncKyCuongSubcommand {
        static let configuration = CommandConfiguration(
          commandName: "revoke",
          abstract: "Revoke a key: documents signed with it are refused from now on; those archived stay.")

        @Argument(help: "The key's fingerprint, as `keys list` shows it (spaces optional).")
        var fingerprint: String

        @Option(help: "Who revokes it (default: $USER).")
        var by: String?

        @Option(help: "Why (a lost laptop, a leader who left).")
        var reason: String

        @OptionGroup var archive: ArchiveOptions

        func execute() async throws(CommandFailure) {
          let person = by ?? ProcessEnvironment.variables["USER"] ?? "unknown"
          let key = try await archive.with { archive throws(CommandFailure) in
            do throws(ArchiveError) {
              return try await archive.revokeKey(fingerprint: fingerprint, by: person, reason: reason)
            } catch {
              throw CommandFailure(error.message, status: error.code == .key ? .negative : .failure)
            }
          }
          print(TerminalText.sanitized("\(key.fingerprint)  \(key.signer): revoked"))
        }
      }
    }
  }
#endif
