#if Server
  import ArgumentParser
  import Foundation
  import KyCuong
  import KyCuongIntegrity
  import KyCuongSync

  extension KyCuongCommand {
    /// `kycuong sync push|audits`: a device's exchanges with the department server.
    struct Sync: AsyncParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract:
          "Push audits and team members' logs to the department server; pull logs and checklists; see reviews.",
        discussion: """
          Every request is signed with the device's key (--key, from `kycuong key generate`; the admin \
          registers its .pub with `kycuong server device add`). A push that loses its connection is sent \
          again; the server archives the same bytes once. While a team audit goes on, each device sends \
          its log (`push-log`), the leader pulls the members' logs and merges them (`pull-logs`), and a \
          member the leader invited joins from the server (`join`). `checklists --into DIR` takes the \
          newest version of each checklist the department publishes.
          """,
        subcommands: [Push.self, Audits.self, PushLog.self, PullLogs.self, Join.self, PullChecklists.self])
    }
  }

  /// The options every `kycuong sync` command shares.
  struct SyncOptions: ParsableArguments {
    @Option(help: "The server (default: $KYCUONG_SERVER).")
    var server: String?

    @Option(help: "The device's private key.", completion: .file())
    var key: String

    func client() throws(CommandFailure) -> SyncClient {
      try Self.client(server: server ?? ProcessEnvironment.variables["KYCUONG_SERVER"], key: key)
    }

    /// A client of `server` signing with the key in the file `key`.
    static func client(server: String?, key: String, attempts: Int = 5) throws(CommandFailure) -> SyncClient {
      guard let text = server, let url = URL(string: text), url.scheme == "http" || url.scheme == "https"
      else {
        throw CommandFailure(
          "name the server with --server http://HOST:PORT or KYCUONG_SERVER", status: .usage)
      }
      do {
        return SyncClient(
          server: url, key: try SigningKey.read(from: URL(fileURLWithPath: key)), attempts: attempts)
      } catch {
        throw CommandFailure("\(key): \(error)")
      }
    }
  }

  extension KyCuongCommand.Sync {
    /// `kycuong sync push FILE…`.
    struct Push: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "push", abstract: "Push exports or bundles to the server.")

      @Argument(help: "Export (.json) or bundle (.zip) files.", completion: .file())
      var files: [String]

      @OptionGroup var options: SyncOptions

      func execute() async throws(CommandFailure) {
        let client = try options.client()
        var refused = 0
        for file in files {
          let data: Data
          do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
          } catch {
            throw CommandFailure("\(file): cannot read it (\(error.localizedDescription))")
          }
          do throws(SyncError) {
            let receipt = try await client.push(data)
            let what = receipt.alreadyArchived ? "already on the server" : "archived"
            print(
              TerminalText.sanitized(
                "\(file): \(what) as \(receipt.auditID) (\(receipt.team)), review: \(receipt.reviewState.rawValue)"
              ))
          } catch {
            switch error {
            case .refused:
              Diagnostics.error("\(file): \(error)")
              refused += 1
            case .connection:
              throw CommandFailure("\(file): \(error)")
            }
          }
        }
        if refused > 0 { throw CommandFailure("\(refused) of \(files.count) refused", status: .negative) }
      }
    }

    /// `kycuong sync audits`.
    struct Audits: AsyncKyCuongSubcommand {
      static let configuration = CommandConfiguration(
        commandName: "audits", abstract: "The team's audits on the server, with their review state.")

      @Option(help: "Show one audit's review history.")
      var audit: String?

      @OptionGroup var options: SyncOptions

      func execute() async throws(CommandFailure) {
        let client = try options.client()
        do throws(SyncError) {
          if let audit {
            let found = try await client.audit(audit)
            print(TerminalText.sanitized("\(found.auditID)  \(found.unit)  \(found.reviewState.rawValue)"))
            for review in found.reviews {
              print(
                TerminalText.sanitized(
                  "  \(Timestamp.string(from: review.at))  \(review.reviewer)  \(review.state.rawValue)  \(review.comment)"
                ))
            }
          } else {
            for found in try await client.audits() {
              print(
                TerminalText.sanitized(
                  "\(found.auditID)  \(found.reviewState.rawValue)  \(found.unit)  "
                    + (found.overallScore.map { String(format: "%.1f", $0) } ?? "—")))
            }
          }
        } catch {
          throw CommandFailure("\(error)")
        }
      }
    }
  }
#endif
