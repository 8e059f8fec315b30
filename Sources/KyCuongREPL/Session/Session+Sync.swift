import Foundation
import KyCuong

extension Session {
  /// ` ↑N` in the prompt while N events of the open audit's log are not yet on the server; empty otherwise,
  /// and always when no server is configured.
  var unsentMark: String {
    guard let audit, let uploader, !isReadOnly else { return "" }
    let unsent = uploader.unsent(of: audit.id, lines: audit.events.count)
    return unsent > 0 ? " ↑\(unsent)" : ""
  }

  /// The device the open audit's log is of: `leader`, or the member's device id.
  private var device: String? {
    audit.map { DeviceLog(name: $0.id, events: $0.events).device }
  }

  /// Starts sending what the server does not have of the open audit's log; returns at once.
  func sendInBackground() {
    guard let audit, let uploader, let device, !isReadOnly else { return }
    uploader.kick(audit.id, device: device, lines: audit.events.count)
    lastSentAudit = (audit.id, audit.events.count)
  }

  /// `sync`: sends now (in the background) and says what is not yet on the server, and why.
  func sync() -> SessionReply {
    guard let uploader else { return refuse(.syncNotConfigured) }
    guard let audit else { return refuse(.noAudit) }
    sendInBackground()
    let state = uploader.state(of: audit.id)
    let sent = text(
      .syncStatus(
        destination: uploader.sender.destination, unsent: max(0, audit.events.count - state.acknowledged),
        sending: state.sending, failure: state.lastFailure))
    guard let pulled = pullMembersLogs(uploader) else { return SessionReply(text: sent) }
    return SessionReply(text: sent + "\n" + text(pulled.message), succeeded: pulled.succeeded)
  }

  /// How long `sync` waits for the members' logs before it answers (the fetch goes on, and the next `sync`
  /// merges what came).
  static let fetchWait: TimeInterval = 5

  /// On the leader's log of a team audit: fetches the members' logs the server holds and merges them into
  /// the store, as `kycuong sync pull-logs` does (checked, idempotent, nothing replaced); the session's own
  /// log is not touched, and `finish` and `export` judge the merged audit. `nil` elsewhere.
  private func pullMembersLogs(_ uploader: LogUploader) -> (message: Message, succeeded: Bool)? {
    guard let audit, let device, !audit.isMembersLog, !isReadOnly, !audit.header.team.members.isEmpty else {
      return nil
    }
    guard
      let fetch = uploader.fetchOtherLogs(of: audit.id, excluding: device, waiting: Self.fetchWait)
    else { return (.syncFetching(destination: uploader.sender.destination), true) }
    switch fetch {
    // Like a send that failed, a fetch that failed is tried again; only a refused merge is a failure.
    case .failed(let reason): return (.syncFetchFailed(reason: reason), true)
    case .fetched(let logs):
      if logs.isEmpty { return (.syncMerged(devices: [], added: 0, conflicts: [], audit: audit.id), true) }
      do {
        let report = try store.merge(
          logs.map { ("device \($0.device)'s log on the server", $0.data) }, into: audit.id)
        let conflicts = report.audit.checklist.items.map(\.id).filter { report.audit.conflicts[$0] != nil }
        return (
          .syncMerged(
            devices: report.devices.dropFirst().map(\.log.device), added: report.addedEvents,
            conflicts: conflicts, audit: audit.id), true
        )
      } catch {
        return (.syncMergeRefused(error), false)
      }
    }
  }

  /// Waits, at most `timeout` seconds, for a send under way to end (when the session ends), and answers
  /// which audit's log was sent last and how many of its events are still not on the server.
  ///
  /// - Parameter timeout: How long to wait.
  /// - Returns: The audit and its unsent events; `nil` with no server configured or no audit opened.
  public func finishSending(timeout: TimeInterval) -> (audit: String, unsent: Int)? {
    guard let uploader, let last = lastSentAudit else { return nil }
    uploader.waitUntilIdle(timeout: timeout)
    return (last.id, uploader.unsent(of: last.id, lines: last.lines))
  }
}
