import Foundation
import KyCuongArchive
import KyCuongIntegrity
import KyCuongServer
import KyCuongSync
import Testing

/// The server's records in the archive's database (SQLite here; the PostgreSQL run is the server check's):
/// devices, nonces, people and sessions, teams of audits, reviews, the request log.
@Suite("The department server's records")
struct ServerStoreTests {
  /// A store over a new SQLite archive in a temporary folder (a connection left open when a test fails
  /// is closed when it goes).
  func makeStore() async throws -> (ServerStore, URL) {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "kycuong-server-\(UUID().uuidString)", directoryHint: .isDirectory)
    let archive = try await DepartmentArchive.open(.sqlite(folder.appending(path: "archive.sqlite")))
    return (ServerStore(archive: archive), folder)
  }

  func remove(_ store: ServerStore, _ folder: URL) async {
    await store.archive.close()
    try? FileManager.default.removeItem(at: folder)
  }

  @Test("a device is registered once, found by its key id, and refused once revoked")
  func devices() async throws {
    let (store, folder) = try await makeStore()
    let key = SigningKey(signer: "Máy của Bình").publicKey
    let device = try await store.registerDevice(
      key, name: "Máy của Bình", team: "Đoàn 1", role: .member, addedBy: "lan")
    #expect(device.keyID == MessageSignature.keyID(of: key))
    await #expect(throws: ServerStoreError.self) {
      try await store.registerDevice(key, name: "again", team: "Đoàn 2", role: .leader, addedBy: "lan")
    }
    let found = try #require(try await store.device(device.keyID))
    #expect(found.publicKey.rawRepresentation == key.rawRepresentation)
    #expect(found.team == "Đoàn 1" && found.role == .member && found.revokedAt == nil)
    try await store.revokeDevice(device.keyID)
    #expect(try await store.device(device.keyID)?.revokedAt != nil)
    await #expect(throws: ServerStoreError.self) { try await store.revokeDevice(device.keyID) }
    #expect(try await store.devices().count == 1)
    await remove(store, folder)
  }

  @Test("a nonce is accepted once per key; another key may use it; old nonces are forgotten")
  func nonces() async throws {
    let (store, folder) = try await makeStore()
    let now = Date()
    #expect(try await store.recordNonce("n-1", keyID: "a", created: now, now: now, window: 300))
    #expect(!(try await store.recordNonce("n-1", keyID: "a", created: now, now: now, window: 300)))
    #expect(try await store.recordNonce("n-1", keyID: "b", created: now, now: now, window: 300))
    // Ten minutes and a second later, the first is forgotten (its request would be refused as stale).
    let later = now.addingTimeInterval(601)
    #expect(try await store.recordNonce("n-1", keyID: "a", created: later, now: later, window: 300))
    await remove(store, folder)
  }

  @Test("the first team to push an audit keeps it, unless the push is refused")
  func teams() async throws {
    let (store, folder) = try await makeStore()
    #expect(try await store.claim("audit-1", for: "Đoàn 1", by: "k1") == ("Đoàn 1", true))
    #expect(try await store.claim("audit-1", for: "Đoàn 2", by: "k2") == ("Đoàn 1", false))
    #expect(try await store.teams() == ["audit-1": "Đoàn 1"])
    // Released only by the team that holds it.
    try await store.releaseClaim("audit-1", of: "Đoàn 2")
    #expect(try await store.teams() == ["audit-1": "Đoàn 1"])
    try await store.releaseClaim("audit-1", of: "Đoàn 1")
    #expect(try await store.teams().isEmpty)
    await remove(store, folder)
  }

  @Test("reviews are a log; the latest decision is the state")
  func reviews() async throws {
    let (store, folder) = try await makeStore()
    #expect(try await store.reviewStates().isEmpty)
    try await store.review("audit-1", state: .hasIssues, comment: "Thiếu ảnh BADGE-01", reviewer: "lan")
    try await store.review("audit-1", state: .approved, comment: "", reviewer: "lan")
    try await store.review("audit-2", state: .rejected, comment: "Sai đơn vị", reviewer: "minh")
    #expect(try await store.reviewStates() == ["audit-1": .approved, "audit-2": .rejected])
    #expect(try await store.reviews(of: "audit-1").map(\.state) == [.hasIssues, .approved])
    #expect(try await store.reviews(of: "audit-1").first?.comment == "Thiếu ảnh BADGE-01")
    await remove(store, folder)
  }

  @Test("people: only a bcrypt hash is kept; a session expires; a new password ends the sessions")
  func people() async throws {
    let (store, folder) = try await makeStore()
    await #expect(throws: ServerStoreError.self) {
      try await store.setPerson("lan", password: "short", role: .admin, addedBy: "root", cost: 4)
    }
    try await store.setPerson("lan", password: "mật khẩu đủ dài", role: .admin, addedBy: "root", cost: 4)
    let stored = try #require(try await store.person("lan"))
    #expect(stored.person.role == .admin)
    #expect(stored.passwordHash.hasPrefix("$2") && !stored.passwordHash.contains("mật khẩu"))
    let now = Date()
    try await store.startSession(tokenSHA256: "t1", csrfToken: "c1", person: "lan", at: now, lasting: 60)
    #expect(try await store.session(tokenSHA256: "t1", now: now)?.csrfToken == "c1")
    #expect(try await store.session(tokenSHA256: "t1", now: now.addingTimeInterval(61)) == nil)
    #expect(try await store.session(tokenSHA256: "other", now: now) == nil)
    try await store.setPerson("lan", password: "mật khẩu mới đủ dài", role: .viewer, addedBy: "root", cost: 4)
    #expect(try await store.session(tokenSHA256: "t1", now: now) == nil)
    #expect(try await store.people().map(\.role) == [.viewer])
    await remove(store, folder)
  }

  @Test("the request log keeps refusals newest first, paths cut at 300 characters")
  func requestLog() async throws {
    let (store, folder) = try await makeStore()
    try await store.log(
      method: "GET", path: "/api/v1/audits", status: 401, who: "anonymous", outcome: "401 signature")
    try await store.log(
      method: "GET", path: "/" + String(repeating: "a", count: 500), status: 404, who: "device k",
      outcome: "404")
    let log = try await store.requestLog()
    #expect(log.map(\.status) == [404, 401])
    #expect(log.first?.path.count == 300)
    await remove(store, folder)
  }
}
