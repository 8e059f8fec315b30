import ArgumentParser
import Foundation
import KyCuong
import KyCuongStore

extension KyCuongCommand.Audit {
  /// `kycuong audit invite AUDIT --member NAME`: the file a member joins a team audit from.
  struct Invite: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "invite",
      abstract: "Write the invitation a team member joins an audit from, on their own device.",
      discussion: """
        The leader runs it on the audit they started; the member runs `kycuong audit join FILE` on their
        laptop, records there (offline), and hands their log back for `kycuong audit merge`. The invitation
        holds the audit's first log line (header and checklist snapshot); nothing secret.
        Exit status: 0 written; 1 the name is not a member of the audit's team; 2 the audit cannot be read or
        the file cannot be written.
        """
    )

    @Argument(help: "The audit's id in the store.")
    var audit: String

    @Option(help: "The member invited, as the audit's team lists them.")
    var member: String

    @Option(name: .shortAndLong, help: "The invitation file to write (default: standard output).")
    var output: String?

    @Flag(help: "Replace the file if it exists.")
    var force = false

    @OptionGroup var storeOptions: StoreOptions

    func execute() throws(CommandFailure) {
      let store = AuditStore(directory: storeOptions.folder)
      let data: Data
      do {
        data = try store.invite(member, to: audit, at: Date()).jsonData()
      } catch let error as AuditStoreError {
        if case .invitationRefused = error { throw CommandFailure(error.description, status: .negative) }
        throw CommandFailure(error.description)
      } catch {
        throw CommandFailure(CommandFiles.reason(error))
      }
      try CommandFiles.write(data + Data("\n".utf8), to: output, force: force)
    }
  }
}
