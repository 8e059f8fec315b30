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
    return reply(
      .syncStatus(
        destination: uploader.sender.destination, unsent: max(0, audit.events.count - state.acknowledged),
        sending: state.sending, failure: state.lastFailure))
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
