import ArgumentParser
import Foundation
import KyCuong
import KyCuongStore

extension KyCuongCommand.Audit {
  /// `kycuong audit join FILE`: starts a member's log of a team audit on this device.
  struct Join: KyCuongSubcommand {
    static let configuration = CommandConfiguration(
      commandName: "join",
      abstract: "Join a team audit from the leader's invitation: this device gets its own log of it.",
      discussion: """
        The log starts with the leader's first line and a `joined` event naming this device; then
        `kycuong audit` and `resume AUDIT` record on it, offline. Finishing, signing and resolving are the
        leader's, on the merged audit. Hand the log (the store's AUDIT.jsonl) back to the leader for
        `kycuong audit merge`.
        Exit status: 0 joined; 1 the invitation is not usable; 2 it cannot be read, or the audit is in this
        store already.
        """
    )

    @Argument(help: "The invitation file (`kycuong audit invite`).", completion: .file(extensions: ["json"]))
    var invitation: String

    @Option(
      help: """
        This device's id: 1 to 40 lowercase letters, digits and -, not "leader" (default: a random one).
        """)
    var device: String?

    @OptionGroup var storeOptions: StoreOptions

    /// Starts this device's log of the audit `invite` names (for `audit join` and `sync join`), and says so.
    ///
    /// - Parameters:
    ///   - invite: The invitation, from a file or made from the leader's log on the server.
    ///   - device: This device's id; `nil` for a random one.
    ///   - storeFolder: The store.
    /// - Throws: ``CommandFailure``: status 1 when the invitation is refused, 2 when the store fails.
    static func join(_ invite: TeamInvitation, device: String?, storeFolder: URL) throws(CommandFailure) {
      // Twelve hex digits: distinct across a team's laptops without anyone choosing.
      let id =
        device
        ?? String(UInt64.random(in: 0...UInt64.max), radix: 16).padding(
          toLength: 12, withPad: "0", startingAt: 0)
      umask(0o077)
      let store = AuditStore(directory: storeFolder)
      let joined: KyCuong.Audit
      do {
        joined = try store.join(invite, device: id, at: Date())
        store.close(invite.audit)
      } catch {
        if case .invitationRefused = error { throw CommandFailure(error.description, status: .negative) }
        throw CommandFailure(error.description)
      }
      try CommandFiles.write(
        TerminalText.sanitized(
          "Joined audit \(joined.id) (\(joined.header.unit.name)) as \(invite.member) on device \(id).\n"
            + "Record with `kycuong audit` then `resume \(joined.id)`; hand back \(store.logURL(for: joined.id).path)."
        )
          + "\n", to: nil, force: false)
    }

    func execute() throws(CommandFailure) {
      let data = try CommandFiles.read(invitation, limit: 16 << 20)
      let invite: TeamInvitation
      do {
        invite = try TeamInvitation(data: data)
      } catch {
        throw CommandFailure("\(invitation) is not a usable invitation: \(error)", status: .negative)
      }
      try Self.join(invite, device: device, storeFolder: storeOptions.folder)
    }
  }
}
