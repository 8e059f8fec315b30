import Foundation
import KyCuong
import KyCuongStore

/// Sends the open audit's log to a ``LogSender`` in the background: the queue is the log on disk itself,
/// and what the destination acknowledged is recorded beside it (``/KyCuongStore/AuditStore/recordSent(_:for:)``),
/// so that what is not sent survives the session and is sent by the next one. One send at a time, on a
/// thread of its own (not Swift's cooperative pool, which a host busy with other work may hold); after a
/// failure it waits (1 s, doubling to a minute) and tries again, for as long as the process runs.
final class LogUploader: @unchecked Sendable {
  /// What the uploader knows of one audit's log.
  struct State {
    /// The lines the destination holds.
    var acknowledged: Int
    /// Whether a send (or its retry loop) is under way.
    var sending = false
    /// Why the last attempt failed, until one succeeds.
    var lastFailure: String?
    /// Whether the send is waiting to try again after a failure (nothing is under way on the network).
    var waitingToRetry = false
  }

  /// What a fetch of the other devices' logs came to.
  enum Fetch {
    /// Each other device's log, as the destination holds it.
    case fetched([(device: String, data: Data)])
    /// Why they could not be fetched.
    case failed(String)
  }

  let sender: any LogSender
  /// The session's store. The store is not thread-safe (its open logs are a dictionary the session changes):
  /// the sending thread uses only what touches files alone — ``AuditStore/logDataThroughOwnDescriptor(for:)``,
  /// ``AuditStore/sentLineCount(for:)`` and ``AuditStore/recordSent(_:for:)``.
  let store: AuditStore
  private let lock = NSLock()
  private var states: [String: State] = [:]
  /// A fetch of an audit's other logs under way (`nil`), or its outcome not yet taken by the session.
  private var fetches: [String: Fetch?] = [:]

  init(sender: any LogSender, store: AuditStore) {
    self.sender = sender
    self.store = store
  }

  /// The state of audit `id`'s log (read from the store the first time).
  func state(of id: String) -> State {
    lock.withLock { stateLocked(id) }
  }

  private func stateLocked(_ id: String) -> State {
    if let state = states[id] { return state }
    let state = State(acknowledged: store.sentLineCount(for: id))
    states[id] = state
    return state
  }

  /// The lines of a log of `lines` lines that are not yet acknowledged.
  func unsent(of id: String, lines: Int) -> Int { max(0, lines - state(of: id).acknowledged) }

  /// Starts sending audit `id`'s log, of `lines` lines now, when some are not acknowledged and no send is
  /// under way; returns at once.
  func kick(_ id: String, device: String, lines: Int) {
    let start: Bool = lock.withLock {
      var state = stateLocked(id)
      guard lines > state.acknowledged, !state.sending else { return false }
      state.sending = true
      states[id] = state
      return true
    }
    guard start else { return }
    Thread.detachNewThread { [self] in run(id, device: device) }
  }

  /// Sends until the destination holds every whole line of the log, waiting longer after each failure.
  private func run(_ id: String, device: String) {
    var delay: TimeInterval = 1
    while true {
      // The session may be appending, or closing the log, on its own thread: the file is read through a
      // descriptor of this thread's own, and only whole lines are sent (the last may be half written).
      let data = (try? store.logDataThroughOwnDescriptor(for: id)) ?? Data()
      let whole = data[..<((data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? data.startIndex)]
      let lines = whole.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
      if lines <= state(of: id).acknowledged {
        lock.withLock { states[id]?.sending = false }
        return
      }
      do {
        let held = try sender.send(Data(whole), audit: id, device: device)
        store.recordSent(held, for: id)
        lock.withLock {
          states[id]?.acknowledged = held
          states[id]?.lastFailure = nil
        }
        delay = 1
        // The destination holds less than was sent (it refused nothing but kept less): do not loop on it.
        if held < lines {
          lock.withLock {
            states[id]?.lastFailure = "the server holds \(held) of \(lines) lines"
            states[id]?.sending = false
          }
          return
        }
      } catch {
        lock.withLock {
          states[id]?.lastFailure = "\(error)"
          states[id]?.waitingToRetry = true
        }
        Thread.sleep(forTimeInterval: delay)
        lock.withLock { states[id]?.waitingToRetry = false }
        delay = min(delay * 2, 60)
      }
    }
  }

  /// Fetches the logs of audit `id` of every device but `device`, on a thread of its own, and waits at most
  /// `timeout` seconds for them: `nil` when they have not come yet (the fetch goes on, and the next call
  /// takes its outcome without starting another).
  func fetchOtherLogs(of id: String, excluding device: String, waiting timeout: TimeInterval) -> Fetch? {
    let start: Bool = lock.withLock {
      guard fetches[id] == nil else { return false }
      fetches[id] = .some(nil)
      return true
    }
    if start {
      Thread.detachNewThread { [self] in
        let outcome: Fetch
        do {
          outcome = .fetched(try sender.fetchLogs(of: id, excluding: device))
        } catch {
          outcome = .failed("\(error)")
        }
        lock.withLock { fetches[id] = .some(outcome) }
      }
    }
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let taken: Fetch? = lock.withLock {
        guard case .some(.some(let outcome)) = fetches[id] else { return nil }
        fetches[id] = nil
        return outcome
      }
      if let taken { return taken }
      if Date() >= deadline { return nil }
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  /// Waits until no send is under way on the network, at most `timeout` seconds: a send waiting to retry
  /// after a failure (no network) is not waited for.
  func waitUntilIdle(timeout: TimeInterval) {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline,
      lock.withLock({ states.values.contains { $0.sending && !$0.waitingToRetry } })
    {
      Thread.sleep(forTimeInterval: 0.05)
    }
  }
}
