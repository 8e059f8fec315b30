import Foundation
import KyCuong
import KyCuongREPL
import KyCuongStore
import Testing

/// A department server stand-in: fails the first `failures` sends (or all), then holds what it is sent.
final class FakeLogSender: LogSender, @unchecked Sendable {
  struct Offline: Error, CustomStringConvertible {
    var description: String { "no network in the building" }
  }

  private let lock = NSLock()
  private var failuresLeft: Int
  private var held: [String: Data] = [:]
  let destination = "https://so-noi-vu.example/"

  init(failures: Int) { self.failuresLeft = failures }

  func send(_ log: Data, audit: String, device: String) throws -> Int {
    try lock.withLock {
      if failuresLeft > 0 {
        failuresLeft -= 1
        throw Offline()
      }
      held["\(audit)/\(device)"] = log
    }
    return log.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
  }

  func log(of audit: String, device: String) -> Data? { lock.withLock { held["\(audit)/\(device)"] } }
}

@Suite("Sending the log to the department server from the REPL")
struct SessionSyncTests {
  /// Polls `condition` for up to `seconds` (the uploader sends on a thread of its own, so a test process
  /// busy with other suites does not hold it up).
  func eventually(_ seconds: Double = 30, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      try? await Task.sleep(nanoseconds: 50_000_000)
    }
    return condition()
  }

  @Test("the prompt shows ↑N until the server holds the log; answers never wait; the count is kept on disk")
  func promptCountsWhatIsNotSent() async throws {
    let sender = FakeLogSender(failures: 1)
    let harness = try Harness(language: .en, logSender: sender)
    let id = try harness.startAudit()
    // The first send failed at once (no network): the start is not on the server yet.
    #expect(await eventually { harness.session.prompt.contains("↑1") }, "\(harness.session.prompt)")
    #expect(harness.send("10/12").succeeded, "answering does not wait for the server")
    #expect(harness.session.prompt.contains("↑"))
    // Retried after a second: then the server holds the whole log and the mark goes.
    #expect(await eventually { !harness.session.prompt.contains("↑") }, "\(harness.session.prompt)")
    let log = try harness.store.logData(for: id)
    #expect(sender.log(of: id, device: "leader") == log)
    #expect(harness.store.sentLineCount(for: id) == 2)
    #expect(harness.send("sync").text == "https://so-noi-vu.example/ has all of this device's log.")
    // A later session knows what was sent: nothing is unsent, no mark.
    let next = try Harness(language: .en, temporary: harness.temporary, logSender: FakeLogSender(failures: 0))
    next.send("resume \(id)")
    #expect(!next.session.prompt.contains("↑"), "\(next.session.prompt)")
  }

  @Test("offline, `sync` says how much waits and why, and it is tried again")
  func offlineSyncSaysWhy() async throws {
    let harness = try Harness(language: .en, logSender: FakeLogSender(failures: .max))
    try harness.startAudit()
    harness.send("10/12")
    #expect(
      await eventually {
        harness.send("sync").text.contains("The last attempt failed: no network in the building")
      })
    let reply = harness.send("sync")
    #expect(
      reply.succeeded && reply.text.hasPrefix("2 event(s) not yet on https://so-noi-vu.example/; sending."))
    #expect(harness.session.prompt.contains("↑2"))
    #expect(harness.session.finishSending(timeout: 0.1)?.unsent == 2)
  }

  @Test("without a server, there is no mark and `sync` says how to configure one")
  func noServerConfigured() throws {
    let harness = try Harness(language: .en)
    try harness.startAudit()
    #expect(!harness.session.prompt.contains("↑"))
    let reply = harness.send("sync")
    #expect(!reply.succeeded && reply.text.contains("--server URL --key KEYFILE"))
    #expect(harness.session.finishSending(timeout: 0.1) == nil)
  }
}
