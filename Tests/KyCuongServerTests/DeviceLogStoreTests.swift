import Foundation
import KyCuongArchive
import KyCuongIntegrity
import KyCuongSync
import SQLKit
import Testing

@testable import KyCuongServer

/// The server's copies of team members' device logs: stored as appends, never replaced; a fork, a refusal
/// by the team's check, and a segment changed by hand are each told.
@Suite("The server's device logs")
struct DeviceLogStoreTests {
  let stores = ServerStoreTests()

  func push(
    _ text: String, _ store: ServerStore, by device: ServerDevice,
    admitting: @Sendable @escaping ([StoredDeviceLog]) -> APIProblem? = { _ in nil }
  ) async throws -> ServerStore.DeviceLogAdmission {
    try await store.pushDeviceLog(
      Data(text.utf8), device: "binh-tablet", recorder: "Trần Thị Bình", of: "A-1", by: device,
      admitting: admitting)
  }

  func outcome(_ admission: ServerStore.DeviceLogAdmission) -> String {
    switch admission {
    case .stored(let outcome, let entry): "\(outcome.rawValue) \(entry.lineCount)"
    case .refused(let problem): "refused \(problem.status) \(problem.title)"
    }
  }

  @Test("a log is created, extended by its new bytes only, and an older or equal copy changes nothing")
  func appends() async throws {
    let (store, folder) = try await stores.makeStore()
    let device = try await store.registerDevice(
      SigningKey(signer: "Bình").publicKey, name: "Bình", team: "Đoàn 1", role: .member, addedBy: "lan")
    #expect(outcome(try await push("một\nhai\n", store, by: device)) == "created 2")
    #expect(outcome(try await push("một\nhai\n", store, by: device)) == "unchanged 2")
    #expect(outcome(try await push("một\n", store, by: device)) == "behind 2")
    #expect(outcome(try await push("một\nhai\nba\n", store, by: device)) == "extended 3")
    let logs = try await store.deviceLogs(of: "A-1")
    #expect(logs.count == 1 && logs[0].data == Data("một\nhai\nba\n".utf8))
    #expect(logs[0].entry.sha256 == Digest.hex(of: Data("một\nhai\nba\n".utf8)))
    // Two segments: the first push's bytes, then only the third line.
    let segments = try await store.archive.withDatabase("reading", writing: false) { db in
      try await db.select().column("start_offset").from("server_device_logs").orderBy("start_offset").all()
        .map { try $0.decode(column: "start_offset", as: Int.self) }
    }
    #expect(segments == [0, Data("một\nhai\n".utf8).count])
    await stores.remove(store, folder)
  }

  @Test("a copy that differs where both have bytes is a fork (409, with the line); the team's check refuses")
  func refusals() async throws {
    let (store, folder) = try await stores.makeStore()
    let device = try await store.registerDevice(
      SigningKey(signer: "Bình").publicKey, name: "Bình", team: "Đoàn 1", role: .member, addedBy: "lan")
    _ = try await push("một\nhai\n", store, by: device)
    let forked = try await push("một\nHAI\nba\n", store, by: device)
    #expect(outcome(forked) == "refused 409 forked")
    if case .refused(let problem) = forked { #expect(problem.detail.contains("from line 2")) }
    let checked = try await push("một\nhai\nba\n", store, by: device) { logs in
      // The check sees the log as it would be stored, beside every other device's.
      logs.map(\.entry.lineCount) == [3] ? APIProblem(status: 422, title: "refused-merge", detail: "no") : nil
    }
    #expect(outcome(checked) == "refused 422 refused-merge")
    #expect(try await store.deviceLogs(of: "A-1").first?.entry.lineCount == 2, "nothing was stored")
    let log = try await store.requestLog().map(\.outcome)
    #expect(log.contains { $0.hasPrefix("created device binh-tablet's log of A-1: 2 new lines") })
    await stores.remove(store, folder)
  }

  @Test("a segment changed by hand, or a gap between segments, is told, not served")
  func damage() async throws {
    let (store, folder) = try await stores.makeStore()
    let device = try await store.registerDevice(
      SigningKey(signer: "Bình").publicKey, name: "Bình", team: "Đoàn 1", role: .member, addedBy: "lan")
    _ = try await push("một\nhai\n", store, by: device)
    _ = try await push("một\nhai\nba\n", store, by: device)
    try await store.archive.withDatabase("tampering", writing: true) { db in
      try await db.update("server_device_logs").set("content", to: SQLBind(Data("bốn\n".utf8)))
        .where("start_offset", .greaterThan, 0).run()
    }
    await #expect(throws: ServerStoreError.self) { try await store.deviceLogs(of: "A-1") }
    try await store.archive.withDatabase("tampering", writing: true) { db in
      try await db.delete(from: "server_device_logs").where("start_offset", .equal, 0).run()
    }
    await #expect(throws: ServerStoreError.self) { try await store.deviceLogs(of: "A-1") }
    await stores.remove(store, folder)
  }
}
