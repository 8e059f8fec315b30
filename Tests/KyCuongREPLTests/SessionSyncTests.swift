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

  /// Holds `log` as device `device`'s log of `audit`, as if that device had sent it.
  func hold(_ log: Data, of audit: String, device: String) {
    lock.withLock { held["\(audit)/\(device)"] = log }
  }

  func fetchLogs(of audit: String, excluding device: String) throws -> [(device: String, data: Data)] {
    try lock.withLock {
      if failuresLeft > 0 {
        failuresLeft -= 1
        throw Offline()
      }
      return held.filter { $0.key.hasPrefix(audit + "/") && $0.key != "\(audit)/\(device)" }
        .sorted { $0.key < $1.key }.map { (String($0.key.dropFirst(audit.count + 1)), $0.value) }
    }
  }
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
    #expect(
      harness.send("sync").text
        == "https://so-noi-vu.example/ has all of this device's log.\nThe server has no member's log yet.")
    // A later session knows what was sent: nothing is unsent, no mark.
    let next = try Harness(language: .en, temporary: harness.temporary, logSender: FakeLogSender(failures: 0))
    next.send("resume \(id)")
    #expect(!next.session.prompt.contains("↑"), "\(next.session.prompt)")
  }

  @Test("the sending thread reads the log while the session appends to it, closes and reopens it: all sent")
  func sendingWhileTheSessionClosesTheLog() async throws {
    let sender = FakeLogSender(failures: 0)
    let harness = try Harness(language: .en, logSender: sender)
    let id = try harness.startAudit()
    // Each round appends (a send starts) and closes the log at once, while that send reads it: the store's
    // open logs change under the sending thread, which must not read them.
    for round in 0..<150 {
      #expect(harness.send("note --general vòng \(round)").succeeded)
      harness.send("quit")
      #expect(harness.send("resume \(id)").succeeded)
    }
    let log = try harness.store.logData(for: id)
    #expect(await eventually { sender.log(of: id, device: "leader") == log })
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

  @Test("the leader's `sync` fetches the members' logs and merges them: conflicts named, finish waits")
  func leaderMergesMembersLogs() throws {
    let sender = FakeLogSender(failures: 0)
    let (first, member, id) = try Harness.joinedMember(memberSender: nil, leaderSender: sender)
    let item = try #require(member.session.audit?.checklist.items.first?.id)
    member.send("goto \(item)")
    #expect(member.send("11/12").succeeded)
    member.send("quit")
    sender.hold(try member.store.logData(for: id), of: id, device: "binh-tablet")

    let leader = try Harness(language: .en, temporary: first.temporary, logSender: sender)
    leader.send("resume \(id)")
    leader.send("goto \(item)")
    #expect(leader.send("10/12").succeeded)
    let merged = leader.send("sync")
    #expect(merged.succeeded, "\(merged.text)")
    #expect(merged.text.contains("Merged the logs of binh-tablet: 2 new event(s)."), "\(merged.text)")
    #expect(merged.text.contains("1 item(s) in conflict (\(item))"), "\(merged.text)")
    #expect(try leader.store.teamLogs(for: id).map(\.log.device) == ["leader", "binh-tablet"])
    // Merging again adds nothing; the leader's own log was not touched by the merge.
    #expect(leader.send("sync").text.contains("binh-tablet: 0 new event(s)"))
    #expect(try leader.store.teamLogs(for: id)[0].log.events.count == leader.session.audit?.events.count)
    let finish = leader.send("finish --yes")
    #expect(!finish.succeeded && finish.text.contains(item.rawValue), "\(finish.text)")
  }

  @Test("a member's `sync` sends and fetches nothing; a fetch that fails says why and is tried again")
  func fetchOnlyForTheLeader() throws {
    let sender = FakeLogSender(failures: 0)
    let (_, member, _) = try Harness.joinedMember(memberSender: sender, leaderSender: sender)
    #expect(!member.send("sync").text.contains("member"), "a member merges nothing")
    let offline = try Harness(language: .en, logSender: FakeLogSender(failures: .max))
    try offline.startAudit()
    let reply = offline.send("sync")
    #expect(reply.succeeded && reply.text.contains("The members' logs could not be fetched: no network"))
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
